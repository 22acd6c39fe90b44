"""Recent provincial draw cut-offs as of a date, and how a profile's score compares with them.

The draws are observations, not rules (`reference/data/provincial_draws.yaml`, provenance in
`SOURCES_provincial.md`): a draw's cut-off bound only that draw. Only draws held on or before the
assessment date are shown.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from canpath.errors import DataError
from canpath.reference.noc import DATA
from canpath.yamlio import load_yaml_file

DRAWS_FILE = DATA / "provincial_draws.yaml"
RECENT = 3  # how many of the latest draws an assessment shows


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WageRoute(_Strict):
    """The wage-and-TEER threshold of a BC High Economic Impact draw."""

    min_hourly_cad: float
    min_annual_cad: float | None
    teer: list[int]
    currently_with_employer: bool


class Draw(_Strict):
    """One provincial draw: its date, scale, cut-off and size."""

    stream: str
    date: date
    score: str
    min_score: int
    max_score: int | None = None
    invitations: int | None = None
    region: str | None = None
    wage_route: WageRoute | None = None
    source: str
    status: Literal["confirmed", "unconfirmed"]
    note: str | None = None


class Source(_Strict):
    title: str
    href: str
    second_source: str | None = None


class DrawFile(_Strict):
    sources: dict[str, Source]
    draws: list[Draw]


@functools.cache
def draw_file() -> DrawFile:
    """The shipped draw data, validated once."""
    try:
        content = DrawFile.model_validate(load_yaml_file(DRAWS_FILE))
    except ValidationError as error:
        raise DataError(f"{DRAWS_FILE}: {error}") from None
    unknown = {draw.source for draw in content.draws} - set(content.sources)
    if unknown:
        raise DataError(f"{DRAWS_FILE}: draws cite unknown sources {sorted(unknown)}")
    return content


@functools.lru_cache(maxsize=4096)
def recent_draws(stream: str, on: date, limit: int = RECENT) -> tuple[Draw, ...]:
    """The latest draws of a stream held on or before the date, newest first."""
    held = [draw for draw in draw_file().draws if draw.stream == stream and draw.date <= on]
    return tuple(sorted(held, key=lambda draw: draw.date, reverse=True)[:limit])


def _draw_dict(draw: Draw, meets: bool | None) -> dict[str, Any]:
    """One draw in the public shape, with whether the score reached it."""
    found: dict[str, Any] = {"date": draw.date.isoformat(), "min_score": draw.min_score}
    for name in ("max_score", "invitations", "region", "note"):
        value = getattr(draw, name)
        if value is not None:
            found[name] = value
    found["meets"] = meets
    if draw.status == "unconfirmed":
        found["unconfirmed"] = True
    return found


def draw_context(
    stream: str, on: date, points: int | None, regions: dict[str, bool | None] | None = None
) -> dict[str, Any] | None:
    """The latest draws and whether `points` reached each cut-off (None when the score is unknown).

    `regions` says, for region-limited draws, whether the profile's job is in that region.
    """
    draws = recent_draws(stream, on)
    if not draws:
        return None
    rows = []
    for draw in draws:
        meets = None if points is None else points >= draw.min_score
        if draw.region is not None and regions is not None and regions.get(draw.region) is False:
            meets = False
        rows.append(_draw_dict(draw, meets))
    sources = draw_file().sources
    return {
        "scale": draws[0].score,
        "recent": rows,
        "at_or_above": sum(1 for row in rows if row["meets"] is True),
        "of": len(rows),
        "source": sources[draws[0].source].href,
    }


def wage_route_meets(
    draw: Draw, hourly: float, annual: float, teer: int, with_employer: int
) -> bool | None:
    """Whether an offer meets a High Economic Impact draw's wage-and-TEER route (None if unknown)."""
    route = draw.wage_route
    if route is None or hourly != hourly:
        return None
    if teer not in route.teer or hourly < route.min_hourly_cad:
        return False
    if route.min_annual_cad is not None and annual < route.min_annual_cad:
        return False
    if route.currently_with_employer and with_employer != 1:
        return None if with_employer == -1 else False
    return True
