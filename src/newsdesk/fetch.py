"""Polite, safe HTTP fetching for feeds and pages (used by ingest and by ``newsdesk watch``).

Safety: only http(s); every hop's host is resolved and refused if any address is private,
loopback, link-local, multicast or reserved (unless ``settings.allow_private_addresses``), and
checked again on the addresses the connection is actually made to, so a host that re-resolves to
a private address after the first check (DNS rebinding) is refused too (except behind an
environment proxy, which makes the connections itself); redirects are followed
by hand so each hop is checked; bodies are streamed and cut off at ``settings.fetch_max_bytes``
*after* decompression, so a gzip bomb cannot fill memory.
Politeness: a clear user agent, timeouts, and a minimum delay between requests to one host.
``settings.fetch_timeout`` bounds each connect and read *and* the whole fetch, redirects
included: a server sending a few bytes now and then cannot hold a fetch for longer.
Conditional GET: pass the ETag / Last-Modified of the previous response; a 304 comes back as
``FetchResult.not_modified``.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from newsdesk.config import Settings

_MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_FEED = (
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line fit for the user."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # the final URL, after redirects
    status: int
    content: bytes
    headers: Mapping[str, str]  # lower-case names

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return parse_content_type(self.headers.get("content-type", ""))[0]

    @property
    def charset(self) -> str | None:
        return parse_content_type(self.headers.get("content-type", ""))[1]


def parse_content_type(value: str) -> tuple[str, str | None]:
    """``"text/html; charset=UTF-8"`` -> ``("text/html", "UTF-8")``."""
    kind, *params = value.split(";")
    charset = None
    for part in params:
        name, _, setting = part.partition("=")
        if name.strip().lower() == "charset":
            charset = setting.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: str, settings: Settings) -> None:
    """Raise FetchError unless ``url`` is http(s) and (by default) resolves only to public IPs."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(f"invalid URL: {error}") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    if settings.allow_private_addresses:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve host {host!r}: {error}") from None
    for info in infos:
        address = str(info[4][0])
        if not _is_public(address):
            raise FetchError(
                f"refused: {host} resolves to non-public address {address} "
                "(set allow_private_addresses to allow)"
            )


class _PublicOnlyBackend(httpcore.SyncBackend):
    """Resolves the host itself and connects only if every address is public."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise httpcore.ConnectError(f"cannot resolve host {host!r}: {error}") from None
        addresses = [str(info[4][0]) for info in infos]
        for address in addresses:
            if not _is_public(address):
                raise httpcore.ConnectError(
                    f"refused: {host} resolves to non-public address {address} at connect time"
                )
        failure: Exception = httpcore.ConnectError(f"no address for {host!r}")
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                failure = error
        raise failure


def _env_proxy() -> bool:
    proxies = urllib.request.getproxies()
    return any(proxies.get(scheme) for scheme in ("http", "https", "all"))


def _public_only_transport() -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport()
    transport._pool.close()  # replaced below; it holds no connection yet
    # httpx has no public hook for the network backend, so its pool is rebuilt around ours
    # (tests/test_fetch.py checks a rebinding host is refused, should httpx's internals move).
    limits = httpx.Limits()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_PublicOnlyBackend(),
    )
    return transport


class Fetcher:
    """A reusable HTTP client; use as a context manager or call :meth:`close`."""

    def __init__(
        self,
        settings: Settings,
        *,
        host_delay: float | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._settings = settings
        self._host_delay = settings.fetch_host_delay if host_delay is None else host_delay
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        # Behind an egress proxy (HTTP(S)_PROXY / ALL_PROXY in the environment) the proxy makes
        # the connections: httpx's own transport then honours it, and the URL check still runs.
        if transport is None and not settings.allow_private_addresses and not _env_proxy():
            transport = _public_only_transport()
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _wait_for_host(self, host: str) -> None:
        if self._host_delay <= 0:
            return
        with self._lock:
            now = time.monotonic()
            ready = self._last_request.get(host, 0.0) + self._host_delay
            self._last_request[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = ACCEPT_HTML,
    ) -> FetchResult:
        """GET ``url``; raise FetchError for refused, failed, non-2xx/304 or oversized responses."""
        headers = {"Accept": accept, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        deadline: float | None = None
        for _ in range(_MAX_REDIRECTS + 1):
            check_url(current, self._settings)
            self._wait_for_host(urlsplit(current).netloc)
            if deadline is None:  # the politeness wait before the first request does not count
                deadline = time.monotonic() + self._settings.fetch_timeout
            result = self._get(current, headers, deadline)
            if result.status in _REDIRECTS and "location" in result.headers:
                current = urljoin(current, result.headers["location"])
                continue
            if result.status == 304 or 200 <= result.status < 300:
                return result
            raise FetchError(f"HTTP {result.status} from {current}")
        raise FetchError(f"more than {_MAX_REDIRECTS} redirects from {url}")

    def _late(self, url: str) -> FetchError:
        return FetchError(
            f"gave up on {url}: no complete response within {self._settings.fetch_timeout:g} s "
            "(fetch_timeout)"
        )

    def _get(self, url: str, headers: Mapping[str, str], deadline: float) -> FetchResult:
        cap = self._settings.fetch_max_bytes
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise self._late(url)
        timeout = httpx.Timeout(min(self._settings.fetch_timeout, remaining))
        try:
            with self._client.stream("GET", url, headers=headers, timeout=timeout) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap and response.status_code < 300:
                    raise FetchError(f"response of {int(declared):,} bytes exceeds {cap:,}")
                chunks: list[bytes] = []
                size = 0
                if response.status_code < 300:
                    for chunk in response.iter_bytes():
                        if time.monotonic() > deadline:
                            raise self._late(url)
                        size += len(chunk)
                        if size > cap:
                            raise FetchError(f"response larger than {cap:,} bytes from {url}")
                        chunks.append(chunk)
                return FetchResult(
                    url=str(response.url),
                    status=response.status_code,
                    content=b"".join(chunks),
                    headers={k.lower(): v for k, v in response.headers.items()},
                )
        except httpx.HTTPError as error:
            if isinstance(error, httpx.TimeoutException) and time.monotonic() >= deadline:
                raise self._late(url) from None
            raise FetchError(f"cannot fetch {url}: {type(error).__name__}: {error}") from None
