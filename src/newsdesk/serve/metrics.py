"""Server metrics in the Prometheus text format, at ``/metrics``.

Counts and times every HTTP request by method, route template (``/stories/{story_id}``, so ids
do not explode the label set) and status, plus the store's article count. Written by hand: the
format is small, and a client library would be one more dependency for four metric families.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from newsdesk import __version__

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Registry:
    """Request counters and latency histograms, safe to update from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self._buckets: dict[tuple[str, str], list[int]] = {}
        self._sums: dict[tuple[str, str], float] = defaultdict(float)
        self._started = time.time()

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route)
        with self._lock:
            self._requests[(method, route, status)] += 1
            counts = self._buckets.setdefault(key, [0] * (len(BUCKETS) + 1))
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    counts[i] += 1
            counts[-1] += 1  # +Inf
            self._sums[key] += seconds

    def render(self, articles: int | None) -> str:
        with self._lock:
            requests = dict(self._requests)
            buckets = {k: list(v) for k, v in self._buckets.items()}
            sums = dict(self._sums)
        lines = [
            "# HELP newsdesk_build_info The running newsdesk version.",
            "# TYPE newsdesk_build_info gauge",
            f'newsdesk_build_info{{version="{_label(__version__)}"}} 1',
            "# HELP newsdesk_start_time_seconds When the server started (Unix time).",
            "# TYPE newsdesk_start_time_seconds gauge",
            f"newsdesk_start_time_seconds {self._started:.3f}",
            "# HELP newsdesk_http_requests_total HTTP requests by method, route and status.",
            "# TYPE newsdesk_http_requests_total counter",
        ]
        for (method, route, status), count in sorted(requests.items()):
            labels = f'method="{_label(method)}",route="{_label(route)}",status="{status}"'
            lines.append(f"newsdesk_http_requests_total{{{labels}}} {count}")
        lines += [
            "# HELP newsdesk_http_request_duration_seconds Time to answer, by method and route.",
            "# TYPE newsdesk_http_request_duration_seconds histogram",
        ]
        for (method, route), counts in sorted(buckets.items()):
            base = f'method="{_label(method)}",route="{_label(route)}"'
            for bound, count in zip((*BUCKETS, "+Inf"), counts, strict=True):
                name = "newsdesk_http_request_duration_seconds_bucket"
                lines.append(f'{name}{{{base},le="{bound}"}} {count}')
            lines.append(
                f"newsdesk_http_request_duration_seconds_sum{{{base}}} {sums[(method, route)]:.6f}"
            )
            lines.append(f"newsdesk_http_request_duration_seconds_count{{{base}}} {counts[-1]}")
        if articles is not None:
            lines += [
                "# HELP newsdesk_articles Articles in the store.",
                "# TYPE newsdesk_articles gauge",
                f"newsdesk_articles {articles}",
            ]
        return "\n".join(lines) + "\n"


class MetricsMiddleware:
    """ASGI middleware that records each HTTP request in a :class:`Registry`."""

    def __init__(self, app: ASGIApp, registry: Registry) -> None:
        self._app = app
        self._registry = registry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self._app(scope, receive, record_status)
        finally:
            # The route template, once routing matched one; unmatched paths share one label.
            route = getattr(scope.get("route"), "path", "unmatched")
            self._registry.observe(scope["method"], route, status, time.perf_counter() - started)
