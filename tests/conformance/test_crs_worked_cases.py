"""The 16 worked CRS cases of the project's research folder, as conformance tests.

Source: shared/examples/crs-worked (copied to tests/conformance/crs_worked/ with its README).
The values follow the CRS criteria in force from 2025-03-25 and were cross-checked against an
independent open-source calculator. Each case checks the total, the four parts, every factor and
what canpath derived from the profile (age, levels, years of work).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from canpath.api import crs
from canpath.profile import load_profile

FOLDER = Path(__file__).parent / "crs_worked"
CASES = json.loads((FOLDER / "cases.json").read_text())

# The cases' factor names and ours.
FACTORS = {
    ("core", "age"): ("core", "age"),
    ("core", "education"): ("core", "education"),
    ("core", "firstLanguage"): ("core", "first_official_language"),
    ("core", "secondLanguage"): ("core", "second_official_language"),
    ("core", "canadianWork"): ("core", "canadian_work_experience"),
    ("spouse", "education"): ("spouse", "education"),
    ("spouse", "language"): ("spouse", "official_language"),
    ("spouse", "canadianWork"): ("spouse", "canadian_work_experience"),
    ("transfer", "educationLanguage"): ("transferability", "education_with_language"),
    ("transfer", "educationCanadianWork"): ("transferability", "education_with_canadian_work"),
    ("transfer", "foreignLanguage"): ("transferability", "foreign_work_with_language"),
    ("transfer", "foreignCanadianWork"): ("transferability", "foreign_work_with_canadian_work"),
    ("transfer", "certificate"): ("transferability", "certificate_of_qualification"),
    ("additional", "canadianEducation"): ("additional", "canadian_study"),
    ("additional", "french"): ("additional", "french_language"),
    ("additional", "nomination"): ("additional", "provincial_nomination"),
    ("additional", "sibling"): ("additional", "sibling_in_canada"),
}


@pytest.fixture(params=CASES, ids=[case["id"] for case in CASES])
def case(request: pytest.FixtureRequest) -> dict[str, Any]:
    return request.param  # type: ignore[no-any-return]


def test_total_and_parts(case: dict[str, Any]) -> None:
    result = crs(load_profile(FOLDER / case["profile"]), on=case["on"])
    assert result.total == case["expected_total"]
    assert result.breakdown == case["expected_breakdown"]


def test_every_factor(case: dict[str, Any]) -> None:
    result = crs(load_profile(FOLDER / case["profile"]), on=case["on"]).to_dict()
    for (their_part, their_name), (part, name) in FACTORS.items():
        expected = case["expected_factors"][their_part][their_name]
        assert result["breakdown"][part]["factors"][name]["points"] == expected, f"{part}.{name}"


def test_derived_inputs(case: dict[str, Any]) -> None:
    derived = case["derived_inputs"]
    result = crs(load_profile(FOLDER / case["profile"]), on=case["on"])
    assert result.derived["age_years"] == derived["age"]
    assert result.derived["canadian_work_years"] == derived["canadian_work_years"]
    assert result.derived["foreign_work_years"] == derived["foreign_work_years"]
    assert result.scored_with_spouse == derived["scored_with_spouse"]
    assert result.first_official_language == derived["first_official_language"]
    first = "french_nclc" if derived["first_official_language"] == "french" else "english_clb"
    assert result.derived[first] == derived["first_language_clb"]
    level = derived["education_level"].replace("less_secondary", "less_than_secondary")
    assert result.derived["education_level"] == level
