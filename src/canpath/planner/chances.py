"""Month-by-month chances of an invitation along a route, from the rounds model.

Each month, a person in the pool is invited at the monthly rate the rounds model gives for that
month's CRS and the round types open to them (`canpath.draws.model`); a month outside the pool
adds nothing. The model is fitted once, on the rounds before the plan date (or before the last
round in the data, when the data ends earlier, which the plan says).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from canpath.planner.timeline import Month

HALF = 0.5


@dataclass(frozen=True)
class Chances:
    """Cumulative P(invited by each month), and the month the chance first reaches one half."""

    cumulative: tuple[float, ...]
    monthly: tuple[float, ...]
    likely_month: int | None
    model_on: date

    @property
    def within_horizon(self) -> float:
        return self.cumulative[-1] if self.cumulative else 0.0


@functools.cache
def model_date(on: date) -> date:
    """The date the rounds model is fitted at: the plan date, or the day after the last round."""
    from canpath.draws.store import load_rounds

    last = max(item.date for item in load_rounds())
    return min(on, last + timedelta(days=1))


@functools.lru_cache(maxsize=4096)
def monthly_rate(score: int, round_types: tuple[str, ...], model_on: date) -> float:
    """Invitations per month (Λ) for a score and the round types open to the person."""
    from canpath.draws.model import estimate_invitation

    if not round_types:
        return 0.0
    estimate = estimate_invitation(score, round_types, model_on, 1)
    return sum(rate.invitations_per_month for rate in estimate.by_category)


def chances(months: Sequence[Month], on: date) -> Chances:
    """P(invited) month by month: 1 - exp(-Λ) within a month, multiplied out over months."""
    fitted = model_date(on)
    not_yet = 1.0
    cumulative, monthly = [], []
    likely = None
    for index, month in enumerate(months[:-1] if len(months) > 1 else months):
        rate = monthly_rate(month.crs, month.round_types, fitted) if month.in_pool else 0.0
        probability = 1.0 - math.exp(-rate)
        not_yet *= 1.0 - probability
        monthly.append(probability)
        cumulative.append(1.0 - not_yet)
        if likely is None and cumulative[-1] >= HALF:
            likely = index
    return Chances(tuple(cumulative), tuple(monthly), likely, fitted)
