"""A story's coverage timeline as bars of an inline SVG chart: no JavaScript, no build step.

The geometry is computed here; the template only draws it, so every label passes through Jinja's
autoescaping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from newsdesk.models import plausible_limit, plausible_time

WIDTH = 640
HEIGHT = 140
_MARGIN_LEFT = 28
_MARGIN_BOTTOM = 22
_MARGIN_TOP = 10
_MAX_BARS = 48

# (bucket size, label format) from finest to coarsest.
_SCALES: tuple[tuple[timedelta, str, str], ...] = (
    (timedelta(hours=1), "%d %b %H:00", "hour"),
    (timedelta(hours=6), "%d %b %H:00", "6 hours"),
    (timedelta(days=1), "%d %b %Y", "day"),
    (timedelta(weeks=1), "%d %b %Y", "week"),
    (timedelta(days=30), "%b %Y", "30 days"),
    (timedelta(days=365), "%Y", "year"),
)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: list[Bar]
    bucket: str
    start_label: str
    end_label: str
    max_count: int
    undated: int
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = _MARGIN_LEFT
    plot_bottom: int = HEIGHT - _MARGIN_BOTTOM


def _floor(moment: datetime, size: timedelta) -> datetime:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return epoch + ((moment - epoch) // size) * size


def coverage_histogram(moments: Sequence[datetime | None]) -> Timeline | None:
    """Histogram of arrival times, bucketed at the finest scale that fits in ``_MAX_BARS`` bars.

    Returns ``None`` when no moment is known. A moment :func:`~newsdesk.models.plausible_time`
    rejects (a typo'd year, a "0001-01-01" placeholder) counts as unknown: it would stretch the
    chart over centuries.
    """
    limit = plausible_limit()
    dated = sorted(t for m in moments if (t := plausible_time(m, limit)) is not None)
    undated = len(moments) - len(dated)
    if not dated:
        return None
    span = dated[-1] - dated[0]
    size, fmt, name = _SCALES[-1]
    for candidate in _SCALES:
        if span // candidate[0] < _MAX_BARS:
            size, fmt, name = candidate
            break
    counts = Counter(_floor(m, size) for m in dated)
    first = _floor(dated[0], size)
    slots = int((_floor(dated[-1], size) - first) // size) + 1
    plot_width = WIDTH - _MARGIN_LEFT - 4
    plot_height = HEIGHT - _MARGIN_TOP - _MARGIN_BOTTOM
    slot_width = plot_width / max(slots, 1)
    bar_width = max(1.0, slot_width * 0.8)
    max_count = max(counts.values())
    bars = []
    for index in range(slots):
        start = first + index * size
        count = counts.get(start, 0)
        if not count:
            continue
        height = plot_height * count / max_count
        bars.append(
            Bar(
                x=round(_MARGIN_LEFT + index * slot_width + (slot_width - bar_width) / 2, 2),
                y=round(HEIGHT - _MARGIN_BOTTOM - height, 2),
                width=round(bar_width, 2),
                height=round(height, 2),
                count=count,
                label=f"{start.strftime(fmt)}: {count} article{'s' if count != 1 else ''}",
            )
        )
    return Timeline(
        bars=bars,
        bucket=name,
        start_label=dated[0].strftime(fmt),
        end_label=dated[-1].strftime(fmt),
        max_count=max_count,
        undated=undated,
    )
