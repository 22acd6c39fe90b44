"""Invitation model: the chance that a CRS score gets an invitation to apply within N months.

The model is simple on purpose, so that every number behind a probability can be shown.

1. Round types. Every round has a category (`classify.py`). A person can be invited in the
   rounds of the categories they qualify for: `general` rounds, which are open to everyone
   in the pool (added unless `include_general=False`), plus the program and category rounds
   the caller lists (e.g. {"cec", "stem", "french"}). Pass "pnp" only for a person with a
   provincial nomination, and then pass the score including the 600 nomination points.
2. Data. Only rounds in the lookback window, from `on` minus `lookback_months` up to the
   day before `on`, are used. Nothing dated on or after `on` is seen, so backtests are fair.
3. Round rate. Rounds of category c arrive as a Poisson process whose monthly rate is
   λ_c = (rounds of c in the window) / lookback_months.
4. Chance per round. p_c = the share of c's rounds in the window whose cut-off is at or
   below the score. With `half_life_months`, a round of age a months is weighted
   0.5 ** (a / half_life_months), so that recent cut-offs count more.
5. Independence. Each round of c invites the person with probability p_c, independently
   of other rounds, so invitations of type c arrive at rate λ_c·p_c, and
   P(no invitation of type c within N months) = exp(−λ_c·p_c·N).
6. Combination. P(invited within N months) = 1 − Π_c exp(−λ_c·p_c·N).
7. Waiting time. The first invitation then comes after an exponential time of rate
   Λ = Σ_c λ_c·p_c; its mean 1/Λ is the expected months to invitation, reported as None
   when Λ is zero or the mean lies beyond the horizon.

Not modelled: the person's score changing over the horizon (the planner asks again for
each month with the score of that month); trends in cut-offs and new policy (a category
with no round in the window counts for nothing; a category's cut-offs from an older list
version count as if current); the tie-breaking rule (a score equal to a round's cut-off
counts as invited); and the link between rounds (cut-offs of successive rounds are
correlated, which makes the independence assumption optimistic for scores near them).

Known bias (benchmarks/backtest_invitations.py, 2025-01 to 2026-07, 1-month horizon): IRCC
runs rounds on a near-regular schedule, more regular than a Poisson process, so for a
score that meets a frequent round type the model is under-confident (predicted 0.85,
observed 0.94). Brier score 0.095, against 0.22 to 0.30 for models without categories
or without recency.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from canpath.draws.classify import CATEGORY_IDS, OTHER
from canpath.draws.feed import Round
from canpath.errors import UnknownNameError
from canpath.timeutil import add_months

__all__ = [
    "DEFAULT_HALF_LIFE_MONTHS",
    "DEFAULT_LOOKBACK_MONTHS",
    "CategoryRate",
    "InvitationEstimate",
    "estimate_invitation",
    "expected_months_to_invitation",
    "invitation_probability",
]

DEFAULT_LOOKBACK_MONTHS = 12
DEFAULT_HALF_LIFE_MONTHS: float | None = None
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class CategoryRate:
    """The numbers used for one round type: round rate, chance per round, and the result."""

    category: str
    rounds_in_window: int
    rounds_met: int
    rounds_per_month: float
    chance_per_round: float
    invitations_per_month: float
    probability_within_horizon: float
    latest_cutoff: int | None
    median_cutoff: float | None


@dataclass(frozen=True)
class InvitationEstimate:
    """P(invited within the horizon), the expected wait, and the per-category breakdown."""

    score: int
    categories: tuple[str, ...]
    on: dt.date
    horizon_months: int
    lookback_months: int
    window_start: dt.date
    half_life_months: float | None
    by_category: tuple[CategoryRate, ...]
    probability: float
    expected_months: float | None

    def to_dict(self) -> dict[str, object]:
        """The estimate as JSON-ready values (dates as ISO strings)."""
        data = asdict(self)
        data["on"] = self.on.isoformat()
        data["window_start"] = self.window_start.isoformat()
        data["categories"] = list(self.categories)
        data["by_category"] = [asdict(rate) for rate in self.by_category]
        return data


def _check_categories(categories: Iterable[str], include_general: bool) -> tuple[str, ...]:
    wanted = set(categories) | ({"general"} if include_general else set())
    known = [category for category in CATEGORY_IDS if category != OTHER]
    for category in sorted(wanted):
        if category not in known:
            raise UnknownNameError("round category", category, known)
    return tuple(category for category in known if category in wanted)


def _category_rate(
    category: str,
    window: Sequence[Round],
    score: int,
    on: dt.date,
    months: int,
    lookback_months: int,
    half_life_months: float | None,
) -> CategoryRate:
    rounds = [item for item in window if item.category == category]
    met = [score >= item.crs_cutoff for item in rounds]
    if half_life_months is None:
        weights = [1.0] * len(rounds)
    else:
        ages = [(on - item.date).days / DAYS_PER_MONTH for item in rounds]
        weights = [0.5 ** (age / half_life_months) for age in ages]
    total_weight = sum(weights)
    chance = (
        sum(w for w, hit in zip(weights, met, strict=True) if hit) / total_weight if rounds else 0.0
    )
    rate = len(rounds) / lookback_months
    cutoffs = [item.crs_cutoff for item in sorted(rounds, key=lambda each: each.sort_key)]
    return CategoryRate(
        category=category,
        rounds_in_window=len(rounds),
        rounds_met=sum(met),
        rounds_per_month=rate,
        chance_per_round=chance,
        invitations_per_month=rate * chance,
        probability_within_horizon=1.0 - math.exp(-rate * chance * months),
        latest_cutoff=cutoffs[-1] if cutoffs else None,
        median_cutoff=float(statistics.median(cutoffs)) if cutoffs else None,
    )


def estimate_invitation(
    score: int,
    categories: Iterable[str],
    on: dt.date,
    months: int,
    rounds: Sequence[Round] | None = None,
    *,
    lookback_months: int = DEFAULT_LOOKBACK_MONTHS,
    half_life_months: float | None = DEFAULT_HALF_LIFE_MONTHS,
    include_general: bool = True,
) -> InvitationEstimate:
    """The chance of an invitation within `months` months of `on`, with the numbers behind it.

    `rounds` defaults to the rounds in use (`store.load_rounds()`). Raises UnknownNameError
    for a category id that does not exist, ValueError for a horizon or lookback below 1.
    """
    if months < 1 or lookback_months < 1:
        raise ValueError("months and lookback_months must be at least 1")
    if half_life_months is not None and half_life_months <= 0:
        raise ValueError("half_life_months must be positive (or None for equal weights)")
    chosen = _check_categories(categories, include_general)
    if rounds is None:
        from canpath.draws.store import load_rounds

        rounds = load_rounds()
    start = add_months(on, -lookback_months)
    window = [item for item in rounds if start <= item.date < on]
    rates = tuple(
        _category_rate(category, window, score, on, months, lookback_months, half_life_months)
        for category in chosen
    )
    total_rate = sum(rate.invitations_per_month for rate in rates)
    probability = 1.0 - math.exp(-total_rate * months)
    mean_wait = 1.0 / total_rate if total_rate > 0 else None
    return InvitationEstimate(
        score=score,
        categories=chosen,
        on=on,
        horizon_months=months,
        lookback_months=lookback_months,
        window_start=start,
        half_life_months=half_life_months,
        by_category=rates,
        probability=probability,
        expected_months=mean_wait if mean_wait is not None and mean_wait <= months else None,
    )


def invitation_probability(
    score: int,
    categories: Iterable[str],
    on: dt.date,
    months: int,
    rounds: Sequence[Round] | None = None,
    *,
    lookback_months: int = DEFAULT_LOOKBACK_MONTHS,
    half_life_months: float | None = DEFAULT_HALF_LIFE_MONTHS,
    include_general: bool = True,
) -> float:
    """P(an invitation to apply within `months` months of `on`) for a CRS score (see module)."""
    return estimate_invitation(
        score,
        categories,
        on,
        months,
        rounds,
        lookback_months=lookback_months,
        half_life_months=half_life_months,
        include_general=include_general,
    ).probability


def expected_months_to_invitation(
    score: int,
    categories: Iterable[str],
    on: dt.date,
    months: int,
    rounds: Sequence[Round] | None = None,
    *,
    lookback_months: int = DEFAULT_LOOKBACK_MONTHS,
    half_life_months: float | None = DEFAULT_HALF_LIFE_MONTHS,
    include_general: bool = True,
) -> float | None:
    """The expected months until an invitation (1/Λ), or None when it lies beyond `months`."""
    return estimate_invitation(
        score,
        categories,
        on,
        months,
        rounds,
        lookback_months=lookback_months,
        half_life_months=half_life_months,
        include_general=include_general,
    ).expected_months
