"""Alberta's Worker Expression of Interest points (100): human capital 69, economic 31.

Every AAIP worker stream ranks candidates on this grid from 2024-09-30. Factors the profile does
not ask about (sector bonus, regulated occupation with an Alberta licence) score 0 and are listed as
not asked; factors it cannot settle (the region of an Alberta job offer, the province of a Canadian
credential) are unknown and name the missing answer.
"""

from __future__ import annotations

import numpy as np

from canpath.facts import Facts
from canpath.params import Snapshot
from canpath.params.lookup import by_integer, number
from canpath.rules.provinces.common import filled, region_of
from canpath.rules.provinces.facts import PROFILE_LEVELS
from canpath.rules.provinces.grid import GridScore
from canpath.rules.registry import rule

GRID = "provinces.ab.worker_eoi_grid"
AOS = "provinces.ab.aos.requirements"  # the AAIP's full-time hours, for the job-offer factor

# Profile credential levels read as grid rows (interpretation: a three-year diploma is a
# diploma, a professional degree ranks with a master's; trades credentials are not told apart).
EDUCATION_ROW = {
    "less_than_secondary": "secondary_or_lower", "secondary": "secondary_or_lower",
    "one_year": "diploma_or_certificate", "two_year": "diploma_or_certificate",
    "three_year": "diploma_or_certificate", "bachelors": "bachelors", "two_or_more": "bachelors",
    "masters": "masters", "professional": "masters", "doctoral": "doctorate",
}  # fmt: skip


def _education(facts: Facts, grid: GridScore, snapshot: Snapshot) -> None:
    """Highest education and where it was completed."""
    table = snapshot.value(GRID)
    rows = np.array(
        [table["education_level"][EDUCATION_ROW[name]] for name in PROFILE_LEVELS] + [0]
    )
    grid.add(
        "education_level", rows[facts["credential_level"]], max(table["education_level"].values())
    )
    place = facts["credential_place"]
    location = table["education_location"]
    points = [
        location["alberta"]
        if p == "AB"
        else location["other_canada"]
        if p not in ("", "abroad", "CA")
        else 0
        for p in place
    ]
    grid.add(
        "education_location",
        points,
        max(location.values()),
        unknown=place == "CA",
        answer="education[].province",
    )


def _experience(facts: Facts, grid: GridScore, snapshot: Snapshot) -> None:
    """Total work experience and Canadian work experience (Alberta or another province)."""
    table = snapshot.value(GRID)
    total = np.floor(facts["work_months_total"] + 1e-6).astype(int)
    grid.add(
        "total_work_experience",
        by_integer(snapshot[GRID], total, "total_work_experience_months"),
        max(table["total_work_experience_months"].values()),
    )
    rule = table["canadian_work_experience"]
    alberta = np.array([months.get("AB", 0.0) for months in facts["canadian_work_months"]])
    elsewhere = np.array(
        [
            sum(v for k, v in months.items() if k not in ("AB", ""))
            for months in facts["canadian_work_months"]
        ]
    )
    unplaced = np.array([months.get("", 0.0) for months in facts["canadian_work_months"]])
    minimum = float(rule["min_months"])
    points = np.where(
        alberta + 1e-6 >= minimum,
        rule["in_alberta"],
        np.where(elsewhere + 1e-6 >= minimum, rule["other_province"], 0),
    )
    unknown = (alberta + 1e-6 < minimum) & (unplaced > 0) & (alberta + unplaced + 1e-6 >= minimum)
    grid.add(
        "canadian_work_experience",
        points,
        rule["in_alberta"],
        unknown=unknown,
        answer="work[].province",
    )


def _offer(facts: Facts, grid: GridScore, snapshot: Snapshot) -> None:
    """A permanent full-time Alberta job offer, and where the job is."""
    table = snapshot.value(GRID)
    full_time = float(snapshot.value(AOS)["job_offer"]["min_hours_per_week"])
    in_alberta = facts["job_offer_province"] == "AB"
    qualifies = (
        in_alberta
        & facts["offer_is_permanent"]
        & (filled(facts["offer_hours_per_week"]) >= full_time)
    )
    grid.add("job_offer", np.where(qualifies, table["job_offer"], 0), table["job_offer"])
    options = table["job_location"]
    regions = np.array([
        region_of(region, city, options, table["city_regions"]) if here else "-"
        for region, city, here in zip(facts["offer_region"], facts["offer_city"], in_alberta, strict=True)
    ])  # fmt: skip
    points = [options.get(code, 0) for code in regions]
    grid.add(
        "job_location",
        points,
        max(options.values()),
        unknown=regions == "",
        answer="job_offer.region",
    )


@rule(uses=(GRID, AOS))
def worker_eoi_points(facts: Facts, snapshot: Snapshot) -> GridScore:
    """The AAIP Worker Expression of Interest score of every row, factor by factor."""
    table = snapshot.value(GRID)
    grid = GridScore(
        maximum=int(table["maximum"]), not_asked=("sector_bonus", "regulated_occupation_certified")
    )
    _education(facts, grid, snapshot)
    english, french = facts["english_clb"].min(axis=1), facts["french_nclc"].min(axis=1)
    language = np.maximum(
        by_integer(snapshot[GRID], english, "language_english_clb"),
        by_integer(snapshot[GRID], french, "language_french_nclc"),
    )
    grid.add("language", language, int(table["language_maximum"]))
    bilingual = table["bilingual"]
    both = np.minimum(english, french) >= bilingual["min_level_all_abilities"]
    grid.add("bilingual_bonus", np.where(both, bilingual["points"], 0), bilingual["points"])
    _experience(facts, grid, snapshot)
    grid.add(
        "age", by_integer(snapshot[GRID], facts["age_years"], "age"), max(table["age"].values())
    )
    family = np.array(
        ["AB" in provinces for provinces in facts["close_family_provinces"]], dtype=bool
    )
    grid.add(
        "family_in_alberta",
        np.where(family, table["family_in_alberta"], 0),
        table["family_in_alberta"],
    )
    _offer(facts, grid, snapshot)
    grid.add(
        "sector_bonus", np.zeros(facts.size, dtype=int), number(snapshot[GRID], "sector_bonus")
    )
    grid.add(
        "regulated_occupation_certified",
        np.zeros(facts.size, dtype=int),
        number(snapshot[GRID], "regulated_occupation_certified"),
    )
    return grid


def shared_worker_eoi(facts: Facts) -> GridScore:
    """`worker_eoi_points`, computed once per batch (every AAIP worker stream reads it)."""
    return facts.memo("provinces.ab.worker_eoi", lambda: worker_eoi_points(facts, facts.snapshot))  # type: ignore[no-any-return]
