"""Chart geometry for the results page, drawn as inline SVG by the templates (no JS library).

Each function turns result data into shapes with coordinates in a fixed view box; the
templates in `templates/charts/` write the SVG, and every chart also has the same figures
as text beside it (for screen readers and for printing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Bar",
    "BarChart",
    "Dot",
    "Lane",
    "Marker",
    "Timeline",
    "crs_chart",
    "cutoff_chart",
    "plan_timeline",
]

WIDTH = 400.0
LABEL_CHARACTERS = 62  # what fits on one line of the view box at the chart's font size
LABEL_GAP = 14.0
BAR_HEIGHT = 12.0


@dataclass(frozen=True)
class Bar:
    """A labelled bar: label above, bar below, value at the bar's end."""

    label: str
    value: int
    y: float
    width: float
    part: str
    is_heading: bool = False

    @property
    def short_label(self) -> str:
        """The label as drawn (cut to fit; the full label is the bar's title)."""
        return shorten(self.label)


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars in a `WIDTH` x `height` view box."""

    bars: tuple[Bar, ...]
    height: float
    width: float = WIDTH


def crs_chart(crs: Mapping[str, Any], part_labels: Mapping[str, str]) -> BarChart:
    """CRS points by part and factor (from `CrsResult.to_dict`), on one scale."""
    factors = [(name, part) for name, part in crs["breakdown"].items() if part["maximum"]]
    largest = max(
        [factor["points"] for _, part in factors for factor in part["factors"].values()] + [50]
    )
    usable = WIDTH - 60
    bars: list[Bar] = []
    y = 0.0
    for name, part in factors:
        label = f"{part_labels.get(name, name)}: {part['total']} / {part['maximum']}"
        bars.append(Bar(label, part["total"], y, 0.0, name, is_heading=True))
        y += LABEL_GAP + 6
        for factor in part["factors"].values():
            bars.append(
                Bar(factor["label"], factor["points"], y, usable * factor["points"] / largest, name)
            )
            y += LABEL_GAP + BAR_HEIGHT + 8
        y += 6
    return BarChart(tuple(bars), y)


@dataclass(frozen=True)
class Dot:
    """A point: an event on a lane, or a round's cut-off."""

    x: float
    y: float
    label: str
    kind: str = "step"


@dataclass(frozen=True)
class Lane:
    """One route of the plan: its name, its row and its events."""

    label: str
    y: float
    dots: tuple[Dot, ...]
    probability: float | None = None

    @property
    def short_label(self) -> str:
        """The label as drawn (cut to fit; the full label is the lane's title)."""
        return shorten(self.label, LABEL_CHARACTERS - 8)


@dataclass(frozen=True)
class Marker:
    """A vertical line at a date (a cliff, a year) or a horizontal one (a score)."""

    x: float
    label: str
    kind: str = "tick"
    y: float = 0.0


@dataclass(frozen=True)
class Timeline:
    """The plan: one lane per route between `start` and `end`, cliffs and year ticks."""

    lanes: tuple[Lane, ...]
    markers: tuple[Marker, ...]
    height: float
    width: float = WIDTH
    left: float = 10.0
    right: float = WIDTH - 10.0
    extra: dict[str, Any] = field(default_factory=dict)


def shorten(text: str, limit: int = LABEL_CHARACTERS) -> str:
    """A label cut to fit the chart's width (the full text stays in the SVG title)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _x_of(start: dt.date, end: dt.date, left: float, right: float) -> Any:
    span = max((end - start).days, 1)

    def x(day: dt.date) -> float:
        offset = min(max((day - start).days, 0), span)
        return round(left + (right - left) * offset / span, 1)

    return x


def _date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _year_ticks(start: dt.date, end: dt.date, x: Any) -> list[Marker]:
    return [
        Marker(x(dt.date(year, 1, 1)), str(year)) for year in range(start.year + 1, end.year + 1)
    ]


def plan_timeline(
    plan: Mapping[str, Any], start: dt.date, end: dt.date, route_label: Any
) -> Timeline:
    """Routes as lanes of dated steps (from `Plan.to_dict`), cliffs as vertical markers."""
    x = _x_of(start, end, 10.0, WIDTH - 10.0)
    lanes = []
    y = 24.0
    for route in plan.get("routes", []):
        dots = []
        for step in route.get("steps", []):
            day = _date(step.get("date"))
            if day is not None:
                dots.append(Dot(x(day), y + 14, f"{day.isoformat()}: {step.get('event', '')}"))
        pr_date = _date(route.get("expected_pr_date"))
        if pr_date is not None:
            dots.append(Dot(x(pr_date), y + 14, pr_date.isoformat(), kind="pr"))
        lanes.append(Lane(route_label(route), y, tuple(dots), route.get("probability")))
        y += 44
    markers = _year_ticks(start, end, x)
    for cliff in plan.get("cliffs", []):
        day = _date(cliff.get("date"))
        if day is not None and start <= day <= end:
            change = cliff.get("points_change")
            suffix = f" ({change:+d})" if isinstance(change, int) else ""
            markers.append(
                Marker(x(day), f"{day.isoformat()}: {cliff.get('what', '')}{suffix}", kind="cliff")
            )
    return Timeline(tuple(lanes), tuple(markers), y + 10)


def cutoff_chart(
    rounds: Sequence[tuple[dt.date, int, str, bool]], score: int, start: dt.date, end: dt.date
) -> Timeline:
    """Recent cut-offs as dots (date, cut-off, label, whether the person qualifies) and the score."""
    height = 180.0
    values = [cutoff for _, cutoff, _, _ in rounds] + [score]
    low, high = min(values) - 20, max(values) + 20
    x = _x_of(start, end, 40.0, WIDTH - 10.0)

    def y(value: int) -> float:
        return round(10 + (height - 30) * (high - value) / max(high - low, 1), 1)

    dots = tuple(
        Dot(x(day), y(cutoff), label, "qualifies" if mine else "other")
        for day, cutoff, label, mine in rounds
    )
    ticks = [Marker(40.0, str(value), kind="level", y=y(value)) for value in _levels(low, high)]
    score_line = Marker(40.0, str(score), kind="score", y=y(score))
    lane = Lane("", 0.0, dots)
    return Timeline(
        (lane,), (*ticks, score_line, *_quarter_ticks(start, end, x)), height, left=40.0
    )


def _levels(low: int, high: int) -> list[int]:
    """Round values for horizontal grid lines, about five of them."""
    step = next(size for size in (25, 50, 100, 200, 250) if (high - low) / size <= 8)
    first = (low // step + 1) * step
    return list(range(first, high, step))


def _quarter_ticks(start: dt.date, end: dt.date, x: Any) -> list[Marker]:
    """A tick on the first day of each quarter between the dates, labelled YYYY-MM."""
    ticks = []
    day = dt.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    while day <= end:
        if day > start:
            ticks.append(Marker(x(day), day.strftime("%Y-%m")))
        day = dt.date(day.year + (day.month + 3 > 12), (day.month + 2) % 12 + 1, 1)
    return ticks
