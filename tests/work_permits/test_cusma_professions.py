"""The 63 CUSMA professions (Appendix 2) and their credentials, checked against the research table.

Expected values: research/work-permits.md section 3.3 ("Full list by group", IRCC PDI T36 dated
2025-01-03): 25 general, 12 medical/allied, 23 scientists, 3 teachers; the minimum education or
alternative credential of each. "degree" = Baccalaureate or Licenciatura Degree; "diploma+3" =
Post-Secondary Diploma or Certificate and three years' experience; "licence" = state/provincial
licence; "named" = a named degree, designation or training; "licenciatura" = Licenciatura only.
"""

from __future__ import annotations

from datetime import date

import pytest

from canpath.params import RULES
from canpath.programs import FALSE, TRUE, UNKNOWN
from canpath.rules.federal.work_permits.cusma_professions import PROFESSIONS, credential_met

DEGREE = "degree"
GENERAL = [
    ("Accountant", {DEGREE, "named"}),
    ("Architect", {DEGREE, "licence"}),
    ("Computer Systems Analyst", {DEGREE, "diploma+3"}),
    ("Disaster Relief Insurance Claims Adjuster", {"named"}),
    ("Economist", {DEGREE}),
    ("Engineer", {DEGREE, "licence"}),
    ("Forester", {DEGREE, "licence"}),
    ("Graphic Designer", {DEGREE, "diploma+3"}),
    ("Hotel Manager", {"named"}),
    ("Industrial Designer", {DEGREE, "diploma+3"}),
    ("Interior Designer", {DEGREE, "diploma+3"}),
    ("Land Surveyor", {DEGREE, "licence"}),
    ("Landscape Architect", {DEGREE}),
    ("Lawyer (including Notary in the Province of Quebec)", {"named"}),
    ("Librarian", {"named"}),
    ("Management Consultant", {DEGREE, "experience5"}),
    ("Mathematician (including statistician and Actuary)", {DEGREE}),
    ("Range Manager/Range Conservationalist", {DEGREE}),
    ("Research assistant (working in a post-secondary educational institution)", {DEGREE}),
    ("Scientific Technician/Technologist", {"named"}),
    ("Social Worker", {DEGREE}),
    ("Sylviculturist (including Forestry Specialist)", {DEGREE}),
    ("Technical Publications Writer", {DEGREE, "diploma+3"}),
    ("Urban Planner (including Geographer)", {DEGREE}),
    ("Vocational Counsellor", {DEGREE}),
]
MEDICAL = [
    ("Dentist", {"named", "licence"}),
    ("Dietitian", {DEGREE, "licence"}),
    (
        "Medical Laboratory Technologist (Canada)/Medical Technologist (Mexico and the U.S.)",
        {DEGREE, "diploma+3"},
    ),
    ("Nutritionist", {DEGREE}),
    ("Occupational Therapist", {DEGREE, "licence"}),
    ("Pharmacist", {DEGREE, "licence"}),
    ("Physician (teaching or research only)", {"named", "licence"}),
    ("Physiotherapist/Physical Therapist", {DEGREE, "licence"}),
    ("Psychologist", {"licence", "licenciatura"}),
    ("Recreational Therapist", {DEGREE}),
    ("Registered Nurse", {"licence", "licenciatura"}),
    ("Veterinarian", {"named", "licence"}),
]
SCIENTISTS = [
    "Agriculturist (including Agronomist)", "Animal Breeder", "Animal Scientist", "Apiculturist",
    "Astronomer", "Biochemist", "Biologist (including Plant Pathologist)", "Chemist",
    "Dairy Scientist", "Entomologist", "Epidemiologist", "Geneticist", "Geologist", "Geochemist",
    "Geophysicist (including Oceanographer in Mexico and the U.S.)", "Horticulturist",
    "Meteorologist", "Pharmacologist", "Physicist (including Oceanographer in Canada)",
    "Plant Breeder", "Poultry Scientist", "Soil Scientist", "Zoologist",
]  # fmt: skip
TEACHERS = ["Teacher (College)", "Teacher (Seminary)", "Teacher (University)"]
EXPECTED = GENERAL + MEDICAL + [(t, {DEGREE}) for t in SCIENTISTS + TEACHERS]
ON = date(2026, 11, 25)


def _professions() -> dict[str, dict]:  # type: ignore[type-arg]
    return {item["title"]: item for item in RULES.at(ON).value(PROFESSIONS)["professions"]}


def _kind(item: dict) -> str:  # type: ignore[type-arg]
    credential = item["credential"]
    if (
        credential == "baccalaureate_or_licenciatura"
        and not item.get("field")
        and not item.get("plus")
    ):
        return DEGREE
    if (
        credential == "post_secondary_diploma_or_certificate"
        and item.get("experience_years") == 3
        and not item.get("field")
    ):
        return "diploma+3"
    if credential == "state_provincial_licence" or credential == "state_provincial_federal_licence":
        return "licence"
    if credential == "licenciatura":
        return "licenciatura"
    if credential == "none" and item.get("experience_years") == 5:
        return "experience5"
    return "named"


def test_there_are_63_professions_in_four_groups() -> None:
    items = list(_professions().values())
    assert len(items) == 63
    groups = [item["group"] for item in items]
    assert (
        groups.count("general"),
        groups.count("medical_allied"),
        groups.count("scientist"),
        groups.count("teacher"),
    ) == (25, 12, 23, 3)


@pytest.mark.parametrize(("title", "kinds"), EXPECTED, ids=[t[:30] for t, _ in EXPECTED])
def test_every_profession_has_its_credentials(title: str, kinds: set[str]) -> None:
    profession = _professions()[title]
    assert {_kind(item) for item in profession["alternatives"]} == kinds


HELD_BACHELORS = frozenset({"baccalaureate_or_licenciatura"})


@pytest.mark.parametrize(("title", "kinds"), EXPECTED, ids=[t[:30] for t, _ in EXPECTED])
def test_a_bachelors_degree_meets_the_degree_professions(title: str, kinds: set[str]) -> None:
    """A US bachelor's degree, no licence, no experience: met where a plain degree is an alternative,
    unmet where only a licence or a Mexican licenciatura would do, unknown where a named degree,
    a field or a training must be read by an officer."""
    result = credential_met(_professions()[title], HELD_BACHELORS, frozenset(), 0.0, [])
    if DEGREE in kinds:
        assert result == TRUE
    elif kinds == {"licence", "licenciatura"}:
        assert result == FALSE
    else:
        assert result == UNKNOWN


def test_a_diploma_needs_three_years_of_experience() -> None:
    analyst = _professions()["Computer Systems Analyst"]
    diploma = frozenset({"post_secondary_diploma_or_certificate"})
    assert credential_met(analyst, diploma, frozenset(), 3.0, []) == TRUE
    assert credential_met(analyst, diploma, frozenset(), 2.5, []) == FALSE


def test_a_licence_meets_engineer_and_a_licenciatura_meets_registered_nurse() -> None:
    engineer = _professions()["Engineer"]
    assert (
        credential_met(
            engineer,
            frozenset(),
            frozenset({("state_provincial_licence", "engineer")}),
            0.0,
            ["engineer"],
        )
        == TRUE
    )
    assert credential_met(engineer, frozenset(), frozenset(), 0.0, ["engineer"]) == FALSE
    nurse = _professions()["Registered Nurse"]
    assert (
        credential_met(
            nurse,
            frozenset({"baccalaureate_or_licenciatura", "licenciatura"}),
            frozenset(),
            0.0,
            [],
        )
        == TRUE
    )


def test_management_consultants_may_count_five_years_instead_of_a_degree() -> None:
    consultant = _professions()["Management Consultant"]
    assert credential_met(consultant, frozenset(), frozenset(), 5.0, []) == TRUE
    assert credential_met(consultant, frozenset(), frozenset(), 4.0, []) == FALSE
