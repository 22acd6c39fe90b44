"""Language test results to CLB (English) or NCLC (French) levels, and their validity.

Each ability (reading, writing, listening, speaking) converts on its own: the level is the highest
row of the official equivalency chart whose minimum the score reaches. TEF Canada converts with the
chart for the date the test was taken. Results are valid for two years from the test date; PTE Core
counts only from the day IRCC began to accept it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from canpath.errors import ParameterNotInForce
from canpath.params import RULES, InForce, ParameterStore
from canpath.rules.registry import rule
from canpath.timeutil import add_years

ABILITIES = ("reading", "writing", "listening", "speaking")
Language = Literal["english", "french"]

TEST_TABLES = {
    "ielts": "federal.language.ielts_general_training",
    "celpip": "federal.language.celpip_general",
    "pte_core": "federal.language.pte_core",
    "tef": "federal.language.tef_canada",
    "tcf": "federal.language.tcf_canada",
}
VALIDITY = "federal.language.result_validity"
TEST_NAMES = {
    "ielts": "IELTS General Training",
    "celpip": "CELPIP-General",
    "pte_core": "PTE Core",
    "tef": "TEF Canada",
    "tcf": "TCF Canada",
    "clb": "CLB levels",
    "nclc": "NCLC levels",
}
DIRECT_LEVEL_MAX = 12  # `clb`/`nclc` entries: 10 means 10 or more, 3 means below 4


@dataclass(frozen=True)
class LanguageLevels:
    """One test converted: levels per ability, and whether it can be used on the assessment date."""

    test: str
    language: Language
    levels: dict[str, int]
    taken: date | None
    expires: date | None
    is_valid: bool
    problem: str | None
    parameter_id: str | None

    @property
    def minimum(self) -> int:
        return min(self.levels.values())


def language_of(test: str) -> Language:
    return "french" if test in ("tef", "tcf", "nclc") else "english"


def _chart(test: str, taken: date | None, store: ParameterStore) -> InForce:
    """The chart for a test taken on `taken` (earliest chart for older or undated tests)."""
    parameter = store.parameter(TEST_TABLES[test])
    day = taken if taken is not None and taken >= parameter.first_date else parameter.first_date
    return parameter.at(day)


def check_scores(
    test: str, scores: Mapping[str, float], taken: date | None, store: ParameterStore = RULES
) -> list[str]:
    """Problems with a test's scores (outside the test's scale, or a missing test date)."""
    problems: list[str] = []
    if test in ("clb", "nclc"):
        for ability, score in scores.items():
            if score != int(score) or not 0 <= score <= DIRECT_LEVEL_MAX:
                problems.append(
                    f"{ability}: {test.upper()} levels are whole numbers 0-12, got {score}"
                )
        return problems
    if taken is None:
        problems.append(
            f"taken: the test date is required for {TEST_NAMES[test]} (results last two years)"
        )
    scale = _chart(test, taken, store).value["scale"]
    for ability, score in scores.items():
        top = scale.get(f"max_{ability}", scale["max"])
        step = scale["step"]
        if not scale["min"] <= score <= top:
            problems.append(
                f"{ability}: {TEST_NAMES[test]} scores run {scale['min']}-{top}, got {score}"
            )
        elif round(score / step, 6) != int(round(score / step, 6)):
            problems.append(
                f"{ability}: {TEST_NAMES[test]} scores go in steps of {step}, got {score}"
            )
    return problems


@rule(uses=tuple(TEST_TABLES.values()))
def level_from_score(score: float, ability: str, chart: Mapping[int, Mapping[str, float]]) -> int:
    """The CLB/NCLC level a score reaches in one ability (one below the chart's lowest row if none)."""
    rows = sorted(chart, reverse=True)
    for level in rows:
        if score >= chart[level][ability]:
            return int(level)
    return int(rows[-1]) - 1


@rule(uses=(VALIDITY, *TEST_TABLES.values()))
def convert(
    test: str,
    scores: Mapping[str, float],
    taken: date | None,
    on: date,
    store: ParameterStore = RULES,
) -> LanguageLevels:
    """Convert one result to levels and say whether it counts on `on` (accepted and not expired)."""
    language = language_of(test)
    if test in ("clb", "nclc"):
        levels = {ability: int(scores[ability]) for ability in ABILITIES}
        parameter_id = None
    else:
        chart = _chart(test, taken, store)
        levels = {
            ability: level_from_score(scores[ability], ability, chart.value["min_score"])
            for ability in ABILITIES
        }
        parameter_id = chart.parameter_id
    expires = None
    problem = None
    if taken is not None:
        if taken > on:
            problem = f"taken on {taken}, after the assessment date"
        else:
            years = store.parameter(VALIDITY).at(max(on, store.parameter(VALIDITY).first_date))
            expires = add_years(taken, int(years.value["years"]))
            if on >= expires:
                problem = (
                    f"expired on {expires} (results are valid for {years.value['years']} years)"
                )
    if problem is None and test in TEST_TABLES:
        try:
            store.parameter(TEST_TABLES[test]).at(on)
        except ParameterNotInForce as error:
            problem = f"{TEST_NAMES[test]} is not accepted on {on} (accepted from {error.first})"
    return LanguageLevels(
        test=test,
        language=language,
        levels=levels,
        taken=taken,
        expires=expires,
        is_valid=problem is None,
        problem=problem,
        parameter_id=parameter_id,
    )
