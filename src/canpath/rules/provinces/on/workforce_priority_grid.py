"""Ontario Workforce Priority stream Expression of Interest points (2026 redesign).

Factors: the offer's TEER, broad occupational category, hourly wage and location; months in the
job-offer position; annual earnings (read as the latest tax year's Canadian employment income, an
interpretation); permit; education; Canadian credentials; language and official languages known.
No maximum was published; canpath adds every factor. Missing answers leave the factor unknown.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.params import Snapshot
from canpath.params.lookup import by_integer
from canpath.rules.provinces.common import filled, lowest_level
from canpath.rules.provinces.facts import PROFILE_LEVELS
from canpath.rules.provinces.grid import GridScore, threshold_points
from canpath.rules.provinces.on.eoi_grid import add_job_location, add_offer_factors, tenure_unknown
from canpath.rules.registry import rule

GRID = "provinces.on.workforce_priority.grid"

# Profile credential levels read as grid rows (interpretation: a professional degree is an
# MD/DDS/DVM/OD-type degree; graduate certificates are not told apart from bachelor's degrees).
EDUCATION_ROW = {
    "less_than_secondary": "less", "secondary": "less", "one_year": "college_cegep_other",
    "two_year": "college_cegep_other", "three_year": "college_cegep_other", "bachelors": "bachelors",
    "two_or_more": "bachelors", "masters": "masters", "professional": "doctorate_or_md_dds_dvm_od",
    "doctoral": "doctorate_or_md_dds_dvm_od",
}  # fmt: skip


def _latest_earnings(facts: Facts) -> tuple[np.ndarray, np.ndarray]:
    """The latest tax year's Canadian employment income, and rows left unknown."""
    latest = np.array(
        [
            by_year[max(y for y in by_year if y <= day.year)]
            if any(y <= day.year for y in by_year)
            else np.nan
            for by_year, day in zip(facts["earnings_by_year"], facts.days(), strict=True)
        ]
    )
    worked = np.array(
        [sum(months.values()) > 0 for months in facts["canadian_work_months"]], dtype=bool
    )
    return filled(latest), np.isnan(latest) & worked


def _offer_factors(
    facts: Facts, grid: GridScore, snapshot: Snapshot, table: dict[str, Any]
) -> None:
    """The job offer's TEER, category, wage and location, and months in the position."""
    here = add_offer_factors(facts, grid, snapshot, GRID)
    months_table = table["months_in_job_offer_position"]
    tenure, unknown = tenure_unknown(
        facts, float(min(key for key in months_table if key > 0)), "ON"
    )
    months = np.floor(tenure + 1e-6)
    grid.add(
        "months_in_job_offer_position",
        np.where(here, threshold_points(snapshot[GRID], months, "months_in_job_offer_position"), 0),
        max(months_table.values()),
        unknown=here & unknown,
        answer="job_offer.is_current_employer",
    )
    add_job_location(facts, grid, table, here)


@rule(uses=(GRID,))
def workforce_priority_points(facts: Facts, snapshot: Snapshot) -> GridScore:
    """The Ontario Workforce Priority EOI score of every row, factor by factor."""
    table: dict[str, Any] = snapshot.value(GRID)
    grid = GridScore(maximum=0)
    _offer_factors(facts, grid, snapshot, table)
    earnings, unknown = _latest_earnings(facts)
    grid.add(
        "annual_earnings_cad",
        threshold_points(snapshot[GRID], earnings, "annual_earnings_cad"),
        max(table["annual_earnings_cad"].values()),
        unknown=unknown,
        answer="canadian_earnings",
    )
    permit = table["permit_status"]
    held = facts["permit_held"]
    grid.add(
        "permit_status",
        np.where(
            held == "work",
            permit["work_permit"],
            np.where(held == "study", permit["study_permit"], permit["none"]),
        ),
        permit["work_permit"],
    )
    rows = np.array(
        [table["education_level"][EDUCATION_ROW[name]] for name in PROFILE_LEVELS] + [0]
    )
    grid.add(
        "education_level", rows[facts["credential_level"]], max(table["education_level"].values())
    )
    count = facts["canadian_credential_count"]
    credentials = table["canadian_credentials"]
    grid.add(
        "canadian_credentials",
        np.where(
            count > 1,
            credentials["more_than_one"],
            np.where(count == 1, credentials["one"], credentials["none"]),
        ),
        credentials["more_than_one"],
    )
    grid.add(
        "language_lowest_clb",
        by_integer(snapshot[GRID], lowest_level(facts), "language_lowest_clb"),
        max(table["language_lowest_clb"].values()),
    )
    known = table["official_languages"]
    english, french = (
        facts["english_clb"].min(axis=1) >= known["min_clb"],
        facts["french_nclc"].min(axis=1) >= known["min_clb"],
    )
    grid.add(
        "official_languages",
        np.where(english & french, known["two"], np.where(english | french, known["one"], 0)),
        known["two"],
    )
    grid.maximum = sum(grid.maxima.values())
    return grid
