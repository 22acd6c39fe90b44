"""The invitation model on hand-made rounds (probabilities derived by hand) and its properties."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canpath.draws.feed import Round
from canpath.draws.model import (
    DAYS_PER_MONTH,
    estimate_invitation,
    expected_months_to_invitation,
    invitation_probability,
)
from canpath.errors import UnknownNameError

from .conftest import make_round

ON = dt.date(2026, 1, 1)  # lookback 12 months -> window 2025-01-01 .. 2025-12-31

ROUNDS = (
    make_round("0", "2024-12-31", "cec", 300),  # one day before the window: ignored
    make_round("1", "2025-01-01", "cec", 500),  # first day of the window: used
    make_round("2", "2025-03-01", "cec", 510),
    make_round("3", "2025-05-01", "cec", 520),
    make_round("4", "2025-07-01", "cec", 530),
    make_round("5", "2025-09-01", "cec", 540),
    make_round("6", "2025-11-01", "cec", 550),
    make_round("7", "2025-02-01", "french", 400),
    make_round("8", "2025-06-01", "french", 420),
    make_round("9", "2025-10-01", "french", 440),
    make_round("10", "2026-01-01", "cec", 300),  # on the as-of date: not seen yet
    make_round("11", "2025-08-01", "pnp", 750),
)


def test_one_category_by_hand() -> None:
    # cec: 6 rounds in 12 months -> 0.5 a month; a score of 525 meets 500, 510, 520 -> 1/2.
    # Invitations from cec: 0.5 * 0.5 = 0.25 a month; over 3 months: 1 - exp(-0.75).
    probability = invitation_probability(525, {"cec"}, ON, 3, ROUNDS)
    assert probability == pytest.approx(1 - math.exp(-0.75))
    assert probability == pytest.approx(0.527633, abs=1e-6)


def test_score_equal_to_a_cutoff_counts_as_met() -> None:
    # 520 meets 500, 510 and 520 (tie at the cut-off counts) -> same 1/2 as 525.
    cec = estimate_invitation(520, {"cec"}, ON, 3, ROUNDS).by_category[1]
    assert (cec.rounds_met, cec.chance_per_round) == (3, 0.5)
    assert estimate_invitation(519, {"cec"}, ON, 3, ROUNDS).by_category[1].rounds_met == 2


def test_two_categories_combine_by_hand() -> None:
    # french: 3 rounds -> 0.25 a month, all met by 525 -> 0.25 a month.
    # Total 0.5 a month: P(3 months) = 1 - exp(-1.5); mean wait 1 / 0.5 = 2 months.
    estimate = estimate_invitation(525, ["cec", "french"], ON, 3, ROUNDS)
    assert estimate.probability == pytest.approx(1 - math.exp(-1.5))
    assert estimate.probability == pytest.approx(0.776870, abs=1e-6)
    assert estimate.expected_months == pytest.approx(2.0)
    # Equivalently 1 - P(not by cec) * P(not by french).
    by = {rate.category: rate for rate in estimate.by_category}
    product = (1 - by["cec"].probability_within_horizon) * (
        1 - by["french"].probability_within_horizon
    )
    assert estimate.probability == pytest.approx(1 - product)


def test_breakdown_shows_the_numbers_used() -> None:
    estimate = estimate_invitation(525, ["french", "cec"], ON, 3, ROUNDS)
    assert estimate.categories == ("general", "cec", "french")  # general added, stable order
    assert estimate.window_start == dt.date(2025, 1, 1)
    by = {rate.category: rate for rate in estimate.by_category}
    assert (by["cec"].rounds_in_window, by["cec"].rounds_met) == (6, 3)
    assert by["cec"].rounds_per_month == pytest.approx(0.5)
    assert by["cec"].chance_per_round == pytest.approx(0.5)
    assert (by["cec"].latest_cutoff, by["cec"].median_cutoff) == (550, 525.0)
    assert (by["general"].rounds_in_window, by["general"].invitations_per_month) == (0, 0.0)
    assert by["general"].latest_cutoff is None
    data = estimate.to_dict()
    assert data["on"] == "2026-01-01"
    assert data["by_category"][1]["category"] == "cec"  # type: ignore[index]


def test_expected_months_is_none_beyond_horizon_or_never() -> None:
    assert expected_months_to_invitation(525, ["cec", "french"], ON, 1, ROUNDS) is None  # 2 > 1
    assert expected_months_to_invitation(525, ["cec", "french"], ON, 2, ROUNDS) == pytest.approx(
        2.0
    )
    assert expected_months_to_invitation(499, ["cec"], ON, 12, ROUNDS) is None
    assert invitation_probability(499, ["cec"], ON, 12, ROUNDS) == 0.0


def test_only_listed_categories_count() -> None:
    # pnp round (750) would be met by 800, but the person has no nomination.
    assert invitation_probability(800, ["cec"], ON, 1, ROUNDS) == pytest.approx(1 - math.exp(-0.5))
    # With a nomination: 1 pnp round a year -> +1/12 a month.
    assert invitation_probability(800, ["cec", "pnp"], ON, 1, ROUNDS) == pytest.approx(
        1 - math.exp(-(0.5 + 1 / 12))
    )


def test_general_rounds_are_included_unless_switched_off() -> None:
    rounds = (make_round("1", "2025-06-01", "general", 480),)
    # 1 general round a year met by 500: 1/12 a month.
    assert invitation_probability(500, [], ON, 12, rounds) == pytest.approx(1 - math.exp(-1))
    assert invitation_probability(500, [], ON, 12, rounds, include_general=False) == 0.0


def test_recency_weighting_by_hand() -> None:
    # Half-life of 10 days: a round 10 days old weighs 1/2, one 20 days old 1/4.
    half_life = 10 / DAYS_PER_MONTH
    rounds = (
        make_round("1", "2025-12-22", "cec", 500),  # 10 days before ON, met by 505
        make_round("2", "2025-12-12", "cec", 510),  # 20 days before ON, not met
    )
    estimate = estimate_invitation(505, ["cec"], ON, 1, rounds, half_life_months=half_life)
    cec = estimate.by_category[1]
    assert cec.chance_per_round == pytest.approx(0.5 / (0.5 + 0.25))  # 2/3
    assert estimate.probability == pytest.approx(1 - math.exp(-(2 / 12) * (2 / 3)))
    # Equal weights: 1 of 2.
    assert estimate_invitation(505, ["cec"], ON, 1, rounds).by_category[1].chance_per_round == 0.5


def test_lookback_window_is_a_parameter() -> None:
    # 3-month window 2025-10-01 .. 2025-12-31: cec 550 (Nov), french 440 (Oct).
    estimate = estimate_invitation(545, ["cec", "french"], ON, 1, ROUNDS, lookback_months=3)
    by = {rate.category: rate for rate in estimate.by_category}
    assert (by["cec"].rounds_in_window, by["cec"].rounds_met) == (1, 0)
    assert by["french"].rounds_per_month == pytest.approx(1 / 3)
    assert estimate.probability == pytest.approx(1 - math.exp(-1 / 3))


def test_bad_arguments() -> None:
    with pytest.raises(UnknownNameError, match="stme"):
        invitation_probability(500, ["stme"], ON, 1, ROUNDS)
    with pytest.raises(UnknownNameError):
        invitation_probability(500, ["other"], ON, 1, ROUNDS)
    with pytest.raises(ValueError, match="at least 1"):
        invitation_probability(500, ["cec"], ON, 0, ROUNDS)
    with pytest.raises(ValueError, match="at least 1"):
        invitation_probability(500, ["cec"], ON, 1, ROUNDS, lookback_months=0)
    with pytest.raises(ValueError, match="positive"):
        invitation_probability(500, ["cec"], ON, 1, ROUNDS, half_life_months=0)


def test_default_rounds_are_the_shipped_feed() -> None:
    # Window 2025-07-01 .. 2026-06-30 holds 19 cec rounds (2025-07-08 .. 2026-06-23, counted in
    # the feed), cut-offs 507-534: 600 meets all of them, 450 none; no general round since 2024.
    assert invitation_probability(600, ["cec"], dt.date(2026, 7, 1), 1) == pytest.approx(
        1 - math.exp(-19 / 12)
    )
    assert invitation_probability(450, ["cec"], dt.date(2026, 7, 1), 1) == 0.0


CATEGORIES = ("general", "cec", "french", "pnp", "healthcare")
round_lists = st.lists(
    st.builds(
        lambda days, category, cutoff: make_round(
            "x", (ON - dt.timedelta(days=days)).isoformat(), category, cutoff
        ),
        st.integers(min_value=1, max_value=500),
        st.sampled_from(CATEGORIES),
        st.integers(min_value=300, max_value=900),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(
    rounds=round_lists,
    low=st.integers(min_value=250, max_value=950),
    raise_by=st.integers(min_value=0, max_value=300),
    categories=st.sets(st.sampled_from(CATEGORIES)),
    months=st.integers(min_value=1, max_value=24),
    half_life=st.one_of(st.none(), st.floats(min_value=0.5, max_value=24)),
)
def test_probability_never_falls_as_the_score_rises(
    rounds: list[Round],
    low: int,
    raise_by: int,
    categories: set[str],
    months: int,
    half_life: float | None,
) -> None:
    lower = invitation_probability(low, categories, ON, months, rounds, half_life_months=half_life)
    higher = invitation_probability(
        low + raise_by, categories, ON, months, rounds, half_life_months=half_life
    )
    assert 0.0 <= lower <= higher <= 1.0


@settings(max_examples=100, deadline=None)
@given(
    rounds=round_lists,
    score=st.integers(min_value=250, max_value=950),
    categories=st.sets(st.sampled_from(CATEGORIES)),
    extra=st.sampled_from(CATEGORIES),
    months=st.integers(min_value=1, max_value=23),
)
def test_more_categories_or_a_longer_horizon_never_lower_it(
    rounds: list[Round], score: int, categories: set[str], extra: str, months: int
) -> None:
    base = invitation_probability(score, categories, ON, months, rounds)
    assert invitation_probability(score, categories | {extra}, ON, months, rounds) >= base
    assert invitation_probability(score, categories, ON, months + 1, rounds) >= base
