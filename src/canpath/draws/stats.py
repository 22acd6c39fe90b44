"""Cut-off statistics of past rounds, and where a CRS score stands against them and the pool.

Conventions: a score "meets" a round when it is at least the round's cut-off (the lowest
score invited; ties at the cut-off were split by the tie-breaking rule, which we ignore).
Windows "as of" a date include that date. Pool ranks use the distribution IRCC published
with the latest round on or before the date, assuming scores spread evenly inside each range.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from canpath.draws.classify import CATEGORY_IDS
from canpath.draws.feed import LEAF_RANGES, Round
from canpath.timeutil import add_months

__all__ = [
    "CategoryStanding",
    "CutoffSummary",
    "PoolRank",
    "ScorePosition",
    "filter_rounds",
    "monthly_counts",
    "pool_rank",
    "rounds_per_month",
    "score_position",
    "summarise_cutoffs",
]


@dataclass(frozen=True)
class CutoffSummary:
    """Cut-offs of the last rounds of one category, and how often that category has rounds."""

    category: str
    rounds: int
    first_date: dt.date
    last_date: dt.date
    latest_cutoff: int
    median_cutoff: float
    min_cutoff: int
    max_cutoff: int
    invitations: int
    rounds_per_month: float


@dataclass(frozen=True)
class PoolRank:
    """How many candidates in a published pool distribution scored above a CRS score."""

    score: int
    round_number: str
    as_of: dt.date | None
    pool_total: int
    above_at_least: int
    above_at_most: int
    above_estimate: int

    @property
    def share_above(self) -> float:
        """The estimated share of the pool above the score (0 to 1)."""
        return self.above_estimate / self.pool_total if self.pool_total else 0.0


@dataclass(frozen=True)
class CategoryStanding:
    """How many of a category's recent rounds had a cut-off the score met."""

    category: str
    rounds: int
    met: int
    latest_cutoff: int

    @property
    def share_met(self) -> float:
        """The share of those rounds whose cut-off the score met (0 to 1)."""
        return self.met / self.rounds if self.rounds else 0.0


@dataclass(frozen=True)
class ScorePosition:
    """Where a CRS score stands: per category against recent cut-offs, and in the pool."""

    score: int
    on: dt.date
    standings: tuple[CategoryStanding, ...]
    pool: PoolRank | None


def filter_rounds(
    rounds: Iterable[Round],
    *,
    categories: Collection[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Round]:
    """The rounds of the given categories dated from `since` to `until` (both included)."""
    return [
        item
        for item in rounds
        if (categories is None or item.category in categories)
        and (since is None or item.date >= since)
        and (until is None or item.date <= until)
    ]


def rounds_per_month(rounds: Iterable[Round], *, on: dt.date, months: int) -> float:
    """The number of rounds per month in the `months` months up to `on` (included)."""
    start = add_months(on, -months)
    count = sum(1 for item in rounds if start < item.date <= on)
    return count / months


def monthly_counts(rounds: Iterable[Round]) -> dict[str, int]:
    """The number of rounds in each calendar month ("YYYY-MM"), in date order."""
    counts = Counter(item.date.strftime("%Y-%m") for item in rounds)
    return dict(sorted(counts.items()))


def _by_category(rounds: Iterable[Round]) -> dict[str, list[Round]]:
    groups: dict[str, list[Round]] = {}
    for item in sorted(rounds, key=lambda each: each.sort_key):
        groups.setdefault(item.category, []).append(item)
    return groups


def _category_order(category: str) -> int:
    return CATEGORY_IDS.index(category) if category in CATEGORY_IDS else len(CATEGORY_IDS)


def summarise_cutoffs(
    rounds: Iterable[Round], *, last: int = 10, on: dt.date | None = None, months: int = 12
) -> list[CutoffSummary]:
    """Per category, the cut-offs of its last `last` rounds up to `on`, and its monthly rate.

    Categories come in the order of `CATEGORY_IDS`; `rounds_per_month` counts the category's
    rounds in the `months` months up to `on` (the newest round's date when `on` is None).
    """
    selected = filter_rounds(rounds, until=on)
    if not selected:
        return []
    as_of = on or max(item.date for item in selected)
    summaries = []
    for category, group in sorted(
        _by_category(selected).items(), key=lambda kv: _category_order(kv[0])
    ):
        recent = group[-last:]
        cutoffs = [item.crs_cutoff for item in recent]
        summaries.append(
            CutoffSummary(
                category=category,
                rounds=len(recent),
                first_date=recent[0].date,
                last_date=recent[-1].date,
                latest_cutoff=cutoffs[-1],
                median_cutoff=float(statistics.median(cutoffs)),
                min_cutoff=min(cutoffs),
                max_cutoff=max(cutoffs),
                invitations=sum(item.size for item in recent),
                rounds_per_month=rounds_per_month(group, on=as_of, months=months),
            )
        )
    return summaries


def _range_bounds(key: str) -> tuple[int, int]:
    low, high = key.split("-")
    return int(low), int(high)


def pool_rank(
    score: int,
    distribution: Mapping[str, int],
    round_number: str = "",
    as_of: dt.date | None = None,
) -> PoolRank:
    """Candidates in a pool distribution with a CRS score strictly above `score`.

    A range wholly above the score counts in full; the range containing the score counts
    between nothing (`above_at_least`) and all of it (`above_at_most`), and the estimate
    assumes its candidates spread evenly over the range's whole-number scores.
    """
    at_least = at_most = 0
    estimate = 0.0
    for key in LEAF_RANGES:
        low, high = _range_bounds(key)
        count = distribution.get(key, 0)
        if low > score:
            at_least += count
            at_most += count
            estimate += count
        elif high > score:
            at_most += count
            estimate += count * (high - score) / (high - low + 1)
    total = distribution.get("total", 0) or sum(distribution.get(key, 0) for key in LEAF_RANGES)
    return PoolRank(score, round_number, as_of, total, at_least, at_most, round(estimate))


def score_position(
    score: int, rounds: Sequence[Round], *, last: int = 10, on: dt.date | None = None
) -> ScorePosition:
    """Where `score` stands on `on`: the share of each category's last rounds it met, its pool rank."""
    selected = filter_rounds(rounds, until=on)
    as_of = on or (max(item.date for item in selected) if selected else dt.date.today())
    standings = []
    for category, group in sorted(
        _by_category(selected).items(), key=lambda kv: _category_order(kv[0])
    ):
        recent = group[-last:]
        met = sum(1 for item in recent if score >= item.crs_cutoff)
        standings.append(CategoryStanding(category, len(recent), met, recent[-1].crs_cutoff))
    pool = None
    for item in sorted(selected, key=lambda each: each.sort_key, reverse=True):
        if item.distribution:
            pool = pool_rank(score, item.distribution, item.number, item.distribution_as_of)
            break
    return ScorePosition(score, as_of, tuple(standings), pool)
