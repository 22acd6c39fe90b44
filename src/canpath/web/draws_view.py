"""Rounds of invitations for the API and the results page, over `canpath.draws`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from canpath.draws import CATEGORY_IDS, filter_rounds, score_position, summarise_cutoffs
from canpath.draws.feed import Round
from canpath.draws.render import jsonable, round_to_dict
from canpath.draws.store import active_feed
from canpath.timeutil import add_months, parse_date
from canpath.web.problems import RequestProblem

__all__ = [
    "CutoffRow",
    "categories_from",
    "optional_date",
    "qualifying_categories",
    "recent_cutoffs",
    "rounds_answer",
]


def categories_from(values: Iterable[str] | None) -> set[str] | None:
    """Category ids from repeated or comma-separated values; 422 naming `category` if unknown."""
    if not values:
        return None
    chosen = {part.strip().lower() for value in values for part in value.split(",") if part.strip()}
    unknown = sorted(chosen - set(CATEGORY_IDS))
    if unknown:
        msg = f"unknown round type {', '.join(map(repr, unknown))}; use one of {', '.join(CATEGORY_IDS)}"
        raise RequestProblem.one(422, ["query", "category"], msg, "unknown_category")
    return chosen or None


def optional_date(name: str, text: str | None) -> dt.date | None:
    """A YYYY-MM-DD query value (None when absent); 422 naming the parameter otherwise."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        raise RequestProblem.one(422, ["query", name], str(error), "date_invalid") from None


def rounds_answer(
    categories: set[str] | None,
    since: dt.date | None,
    on: dt.date | None,
    limit: int | None,
    score: int | None,
) -> dict[str, Any]:
    """The `canpath draws --json` shape: rounds newest first, summaries, source, score position."""
    feed = active_feed()
    history = filter_rounds(feed.rounds, until=on)
    selected = filter_rounds(history, categories=categories, since=since)
    newest_first = sorted(selected, key=lambda item: item.sort_key, reverse=True)
    answer: dict[str, Any] = {
        "rounds": [round_to_dict(item) for item in newest_first[: limit or len(newest_first)]],
        "summary": jsonable(summarise_cutoffs(selected, on=on)),
        "source": {
            "is_user_copy": feed.is_user_copy,
            "newest_round": feed.rounds[-1].number if feed.rounds else None,
            "note": feed.note,
        },
    }
    if score is not None:
        answer["score_position"] = jsonable(score_position(score, selected, on=on))
    return answer


# Which program's eligibility lets a person be invited in a round type. `general` rounds are
# open to anyone eligible for one of the three Express Entry programs; a category round needs
# the category; `pnp` rounds need a provincial nomination (checked on the profile).
PROGRAM_OF_CATEGORY = {
    "cec": "express_entry.cec",
    "fsw": "express_entry.fsw",
    "fst": "express_entry.fst",
}
EXPRESS_ENTRY_PROGRAMS = tuple(PROGRAM_OF_CATEGORY.values())


def qualifying_categories(
    eligibility: Mapping[str, bool | None], has_nomination: bool
) -> dict[str, bool | None]:
    """For each round type: whether the person qualifies (True/False, None when unknown)."""
    in_pool = [eligibility.get(program) for program in EXPRESS_ENTRY_PROGRAMS]
    pool: bool | None = (
        True if any(in_pool) else (False if all(v is False for v in in_pool) else None)
    )
    found: dict[str, bool | None] = {"general": pool, "pnp": has_nomination and pool is not False}
    for category in CATEGORY_IDS:
        program = PROGRAM_OF_CATEGORY.get(category, f"express_entry.category.{category}")
        if program in eligibility:
            found[category] = eligibility[program]
    return found


@dataclass(frozen=True)
class CutoffRow:
    """One round type's recent cut-offs against a person's score."""

    category: str
    rounds: tuple[Round, ...]
    latest_cutoff: int
    median_cutoff: float
    qualifies: bool | None

    def meets_latest(self, score: int) -> bool:
        """Whether the score is at least the latest cut-off."""
        return score >= self.latest_cutoff


def recent_cutoffs(
    on: dt.date, qualifies: Mapping[str, bool | None], months: int = 12, last: int = 10
) -> list[CutoffRow]:
    """Per round type with a round in the `months` before `on`: its last rounds, oldest first."""
    rounds = filter_rounds(active_feed().rounds, since=add_months(on, -months), until=on)
    summaries = summarise_cutoffs(rounds, last=last, on=on, months=months)
    rows = []
    for summary in summaries:
        mine = [item for item in rounds if item.category == summary.category][-last:]
        rows.append(
            CutoffRow(
                summary.category,
                tuple(mine),
                summary.latest_cutoff,
                summary.median_cutoff,
                qualifies.get(summary.category),
            )
        )
    return rows
