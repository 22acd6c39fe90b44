"""Presentation of rounds for the CLI: JSON-ready values, rich tables and a terminal sparkline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from canpath.draws.feed import Round
from canpath.draws.stats import CutoffSummary, ScorePosition

__all__ = [
    "jsonable",
    "pool_line",
    "position_table",
    "round_to_dict",
    "rounds_table",
    "sparkline",
    "summary_table",
]

_BLOCKS = "▁▂▃▄▅▆▇█"


def jsonable(value: object) -> object:
    """A value made of dicts, lists, strings and numbers only (dates as ISO strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
        for name in dir(type(value)):
            if isinstance(getattr(type(value), name, None), property):
                data[name] = getattr(value, name)
        return jsonable(data)
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def round_to_dict(item: Round) -> dict[str, object]:
    """A round in the public JSON shape: number, date, name, category, size, crs_cutoff (+ extras)."""
    return {
        "number": item.number,
        "date": item.date.isoformat(),
        "name": item.name,
        "category": item.category,
        "size": item.size,
        "crs_cutoff": item.crs_cutoff,
        "tie_break": item.tie_break.isoformat() if item.tie_break else None,
        "distribution_as_of": item.distribution_as_of.isoformat()
        if item.distribution_as_of
        else None,
    }


def sparkline(values: Sequence[int], marker: int | None = None) -> Text:
    """Block characters, one per value, scaled between the smallest and largest value.

    With `marker` (a CRS score), values the score meets are green and the others red.
    """
    text = Text()
    if not values:
        return text
    low, high = min(values), max(values)
    span = high - low
    for value in values:
        level = round((value - low) / span * (len(_BLOCKS) - 1)) if span else len(_BLOCKS) // 2
        style = "" if marker is None else ("green" if marker >= value else "red")
        text.append(_BLOCKS[level], style=style)
    return text


def rounds_table(rounds: Sequence[Round], title: str) -> Table:
    """A table of rounds, in the order given."""
    table = Table(title=title, title_justify="left")
    for header, justify in (
        ("#", "right"),
        ("Date", "left"),
        ("Category", "left"),
        ("Round", "left"),
        ("Size", "right"),
        ("Cut-off", "right"),
    ):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for item in rounds:
        table.add_row(
            item.number,
            item.date.isoformat(),
            item.category,
            item.name,
            f"{item.size:,}",
            str(item.crs_cutoff),
        )
    return table


def summary_table(
    summaries: Sequence[CutoffSummary],
    cutoffs_by_category: dict[str, list[int]],
    score: int | None,
) -> Table:
    """Per category: recent cut-offs (latest, median, range, sparkline) and rounds per month."""
    last = max((summary.rounds for summary in summaries), default=0)
    table = Table(
        title=f"Recent cut-offs (last {last} rounds per category, oldest to newest)",
        title_justify="left",
    )
    for header in ("Category", "Rounds", "Latest", "Median", "Min-max", "Per month", "Trend"):
        table.add_column(header, justify="left" if header in {"Category", "Trend"} else "right")
    for summary in summaries:
        table.add_row(
            summary.category,
            str(summary.rounds),
            str(summary.latest_cutoff),
            f"{summary.median_cutoff:g}",
            f"{summary.min_cutoff}-{summary.max_cutoff}",
            f"{summary.rounds_per_month:.1f}",
            sparkline(cutoffs_by_category.get(summary.category, []), score),
        )
    return table


def position_table(position: ScorePosition) -> Table:
    """Per category: how many recent cut-offs a score met, and the latest cut-off."""
    table = Table(
        title=f"Where CRS {position.score} stands against recent cut-offs", title_justify="left"
    )
    for header in ("Category", "Met", "Of", "Share", "Latest cut-off"):
        table.add_column(header, justify="left" if header == "Category" else "right")
    for standing in position.standings:
        table.add_row(
            standing.category,
            str(standing.met),
            str(standing.rounds),
            f"{standing.share_met:.0%}",
            str(standing.latest_cutoff),
        )
    return table


def pool_line(position: ScorePosition) -> str | None:
    """A sentence giving how many candidates in the latest published pool scored higher."""
    pool = position.pool
    if pool is None:
        return None
    as_of = pool.as_of.isoformat() if pool.as_of else f"round {pool.round_number}"
    bounds = (
        f" (between {pool.above_at_least:,} and {pool.above_at_most:,})"
        if pool.above_at_least != pool.above_at_most
        else ""
    )
    return (
        f"In the pool of {as_of} ({pool.pool_total:,} candidates), about "
        f"{pool.above_estimate:,} ({pool.share_above:.1%}) had a score above "
        f"{position.score}{bounds}."
    )
