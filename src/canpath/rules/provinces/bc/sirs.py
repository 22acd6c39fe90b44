"""British Columbia's Skills Immigration Registration System score (200): human capital 120, economic 80.

Experience directly related to the B.C. job offer (read as experience in the offer's occupation),
education, language, the offer's hourly wage and its area of employment. Answers the profile does
not give (the offer's wage or area, the region of past B.C. work, the employer of the current job)
leave their factor unknown, never zero; so does the English-and-French bonus for a person tested in
both, since the level it needs was not captured.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.params import Snapshot
from canpath.params.lookup import by_integer
from canpath.rules.provinces.common import filled, lowest_level, member, normalize, region_of
from canpath.rules.provinces.facts import PROFILE_LEVELS
from canpath.rules.provinces.grid import GridScore
from canpath.rules.registry import rule

GRID = "provinces.bc.sirs_grid"
MONTHS_PER_YEAR = 12  # calendar fact

# Profile credential levels read as SIRS rows (interpretation: a three-year diploma is a
# post-secondary diploma; post-graduate certificates and associate degrees are not told apart).
EDUCATION_ROW = {
    "less_than_secondary": "secondary_or_less", "secondary": "secondary_or_less",
    "one_year": "post_secondary_diploma_certificate", "two_year": "post_secondary_diploma_certificate",
    "three_year": "post_secondary_diploma_certificate", "bachelors": "bachelors", "two_or_more": "bachelors",
    "masters": "masters", "professional": "masters", "doctoral": "doctoral",
}  # fmt: skip


def offer_area(facts: Facts, table: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Whether each row has a B.C. offer, and its SIRS area code ('' when it cannot be told)."""
    area = table["area"]
    cities = {**area["city_regions"], **dict.fromkeys(area["area2_municipalities"], "area2")}
    here = (facts["job_offer_province"] == "BC") & (facts["job_offer_noc"] != "")
    codes = np.array([
        region_of(r, c, area["points"], cities, area["region_aliases"]) if h else "-"
        for r, c, h in zip(facts["offer_region"], facts["offer_city"], here, strict=True)
    ])  # fmt: skip
    return here, codes


def _experience(
    facts: Facts, grid: GridScore, snapshot: Snapshot, table: dict[str, Any], here: np.ndarray
) -> None:
    """Directly related experience, a year of it in Canada, and current work for the employer in B.C."""
    rule = table["work_experience"]
    months = facts["offer_noc_months"]
    years = np.floor(months / MONTHS_PER_YEAR + 1e-6).astype(int)
    points = np.where(
        months > 0,
        by_integer(snapshot[GRID], years, "work_experience", "years_directly_related"),
        rule["no_experience"],
    )
    grid.add("work_experience", points, max(rule["years_directly_related"].values()))
    grid.add(
        "canadian_experience_bonus",
        np.where(
            facts["offer_noc_months_in_canada"] / MONTHS_PER_YEAR + 1e-6
            >= rule["canada_bonus_min_years"],
            rule["canada_one_year_bonus"],
            0,
        ),
        rule["canada_one_year_bonus"],
    )
    same = (
        here
        & (facts["current_job_province"] == "BC")
        & (facts["current_job_noc"] == facts["job_offer_noc"])
    )
    employer = facts["offer_is_with_current_employer"]
    bonus = rule["current_bc_employer_bonus"]
    grid.add(
        "current_bc_employer_bonus",
        np.where(same & (employer == 1), bonus, 0),
        bonus,
        unknown=same & (employer == -1),
        answer="job_offer.is_current_employer",
    )


def _education(facts: Facts, grid: GridScore, table: dict[str, Any]) -> None:
    """Highest education, post-secondary study in B.C. or Canada, and a B.C. professional designation."""
    rule = table["education"]
    rows = np.array([rule["level"][EDUCATION_ROW[name]] for name in PROFILE_LEVELS] + [0])
    grid.add("education_level", rows[facts["credential_level"]], max(rule["level"].values()))
    places = facts["canadian_credential_places"]
    in_bc = np.array(["BC" in p for p in places], dtype=bool)
    in_canada = np.array([bool(p - {"CA"}) for p in places], dtype=bool)
    unplaced = np.array(["CA" in p for p in places], dtype=bool)
    points = np.where(
        in_bc,
        rule["completed_in_bc"],
        np.where(in_canada, rule["completed_in_canada_outside_bc"], 0),
    )
    grid.add(
        "education_in_canada_bonus",
        points,
        rule["completed_in_bc"],
        unknown=~in_bc & unplaced,
        answer="education[].province",
    )
    designated = member(facts["job_offer_noc"], rule["professional_designation_nocs"])
    grid.add(
        "professional_designation_bonus",
        np.zeros(facts.size, dtype=int),
        rule["professional_designation"],
        unknown=designated,
        answer="bc_professional_designation (not asked)",
    )


def _language(facts: Facts, grid: GridScore, snapshot: Snapshot, table: dict[str, Any]) -> None:
    """Lowest CLB in the better language, and the English-and-French bonus."""
    rule = table["language"]
    grid.add(
        "language",
        by_integer(snapshot[GRID], lowest_level(facts), "language", "lowest_clb"),
        max(rule["lowest_clb"].values()),
    )
    english, french = facts["english_clb"].min(axis=1), facts["french_nclc"].min(axis=1)
    threshold = rule["english_and_french_min_clb"]
    bonus = rule["english_and_french_bonus"]
    if threshold is None:
        grid.add(
            "english_and_french_bonus",
            np.zeros(facts.size, dtype=int),
            bonus,
            unknown=(english > 0) & (french > 0),
            answer="rule: level for English-and-French proficiency (not captured)",
        )
    else:
        grid.add(
            "english_and_french_bonus",
            np.where((english >= threshold) & (french >= threshold), bonus, 0),
            bonus,
        )


def _regional_bonus(
    facts: Facts, codes: np.ndarray, table: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray]:
    """Regional experience or alumni points: only for offers outside Metro Vancouver."""
    eligible = member(codes, table["area"]["regional_bonus_areas"])
    offer_region = [normalize(r) for r in facts["offer_region"]]
    regions = facts["canadian_work_regions"]
    same_region = np.array(
        [bool(r) and f"BC:{r}" in worked for r, worked in zip(offer_region, regions, strict=True)],
        dtype=bool,
    )
    unplaced_work = np.array(["BC:" in worked for worked in regions], dtype=bool)
    bc_study = np.array(["BC" in p for p in facts["canadian_credential_places"]], dtype=bool)
    points = np.where(eligible & same_region, table["area"]["regional_bonus"], 0)
    unknown = eligible & ~same_region & (unplaced_work | bc_study)
    return points, unknown


@rule(uses=(GRID,))
def sirs_points(facts: Facts, snapshot: Snapshot) -> GridScore:
    """The SIRS score of every row, factor by factor (the B.C. job offer's wage and area included)."""
    table: dict[str, Any] = snapshot.value(GRID)
    grid = GridScore(maximum=int(table["maximum"]))
    here, codes = offer_area(facts, table)
    _experience(facts, grid, snapshot, table, here)
    _education(facts, grid, table)
    _language(facts, grid, snapshot, table)
    wage_rule = table["hourly_wage"]
    wage = facts["job_offer_hourly_wage_cad"]
    points = np.clip(
        np.floor(filled(wage)) - wage_rule["dollars_without_points"], 0, wage_rule["maximum"]
    )
    grid.add(
        "hourly_wage",
        np.where(here, points, 0),
        wage_rule["maximum"],
        unknown=here & np.isnan(wage),
        answer="job_offer.hourly_wage_cad",
    )
    area = table["area"]
    grid.add(
        "area_of_employment",
        [area["points"].get(code, 0) for code in codes],
        max(area["points"].values()),
        unknown=codes == "",
        answer="job_offer.region",
    )
    bonus, unknown = _regional_bonus(facts, codes, table)
    grid.add(
        "regional_bonus",
        bonus,
        area["regional_bonus"],
        unknown=unknown,
        answer="work[].region (or the region of B.C. study)",
    )
    return grid


def shared_sirs(facts: Facts) -> GridScore:
    """`sirs_points`, computed once per batch (BC Tech and High Economic Impact both read it)."""
    return facts.memo("provinces.bc.sirs", lambda: sirs_points(facts, facts.snapshot))  # type: ignore[no-any-return]
