"""Cut-off statistics and score standing on small hand-made round lists (values by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from canpath.draws.stats import (
    filter_rounds,
    monthly_counts,
    pool_rank,
    rounds_per_month,
    score_position,
    summarise_cutoffs,
)
from canpath.draws.store import load_rounds

from .conftest import make_round

ROUNDS = (
    make_round("1", "2024-12-15", "cec", 540),
    make_round("2", "2025-01-10", "cec", 500),
    make_round("3", "2025-02-10", "cec", 520),
    make_round("4", "2025-03-10", "cec", 510),
    make_round("5", "2025-03-12", "french", 400, size=2000),
    make_round("6", "2025-04-10", "cec", 530),
    make_round("7", "2025-05-01", "pnp", 750),
)


def test_filter_by_category_and_dates_inclusive() -> None:
    assert [r.number for r in filter_rounds(ROUNDS, categories={"cec"})] == [
        "1",
        "2",
        "3",
        "4",
        "6",
    ]
    since = filter_rounds(ROUNDS, since=dt.date(2025, 3, 10), until=dt.date(2025, 4, 10))
    assert [r.number for r in since] == ["4", "5", "6"]
    assert filter_rounds(ROUNDS, categories=set()) == []


def test_cutoff_summary_of_last_three_cec_rounds() -> None:
    summaries = {s.category: s for s in summarise_cutoffs(ROUNDS, last=3, on=dt.date(2025, 4, 30))}
    assert list(summaries) == ["cec", "french"]  # pnp is after `on`; order follows CATEGORY_IDS
    cec = summaries["cec"]
    # Last three cec rounds up to 2025-04-30: 520, 510, 530.
    assert (cec.rounds, cec.latest_cutoff, cec.median_cutoff) == (3, 530, 520.0)
    assert (cec.min_cutoff, cec.max_cutoff, cec.invitations) == (510, 530, 3000)
    assert (cec.first_date, cec.last_date) == (dt.date(2025, 2, 10), dt.date(2025, 4, 10))
    # cec rounds in (2024-04-30, 2025-04-30]: all five -> 5 / 12 per month.
    assert cec.rounds_per_month == pytest.approx(5 / 12)
    assert summaries["french"].median_cutoff == 400.0


def test_median_of_an_even_number_of_rounds() -> None:
    (cec,) = summarise_cutoffs(filter_rounds(ROUNDS, categories={"cec"}), last=4)
    assert cec.median_cutoff == (510 + 520) / 2  # 500, 520, 510, 530


def test_rounds_per_month_window() -> None:
    # (2025-01-10, 2025-04-10]: rounds 3, 4, 5, 6 -> 4 rounds over 3 months.
    assert rounds_per_month(ROUNDS, on=dt.date(2025, 4, 10), months=3) == pytest.approx(4 / 3)


def test_monthly_counts() -> None:
    assert monthly_counts(ROUNDS) == {
        "2024-12": 1,
        "2025-01": 1,
        "2025-02": 1,
        "2025-03": 2,
        "2025-04": 1,
        "2025-05": 1,
    }


def test_share_of_recent_cutoffs_met() -> None:
    position = score_position(515, ROUNDS, last=4, on=dt.date(2025, 4, 30))
    standings = {s.category: s for s in position.standings}
    # Last four cec rounds: 500, 520, 510, 530; a score of 515 meets 500 and 510.
    assert (standings["cec"].met, standings["cec"].rounds) == (2, 4)
    assert standings["cec"].share_met == 0.5
    assert standings["french"].share_met == 1.0
    assert "pnp" not in standings
    assert position.pool is None  # no hand-made round carries a distribution


def test_score_equal_to_cutoff_meets_it() -> None:
    position = score_position(530, [ROUNDS[5]])
    assert position.standings[0].met == 1


DISTRIBUTION = {
    "601-1200": 100,
    "501-600": 1000,
    "451-500": 200,
    "491-500": 200,
    "481-490": 0,
    "471-480": 0,
    "461-470": 0,
    "451-460": 0,
    "401-450": 0,
    "441-450": 0,
    "431-440": 0,
    "421-430": 0,
    "411-420": 0,
    "401-410": 0,
    "351-400": 0,
    "301-350": 0,
    "0-300": 301,
    "total": 1601,
}


@pytest.mark.parametrize(
    ("score", "at_least", "at_most", "estimate"),
    [
        (1200, 0, 0, 0),
        (600, 100, 100, 100),  # strictly above 600: only the 601-1200 range
        (550, 100, 1100, 600),  # 1000 spread over 501..600: 50 of 100 scores are above 550
        (495, 1100, 1300, 1200),  # 5 of the 10 scores 491..500 are above 495
        (500, 1100, 1100, 1100),
        (299, 1300, 1601, 1301),  # 0..300 holds 301 scores, one (300) is above 299
    ],
)
def test_pool_rank_by_hand(score: int, at_least: int, at_most: int, estimate: int) -> None:
    rank = pool_rank(score, DISTRIBUTION, "9", dt.date(2026, 1, 1))
    assert (rank.above_at_least, rank.above_at_most, rank.above_estimate) == (
        at_least,
        at_most,
        estimate,
    )
    assert rank.pool_total == 1601


def test_pool_rank_in_latest_shipped_pool() -> None:
    position = score_position(500, load_rounds())
    assert position.pool is not None
    # Round 434 (pool of 2026-08-03): dd1 "500" + dd2 "19,705" candidates are above 500.
    assert position.pool.round_number == "434"
    assert position.pool.as_of == dt.date(2026, 8, 3)
    assert position.pool.above_estimate == 500 + 19_705
    assert position.pool.pool_total == 229_100


def test_pool_as_of_an_earlier_date_uses_that_rounds_pool() -> None:
    position = score_position(600, load_rounds(), on=dt.date(2022, 6, 1))
    assert position.pool is not None
    # Latest distribution on or before 2022-06-01 is round 223 (backfilled): dd1 = 635.
    assert position.pool.round_number == "223"
    assert position.pool.above_estimate == 635
