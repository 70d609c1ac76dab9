from __future__ import annotations

import gzip
import socket
import time
from typing import Any

import pytest

from local_http import Route, serve
from newsdesk.config import Settings
from newsdesk.fetch import Fetcher, FetchError, check_url
from newsdesk.models import Rejection
from newsdesk.sources import read_sources

LOCAL = Settings(allow_private_addresses=True)


def test_redirects_conditional_get_and_user_agent() -> None:
    with serve({}) as server:
        server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
        server.routes["/new"] = Route(b"<p>hello</p>", headers={"ETag": '"v1"'})
        with Fetcher(LOCAL) as fetcher:
            first = fetcher.fetch(f"{server.base}/old")
            assert (first.status, first.content, first.url) == (
                200,
                b"<p>hello</p>",
                f"{server.base}/new",
            )
            assert first.etag == '"v1"' and not first.not_modified
            again = fetcher.fetch(first.url, etag=first.etag)
        assert again.not_modified and again.content == b""
        assert server.requests[-1][1]["if-none-match"] == '"v1"'
        assert server.requests[0][1]["user-agent"] == LOCAL.user_agent


def test_size_cap_applies_after_decompression() -> None:
    bomb = gzip.compress(b"a" * 5_000_000)
    routes = {"/bomb": Route(bomb, headers={"Content-Encoding": "gzip"})}
    with (
        serve(routes) as server,
        Fetcher(LOCAL.replace(fetch_max_bytes=1_000_000)) as fetcher,
        pytest.raises(FetchError, match="larger than 1,000,000 bytes"),
    ):
        fetcher.fetch(f"{server.base}/bomb")


def test_redirect_to_loopback_is_refused_at_each_hop() -> None:
    with serve({}) as server:
        server.routes["/hop"] = Route(status=302, headers={"Location": f"{server.base}/x"})
        with Fetcher(Settings()) as fetcher, pytest.raises(FetchError, match="non-public"):
            fetcher.fetch(f"{server.base}/hop")
        assert server.requests == []


def test_a_host_rebinding_to_loopback_after_the_check_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # DNS rebinding: the name resolves to a public address when checked, then to loopback when
    # the connection is made. The connection must be refused, not made to the local server.
    real_getaddrinfo = socket.getaddrinfo
    lookups: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.test":
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        address = "93.184.216.34" if len(lookups) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with serve({"/x": Route(b"secret")}) as server:
        port = server.base.rsplit(":", 1)[1]
        with Fetcher(Settings()) as fetcher, pytest.raises(FetchError, match="non-public"):
            fetcher.fetch(f"http://rebind.test:{port}/x")
        assert server.requests == []
    assert len(lookups) == 2  # checked, then resolved again at connect time


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/feed",
        "http://10.0.0.5/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:192.168.1.1]/",
        "file:///etc/passwd",
        "ftp://example.com/",
    ],
)
def test_private_and_non_http_urls_are_refused(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url, Settings())


def test_http_errors_are_fetch_errors() -> None:
    with (
        serve({"/gone": Route(b"gone", status=410)}) as server,
        Fetcher(LOCAL) as fetcher,
        pytest.raises(FetchError, match="HTTP 410"),
    ):
        fetcher.fetch(f"{server.base}/gone")


def test_a_server_dripping_its_body_cannot_hold_a_fetch_past_the_timeout() -> None:
    """fetch_timeout bounded each read only: 100 bytes every 2 s held ingest for 42 s with a
    3 s timeout. The whole fetch is bounded now, and the rejection names the URL."""
    page = b"<html><body><p>" + b"Slow words arrive one by one. " * 200 + b"</p></body></html>"
    settings = Settings(allow_private_addresses=True, fetch_timeout=1.0, fetch_host_delay=0)
    with serve({"/drip": Route(page, drip=0.2)}) as server:  # 6,000+ bytes: 12 s in all
        url = f"{server.base}/drip"
        started = time.monotonic()
        (item,) = read_sources([url], settings)
        elapsed = time.monotonic() - started
        assert isinstance(item, Rejection)
        assert str(item) == (
            f"{url}: gave up on {url}: no complete response within 1 s (fetch_timeout)"
        )
        assert elapsed < 6  # about 1 s; the whole body would take 12

        with serve({"/page": Route(page)}) as fast, Fetcher(settings) as fetcher:
            assert fetcher.fetch(f"{fast.base}/page").content == page
