"""British Columbia: BC PNP Tech, the job-offer duration rule, SIRS, High Economic Impact selection.

Numbers come from shared/research/provincial.md (sections 3.1 to 3.4), never from the code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from canpath.params import RULES
from canpath.profile import Profile

from .helpers import criterion, person, stream

TECH, HEI = "bc.tech", "bc.high_economic_impact"


def offer(**changes: Any) -> dict[str, Any]:
    found: dict[str, Any] = {
        "noc": "21232",
        "employer": "Acme",
        "province": "BC",
        "city": "Vancouver",
        "hourly_wage_cad": 45,
        "hours_per_week": 40,
        "permanent": True,
    }
    found.update(changes)
    return found


def bc(noc: str = "21232", clb: int = 9, **changes: Any) -> Profile:
    """A worker in Vancouver since 2017 with a B.C. bachelor's degree and an offer from the employer."""
    fields: dict[str, Any] = {
        "in_canada": {"status": "worker", "permit": "pgwp"},
        "languages": [{"test": "clb", "listening": clb, "reading": clb, "writing": clb, "speaking": clb}],
        "education": [{"level": "bachelors", "country": "CA", "province": "BC", "completed": "2016-05-01", "length_years": 4}],
        "work": [{"noc": noc, "employer": "Acme", "country": "CA", "province": "BC", "region": "area1", "start": "2017-01-09", "hours_per_week": 40}],
        "job_offer": offer(noc=noc),
    }  # fmt: skip
    fields.update(changes)
    return person(**fields)


def sirs(profile: Profile, on: str = "2026-11-25") -> dict[str, Any]:
    score = stream(profile, on, HEI).score
    assert score is not None
    return score


# --- Tech occupation lists -------------------------------------------------------------------


def test_the_noc_2021_tech_list_has_35_codes_with_21399_onward_unconfirmed() -> None:
    value = RULES.at(date(2023, 1, 1))["provinces.bc.tech.occupations"].value
    assert len(value["occupations"]) == 35
    confirmed = [code for code in value["occupations"] if code not in value["unconfirmed"]]
    assert confirmed == value["occupations"][:19]
    assert confirmed[-1] == "21320"
    assert criterion(stream(bc("21399"), "2023-06-01", TECH), "occupation").unconfirmed
    assert not criterion(stream(bc("21232"), "2023-06-01", TECH), "occupation").unconfirmed


def test_the_noc_2016_list_is_read_through_the_correspondence_table() -> None:
    assert (
        criterion(stream(bc("21211"), "2022-11-15", TECH), "occupation").met is True
    )  # 2171, 2172, 2173 all listed
    result = criterion(stream(bc("21232"), "2022-11-15", TECH), "occupation")
    assert result.met is True  # 2174 is listed, on one source only
    assert result.unconfirmed
    assert (
        criterion(stream(bc("21100"), "2022-11-15", TECH), "occupation").met is None
    )  # 2111 not among the 27 recovered
    assert criterion(stream(bc("21100"), "2022-11-16", TECH), "occupation").met is True


# --- Job-offer duration -----------------------------------------------------------------------


def fixed_term(noc: str = "21232", months: int = 12, start: str | None = None) -> Profile:
    return bc(noc, job_offer=offer(noc=noc, permanent=False, duration_months=months, start=start))


def test_the_tech_exception_starts_on_2018_06_26() -> None:
    assert criterion(stream(fixed_term(), "2018-06-25", TECH), "job_offer_duration").met is False
    assert criterion(stream(fixed_term(), "2018-06-26", TECH), "job_offer_duration").met is True


def test_the_exception_needs_120_days_left_and_a_tech_occupation() -> None:
    assert (
        criterion(
            stream(fixed_term(start="2024-01-01"), "2024-08-01", TECH), "job_offer_duration"
        ).met
        is True
    )
    assert (
        criterion(
            stream(fixed_term(start="2024-01-01"), "2024-09-15", TECH), "job_offer_duration"
        ).met
        is False
    )
    assert (
        criterion(stream(fixed_term(months=11), "2024-06-01", TECH), "job_offer_duration").met
        is False
    )
    assert (
        criterion(stream(fixed_term("11100"), "2024-06-01", TECH), "job_offer_duration").met
        is False
    )


def test_an_indeterminate_offer_always_qualifies() -> None:
    assert criterion(stream(bc(), "2018-06-25", TECH), "job_offer_duration").met is True
    assert criterion(stream(bc(), "2025-06-01", HEI), "job_offer_duration").met is True


def test_tech_draws_end_2024_12_03_and_high_economic_impact_starts_2025() -> None:
    profile = fixed_term()
    assert stream(profile, "2017-05-09", TECH).status == "not_yet_open"
    last = stream(profile, "2024-12-03", TECH)
    assert last.status == "open"
    assert last.facts["closes_on"] == "2024-12-04"
    closed = stream(profile, "2024-12-04", TECH)
    assert closed.status == "closed"
    assert "2024-12-04" in closed.criteria[0].reason.render()
    assert stream(profile, "2024-12-31", HEI).status == "not_yet_open"
    after = criterion(stream(profile, "2025-01-01", HEI), "job_offer_duration")
    assert after.met is None
    assert after.unconfirmed


def test_skills_immigration_requirements_outside_the_research_stay_unknown() -> None:
    result = stream(bc(), "2023-06-01", TECH)
    assert criterion(result, "skills_immigration_category").met is None
    assert result.eligible is None


# --- SIRS (2022-11-16 grid) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("wage", "points"),
    [(15.99, 0), (16, 1), (16.99, 1), (35.5, 20), (69.99, 54), (70, 55), (100, 55)],
)
def test_wage_points(wage: float, points: int) -> None:
    assert sirs(bc(job_offer=offer(hourly_wage_cad=wage)))["factors"]["hourly_wage"] == points


@pytest.mark.parametrize(
    ("level", "province", "points", "bonus"),
    [
        ("doctoral", "BC", 27, 8),
        ("masters", "ON", 22, 6),
        ("bachelors", None, 15, 0),
        ("two_year", "BC", 5, 8),
        ("secondary", "BC", 0, 0),
    ],
)
def test_education_points(level: str, province: str | None, points: int, bonus: int) -> None:
    credential: dict[str, Any] = {
        "level": level,
        "country": "CA" if province else "IN",
        "completed": "2016-05-01",
        "length_years": 2,
        "eca": province is None,
    }
    if province:
        credential["province"] = province
    factors = sirs(bc(education=[credential]))["factors"]
    assert (factors["education_level"], factors["education_in_canada_bonus"]) == (points, bonus)


@pytest.mark.parametrize(
    ("clb", "points"), [(10, 30), (9, 30), (8, 25), (7, 20), (6, 15), (5, 10), (4, 5), (3, 0)]
)
def test_language_points(clb: int, points: int) -> None:
    assert sirs(bc(clb=clb))["factors"]["language"] == points


def test_english_and_french_bonus_level_was_not_captured() -> None:
    both = [
        {"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9},
        {"test": "nclc", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
    ]
    score = sirs(bc(languages=both))
    assert score["factors"]["english_and_french_bonus"] is None
    assert score["points"] is None
    assert sirs(bc())["factors"]["english_and_french_bonus"] == 0


@pytest.mark.parametrize(
    ("start", "points"),
    [
        (None, 0),
        ("2026-05-01", 1),
        ("2025-10-01", 4),
        ("2024-10-01", 8),
        ("2023-10-01", 12),
        ("2022-10-01", 16),
        ("2019-10-01", 20),
    ],
)
def test_directly_related_experience(start: str | None, points: int) -> None:
    work = (
        []
        if start is None
        else [{"noc": "21232", "country": "IN", "start": start, "hours_per_week": 40}]
    )
    assert sirs(bc(work=work, in_canada=None))["factors"]["work_experience"] == points


def test_canadian_experience_and_current_employer_bonuses() -> None:
    factors = sirs(bc())["factors"]
    assert (factors["canadian_experience_bonus"], factors["current_bc_employer_bonus"]) == (10, 10)
    other = sirs(bc(job_offer=offer(employer="Other Co")))["factors"]
    assert other["current_bc_employer_bonus"] == 0
    unnamed = sirs(bc(job_offer=offer(employer=None)))
    assert unnamed["factors"]["current_bc_employer_bonus"] is None
    assert "job_offer.is_current_employer" in unnamed["missing"]
    told = sirs(bc(job_offer=offer(employer=None, is_current_employer=True)))
    assert told["factors"]["current_bc_employer_bonus"] == 10


@pytest.mark.parametrize(
    ("city", "region", "points"),
    [
        ("Vancouver", None, 0),
        ("Squamish", None, 5),
        ("Chilliwack", None, 5),
        (None, "area3", 15),
        (None, "metro_vancouver", 0),
    ],
)
def test_area_of_employment(city: str | None, region: str | None, points: int) -> None:
    assert (
        sirs(bc(job_offer=offer(city=city, region=region)))["factors"]["area_of_employment"]
        == points
    )


def test_an_area_the_grid_cannot_place_is_unknown_not_zero() -> None:
    score = sirs(bc(job_offer=offer(city="Kelowna")))
    assert score["points"] is None
    assert score["factors"]["area_of_employment"] is None
    assert score["missing"] == ["job_offer.region"]


def test_regional_bonus_only_outside_metro_vancouver() -> None:
    regional = [
        {
            "noc": "21232",
            "employer": "Acme",
            "country": "CA",
            "province": "BC",
            "region": "area3",
            "start": "2017-01-09",
            "hours_per_week": 40,
        }
    ]
    assert (
        sirs(bc(work=regional, job_offer=offer(city=None, region="area3")))["factors"][
            "regional_bonus"
        ]
        == 10
    )
    metro = [
        {
            "noc": "21232",
            "employer": "Acme",
            "country": "CA",
            "province": "BC",
            "region": "area1",
            "start": "2017-01-09",
            "hours_per_week": 40,
        }
    ]
    assert sirs(bc(work=metro, job_offer=offer(city="Vancouver")))["factors"]["regional_bonus"] == 0


def test_missing_wage_is_named() -> None:
    score = sirs(bc(job_offer=offer(hourly_wage_cad=None)))
    assert score["points"] is None
    assert "job_offer.hourly_wage_cad" in score["missing"]
    assert score["range"][1] - score["range"][0] == 55


def test_the_grid_is_200_points_from_2022_11_16() -> None:
    assert sirs(bc())["maximum"] == 200
    assert stream(bc(), "2022-11-15", TECH).score["points"] is None
    assert stream(bc(), "2022-11-16", TECH).score["maximum"] == 200


# --- High Economic Impact draws -----------------------------------------------------------------


def test_high_economic_impact_wage_route() -> None:
    draws = sirs(bc("21231", job_offer=offer(noc="21231", hourly_wage_cad=75)), "2026-03-01")[
        "draws"
    ]["recent"]
    routes = {row["date"]: row["meets_wage_route"] for row in draws}
    assert routes == {"2026-02-04": True, "2025-12-10": False, "2025-05-08": False}
    assert draws[0]["meets"] is True


def test_high_economic_impact_score_route_uses_the_latest_cut_offs() -> None:
    score = sirs(bc(), "2026-07-01")
    assert [row["min_score"] for row in score["draws"]["recent"]] == [136, 135, 138]
    assert all(
        row["meets"] == (score["points"] >= row["min_score"]) or row["meets_wage_route"]
        for row in score["draws"]["recent"]
    )


# --- Scenario: a Vancouver developer with a one-year offer ---------------------------------------


def test_vancouver_developer_one_year_offer_under_bc_pnp_tech(vancouver: Profile) -> None:
    result = stream(vancouver, "2024-10-01", TECH)
    assert criterion(result, "job_offer_duration").met is True
    assert criterion(result, "occupation").met is True
    assert (
        result.facts["nomination"] == "enhanced"
    )  # eligible for CEC, so the Express Entry BC option is open
    assert result.facts["nomination_options"] == ["base", "enhanced"]
    # experience 4 + Canada 10 + employer 10; education 5 + B.C. 8; CLB 8: 25; $41.50: 26; Metro Vancouver: 0
    assert result.score["points"] == 88


def test_vancouver_developer_after_tech_draws_ended(vancouver: Profile) -> None:
    assert criterion(stream(vancouver, "2024-12-03", TECH), "job_offer_duration").met is True
    assert stream(vancouver, "2024-12-04", TECH).status == "closed"
    later = stream(vancouver, "2025-01-01", HEI)
    assert later.status == "open"
    assert criterion(later, "job_offer_duration").met is None
    assert later.eligible is None
