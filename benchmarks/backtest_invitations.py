"""Backtest of the invitation model (canpath.draws.model) on the rounds of 2025-01 to 2026-07.

For each calendar month, the model is fitted on the rounds dated before the first day of
the month and predicts, for a grid of synthetic candidates (a CRS score and the round
categories they qualify for), the chance of an invitation within that month. The outcome
is what happened: invited when some round in that month, of a category they qualify for
(general rounds included), had a cut-off at or below their score.

Printed: the Brier score (mean squared error of the probabilities; lower is better) of
the model and of baselines that drop categories or recency, and a calibration table.

Run: python benchmarks/backtest_invitations.py
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from canpath.draws.feed import Round
from canpath.draws.model import (
    DEFAULT_HALF_LIFE_MONTHS,
    DEFAULT_LOOKBACK_MONTHS,
    invitation_probability,
)
from canpath.draws.store import load_rounds
from canpath.timeutil import add_months

FIRST_MONTH = dt.date(2025, 1, 1)
LAST_MONTH = dt.date(2026, 7, 1)
SCORES = range(380, 561, 10)
PNP_SCORES = range(680, 861, 10)  # with a nomination: 600 points plus a core score of 80 to 260
CANDIDATE_SETS: tuple[frozenset[str], ...] = tuple(
    frozenset(items)
    for items in (
        {"fsw"},
        {"cec"},
        {"fsw", "french"},
        {"cec", "french"},
        {"cec", "healthcare"},
        {"fsw", "stem"},
        {"fsw", "fst", "trades"},
        {"cec", "education"},
        {"pnp"},
    )
)

Candidate = tuple[int, frozenset[str]]
Predictor = Callable[[int, frozenset[str], dt.date, Sequence[Round]], float]


def candidates() -> list[Candidate]:
    """The synthetic candidates: every score of the grid with every category set."""
    grid: list[Candidate] = []
    for categories in CANDIDATE_SETS:
        scores = PNP_SCORES if "pnp" in categories else SCORES
        grid.extend((score, categories) for score in scores)
    return grid


def months() -> list[dt.date]:
    """The first day of every month of the backtest."""
    result, month = [], FIRST_MONTH
    while month <= LAST_MONTH:
        result.append(month)
        month = add_months(month, 1)
    return result


def was_invited(score: int, categories: frozenset[str], month_rounds: Sequence[Round]) -> bool:
    """Whether a round of the month, of a type the candidate qualifies for, had a cut-off met."""
    eligible = categories | {"general"}
    return any(item.category in eligible and score >= item.crs_cutoff for item in month_rounds)


def model(lookback_months: int, half_life_months: float | None) -> Predictor:
    """The canpath model with the given window and recency weighting."""

    def predict(
        score: int, categories: frozenset[str], on: dt.date, history: Sequence[Round]
    ) -> float:
        return invitation_probability(
            score,
            categories,
            on,
            1,
            history,
            lookback_months=lookback_months,
            half_life_months=half_life_months,
        )

    return predict


def general_only(
    score: int, categories: frozenset[str], on: dt.date, history: Sequence[Round]
) -> float:
    """Baseline without categories: the candidate is treated as eligible for general rounds only."""
    return invitation_probability(
        score,
        (),
        on,
        1,
        history,
        lookback_months=DEFAULT_LOOKBACK_MONTHS,
        half_life_months=DEFAULT_HALF_LIFE_MONTHS,
    )


def pooled(score: int, categories: frozenset[str], on: dt.date, history: Sequence[Round]) -> float:
    """Baseline without categories: every round is one general round (see `as_general`)."""
    return invitation_probability(
        score,
        (),
        on,
        1,
        history,
        lookback_months=DEFAULT_LOOKBACK_MONTHS,
        half_life_months=DEFAULT_HALF_LIFE_MONTHS,
    )


def as_general(rounds: Sequence[Round]) -> list[Round]:
    """The rounds with every category replaced by `general` (for the pooled baseline)."""
    return [replace(item, category="general") for item in rounds]


def all_history(
    score: int, categories: frozenset[str], on: dt.date, history: Sequence[Round]
) -> float:
    """Baseline without recency: categories kept, every round since 2015 weighted equally."""
    lookback = (on.year - 2015) * 12 + on.month  # back to January 2015
    return invitation_probability(
        score, categories, on, 1, history, lookback_months=lookback, half_life_months=None
    )


def evaluate(
    predict: Predictor, rounds: Sequence[Round], seen: Sequence[Round] | None = None
) -> list[tuple[float, bool]]:
    """(predicted probability, invited) for every candidate and month.

    Outcomes always come from `rounds`; the predictor sees `seen` (default `rounds`) before
    the month, so a baseline can be given relabelled history without changing the outcomes.
    """
    pairs = []
    for month in months():
        history = [item for item in (rounds if seen is None else seen) if item.date < month]
        month_rounds = [item for item in rounds if month <= item.date < add_months(month, 1)]
        for score, categories in candidates():
            pairs.append(
                (
                    predict(score, categories, month, history),
                    was_invited(score, categories, month_rounds),
                )
            )
    return pairs


def brier(pairs: Sequence[tuple[float, bool]]) -> float:
    """The mean squared difference between predicted probability and outcome (0 or 1)."""
    return sum((p - float(hit)) ** 2 for p, hit in pairs) / len(pairs)


def calibration(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> list[str]:
    """Rows of a calibration table: predicted-probability bin, count, mean predicted, observed."""
    rows = [f"{'predicted':>11}  {'count':>5}  {'mean predicted':>14}  {'observed':>8}"]
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        inside = [
            (p, hit) for p, hit in pairs if low <= p < high or (index == bins - 1 and p == 1.0)
        ]
        if not inside:
            rows.append(f"{low:4.1f}-{high:<4.1f}  {0:>5}  {'-':>14}  {'-':>8}")
            continue
        mean_p = sum(p for p, _ in inside) / len(inside)
        observed = sum(hit for _, hit in inside) / len(inside)
        rows.append(f"{low:4.1f}-{high:<4.1f}  {len(inside):>5}  {mean_p:>14.3f}  {observed:>8.3f}")
    return rows


def main() -> None:
    """Run the backtest and print the comparison and the calibration table."""
    started = time.perf_counter()
    rounds = load_rounds()
    variants: list[tuple[str, Predictor]] = [
        (
            f"canpath model (default: {DEFAULT_LOOKBACK_MONTHS}-month window, "
            f"half-life {DEFAULT_HALF_LIFE_MONTHS or 'none: equal weights'})",
            model(DEFAULT_LOOKBACK_MONTHS, DEFAULT_HALF_LIFE_MONTHS),
        ),
        ("  same, 12-month window, half-life 3 months", model(12, 3.0)),
        ("  same, 6-month window, equal weights", model(6, None)),
        ("  same, 24-month window, half-life 3 months", model(24, 3.0)),
        ("  same, 24-month window, equal weights", model(24, None)),
        ("baseline: no categories, general rounds only", general_only),
        ("baseline: no categories, all rounds pooled", pooled),  # fed `as_general` rounds
        ("baseline: no recency, all rounds since 2015", all_history),
    ]
    results = [
        (label, evaluate(predict, rounds, as_general(rounds) if predict is pooled else None))
        for label, predict in variants
    ]
    first = results[0][1]
    invited = sum(hit for _, hit in first)
    print(
        f"Backtest {FIRST_MONTH:%Y-%m} to {LAST_MONTH:%Y-%m}: {len(months())} months x "
        f"{len(candidates())} candidates = {len(first)} predictions (1-month horizon); "
        f"invited in {invited} ({invited / len(first):.1%})."
    )
    print()
    width = max(len(label) for label, _ in results)
    print(f"{'Brier score (lower is better)':<{width}}  brier")
    for label, pairs in results:
        print(f"{label:<{width}}  {brier(pairs):.4f}")
    print(
        f"{'constant prediction at the base rate (for scale)':<{width}}  "
        f"{brier([(invited / len(first), hit) for _, hit in first]):.4f}"
    )
    print()
    print("Calibration of the default model (bins of predicted probability):")
    for row in calibration(first):
        print(row)
    print()
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
