"""Test scores to CLB/NCLC, from the IRCC equivalency charts (research express-entry.md §4)."""

from __future__ import annotations

from datetime import date

import pytest

from canpath.rules.federal.language import ABILITIES, check_scores, convert

ON = date(2026, 6, 1)

# Minimum score per CLB, in the order reading, writing, listening, speaking (research §4.2-4.5).
IELTS = {10: (8.0, 7.5, 8.5, 7.5), 9: (7.0, 7.0, 8.0, 7.0), 8: (6.5, 6.5, 7.5, 6.5), 7: (6.0, 6.0, 6.0, 6.0),
         6: (5.0, 5.5, 5.5, 5.5), 5: (4.0, 5.0, 5.0, 5.0), 4: (3.5, 4.0, 4.5, 4.0)}  # fmt: skip
PTE = {10: (88, 90, 89, 89), 9: (78, 88, 82, 84), 8: (69, 79, 71, 76), 7: (60, 69, 60, 68),
       6: (51, 60, 50, 59), 5: (42, 51, 39, 51), 4: (33, 41, 28, 42), 3: (24, 32, 18, 34)}  # fmt: skip
TEF_2023 = {10: (546, 558, 546, 556), 9: (503, 512, 503, 518), 8: (462, 472, 462, 494), 7: (434, 428, 434, 456),
            6: (393, 379, 393, 422), 5: (352, 330, 352, 387), 4: (306, 268, 306, 328)}  # fmt: skip
TEF_2019 = {10: 566, 9: 533, 8: 500, 7: 450, 6: 400, 5: 350, 4: 300}
TEF_OLD = {10: (263, 393, 316, 393), 9: (248, 371, 298, 371), 8: (233, 349, 280, 349), 7: (207, 310, 249, 310),
           6: (181, 271, 217, 271), 5: (151, 226, 181, 226), 4: (121, 181, 145, 181)}  # fmt: skip
TCF = {10: (549, 16, 549, 16), 9: (524, 14, 523, 14), 8: (499, 12, 503, 12), 7: (453, 10, 458, 10),
       6: (406, 7, 398, 7), 5: (375, 6, 369, 6), 4: (342, 4, 331, 4)}  # fmt: skip


def levels(test: str, scores: tuple[float, ...], taken: date) -> list[int]:
    result = convert(test, dict(zip(ABILITIES, scores, strict=True)), taken, ON)
    return [result.levels[a] for a in ABILITIES]


@pytest.mark.parametrize(("clb", "minimums"), IELTS.items())
def test_ielts_minimum_band_reaches_its_clb(clb: int, minimums: tuple[float, ...]) -> None:
    assert levels("ielts", minimums, date(2025, 1, 1)) == [clb] * 4


@pytest.mark.parametrize(("clb", "minimums"), [(c, m) for c, m in IELTS.items() if c > 4])
def test_half_a_band_below_the_minimum_is_one_clb_lower(
    clb: int, minimums: tuple[float, ...]
) -> None:
    below = tuple(score - 0.5 for score in minimums)
    assert all(level < clb for level in levels("ielts", below, date(2025, 1, 1)))


@pytest.mark.parametrize(("clb", "minimums"), PTE.items())
def test_pte_core_minimum_reaches_its_clb(clb: int, minimums: tuple[float, ...]) -> None:
    assert levels("pte_core", minimums, date(2025, 1, 1)) == [clb] * 4


@pytest.mark.parametrize(("clb", "minimums"), TEF_2023.items())
def test_tef_after_2023_12_10(clb: int, minimums: tuple[float, ...]) -> None:
    assert levels("tef", minimums, date(2025, 1, 1)) == [clb] * 4


@pytest.mark.parametrize(("clb", "minimum"), TEF_2019.items())
def test_tef_from_2019_10_01_to_2023_12_10(clb: int, minimum: int) -> None:
    result = convert("tef", dict.fromkeys(ABILITIES, minimum), date(2023, 6, 1), date(2024, 6, 1))
    assert set(result.levels.values()) == {clb}


@pytest.mark.parametrize(("clb", "minimums"), TEF_OLD.items())
def test_tef_old_scale_before_2019_10_01(clb: int, minimums: tuple[float, ...]) -> None:
    result = convert(
        "tef", dict(zip(ABILITIES, minimums, strict=True)), date(2019, 3, 1), date(2020, 6, 1)
    )
    assert set(result.levels.values()) == {clb}


def test_tef_table_follows_the_test_date_2023_12_10_and_2023_12_11() -> None:
    # Writing 430: NCLC 6 on the 2019 scale (400-449), NCLC 7 on the current one (428-471).
    scores = {"reading": 434, "writing": 430, "listening": 434, "speaking": 456}
    day_before = convert("tef", scores, date(2023, 12, 10), date(2024, 6, 1))
    day_of = convert("tef", scores, date(2023, 12, 11), date(2024, 6, 1))
    assert day_before.levels["writing"] == 6
    assert day_of.levels["writing"] == 7


def test_tef_scale_changes_on_2019_10_01() -> None:
    # 300 in reading is NCLC 10 on the old scale (263-300) but NCLC 4 from 2019-10-01 (300-349).
    scores = dict.fromkeys(ABILITIES, 300)
    assert convert("tef", scores, date(2019, 9, 30), date(2020, 6, 1)).levels["reading"] == 10
    assert convert("tef", scores, date(2019, 10, 1), date(2020, 6, 1)).levels["reading"] == 4


@pytest.mark.parametrize(("clb", "minimums"), TCF.items())
def test_tcf_minimum_reaches_its_nclc(clb: int, minimums: tuple[float, ...]) -> None:
    assert levels("tcf", minimums, date(2025, 1, 1)) == [clb] * 4


@pytest.mark.parametrize("level", [4, 7, 10])
def test_celpip_levels_are_clb_levels(level: int) -> None:
    assert levels("celpip", (level,) * 4, date(2025, 1, 1)) == [level] * 4


def test_celpip_11_and_12_count_as_clb_10() -> None:
    assert levels("celpip", (11, 12, 12, 11), date(2025, 1, 1)) == [10] * 4


def test_results_are_valid_for_two_years_from_the_test_date() -> None:
    scores = dict.fromkeys(ABILITIES, 9)
    assert convert("celpip", scores, date(2024, 6, 1), date(2026, 5, 31)).is_valid
    expired = convert("celpip", scores, date(2024, 6, 1), date(2026, 6, 1))
    assert not expired.is_valid and "expired on 2026-06-01" in (expired.problem or "")


def test_pte_core_counts_only_from_2024_01_30() -> None:
    scores = dict.fromkeys(ABILITIES, 80)
    assert not convert("pte_core", scores, date(2024, 1, 15), date(2024, 1, 29)).is_valid
    assert convert("pte_core", scores, date(2024, 1, 15), date(2024, 1, 30)).is_valid


def test_direct_levels_pass_through() -> None:
    result = convert("nclc", {"reading": 10, "writing": 4, "listening": 5, "speaking": 3}, None, ON)
    assert result.levels == {"reading": 10, "writing": 4, "listening": 5, "speaking": 3}
    assert result.is_valid


@pytest.mark.parametrize(
    ("test", "scores", "fragment"),
    [
        ("ielts", {"reading": 9.5}, "run 0-9"),
        ("ielts", {"reading": 6.25}, "steps of 0.5"),
        ("pte_core", {"reading": 95}, "run 10-90"),
        ("tcf", {"writing": 21}, "run 0-20"),
        ("clb", {"reading": 7.5}, "whole numbers"),
    ],
)
def test_impossible_scores_are_rejected(test: str, scores: dict[str, float], fragment: str) -> None:
    assert any(fragment in problem for problem in check_scores(test, scores, date(2025, 1, 1)))


def test_a_test_without_a_date_is_rejected() -> None:
    assert any("test date is required" in p for p in check_scores("ielts", {"reading": 7}, None))
