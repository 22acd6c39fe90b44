"""Ontario's Expression of Interest points for the Employer Job Offer Foreign Worker stream.

The OINP grid of 2022-11-16 scores the job offer (TEER, broad occupational category, hourly wage,
location), the candidate's permit, tenure with the offering employer, Canadian earnings history and
official languages. Only the factors the stream uses are added (76 points at most). A missing wage,
region, earnings history or employer answer makes that factor unknown, never zero.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.params import Snapshot
from canpath.params.lookup import by_integer
from canpath.rules.provinces.common import lowest_level, member, region_of
from canpath.rules.provinces.grid import GridScore, threshold_points
from canpath.rules.registry import rule

GRID = "provinces.on.eoi_grid"


def offer_digits(facts: Facts, province: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Whether each row has an offer in the province, and the offer's TEER and broad category digits."""
    noc = facts["job_offer_noc"]
    here = (facts["job_offer_province"] == province) & (noc != "")
    teer = np.array([int(code[1]) if code else 0 for code in noc])
    broad = np.array([int(code[0]) if code else 0 for code in noc])
    return here, teer, broad


def earnings_points(
    facts: Facts, minimum: float, window_years: int, points: int
) -> tuple[np.ndarray, np.ndarray]:
    """Points for a tax year with earnings at or above `minimum` in the window, and rows left unknown.

    With no earnings given, a person who never worked in Canada scores 0; anyone else is unknown.
    """
    best = np.array(
        [
            max(
                (
                    amount
                    for year, amount in by_year.items()
                    if day.year - window_years <= year <= day.year
                ),
                default=-1.0,
            )
            for by_year, day in zip(facts["earnings_by_year"], facts.days(), strict=True)
        ]
    )
    worked = np.array(
        [sum(months.values()) > 0 for months in facts["canadian_work_months"]], dtype=bool
    )
    unknown = (best < 0) & worked
    return np.where(best >= minimum, points, 0), unknown


def tenure_unknown(facts: Facts, months: float, province: str) -> tuple[np.ndarray, np.ndarray]:
    """Months with the offering employer in the province (0 if another employer), and rows left unknown."""
    with_employer = facts["offer_is_with_current_employer"]
    in_province = facts["current_job_province"] == province
    tenure = np.where((with_employer == 1) & in_province, facts["current_job_months"], 0.0)
    unknown = (with_employer == -1) & in_province & (facts["current_job_months"] + 1e-6 >= months)
    return tenure, unknown


def add_offer_factors(
    facts: Facts, grid: GridScore, snapshot: Snapshot, grid_id: str
) -> np.ndarray:
    """Add the offer's TEER, broad occupational category and hourly wage factors of an Ontario EOI
    grid (`grid_id`); return which rows have an offer in Ontario. A missing wage is unknown."""
    table: dict[str, Any] = snapshot.value(grid_id)
    here, teer, broad = offer_digits(facts, "ON")
    grid.add(
        "noc_teer",
        np.where(here, by_integer(snapshot[grid_id], teer, "noc_teer"), 0),
        max(table["noc_teer"].values()),
    )
    grid.add(
        "broad_occupational_category",
        np.where(here, by_integer(snapshot[grid_id], broad, "broad_occupational_category"), 0),
        max(table["broad_occupational_category"].values()),
    )
    wage = facts["job_offer_hourly_wage_cad"]
    grid.add(
        "hourly_wage_cad",
        np.where(here, threshold_points(snapshot[grid_id], wage, "hourly_wage_cad"), 0),
        max(table["hourly_wage_cad"].values()),
        unknown=here & np.isnan(wage),
        answer="job_offer.hourly_wage_cad",
    )
    return here


def add_job_location(
    facts: Facts, grid: GridScore, table: dict[str, Any], here: np.ndarray
) -> None:
    """Add the job-location factor: the offer's region (or city) read against the grid's regions;
    a region canpath cannot place is unknown."""
    options = table["job_location"]
    regions = np.array(
        [
            region_of(r, c, options, table["city_regions"]) if h else "-"
            for r, c, h in zip(facts["offer_region"], facts["offer_city"], here, strict=True)
        ]
    )
    grid.add(
        "job_location",
        [options.get(code, 0) for code in regions],
        max(options.values()),
        unknown=regions == "",
        answer="job_offer.region",
    )


@rule(uses=(GRID,))
def foreign_worker_eoi_points(facts: Facts, snapshot: Snapshot) -> GridScore:
    """The OINP EOI score of every row for the Employer Job Offer Foreign Worker stream."""
    table: dict[str, Any] = snapshot.value(GRID)
    applies = set(table["applies_to"]["foreign_worker"])
    grid = GridScore(maximum=0)
    here = add_offer_factors(facts, grid, snapshot, GRID)
    permit = table["permit_status"]
    grid.add(
        "permit_status",
        np.where(
            member(facts["permit_held"], ["work", "study"]),
            permit["valid_work_or_study_permit"],
            permit["none"],
        ),
        permit["valid_work_or_study_permit"],
    )
    tenure_rule = table["job_tenure"]
    tenure, unknown = tenure_unknown(facts, float(tenure_rule["min_months"]), "ON")
    grid.add(
        "job_tenure",
        np.where(here & (tenure + 1e-6 >= tenure_rule["min_months"]), tenure_rule["points"], 0),
        tenure_rule["points"],
        unknown=here & unknown,
        answer="job_offer.is_current_employer",
    )
    earnings = table["earnings_history"]
    points, unknown = earnings_points(
        facts, float(earnings["min_cad"]), int(earnings["window_years"]), int(earnings["points"])
    )
    grid.add(
        "earnings_history", points, earnings["points"], unknown=unknown, answer="canadian_earnings"
    )
    level = lowest_level(facts)
    grid.add(
        "language_lowest_clb",
        by_integer(snapshot[GRID], level, "language_lowest_clb"),
        max(table["language_lowest_clb"].values()),
    )
    known = table["official_languages"]
    english, french = facts["english_clb"].min(axis=1), facts["french_nclc"].min(axis=1)
    first, second = known["two_first_min_clb"], known["two_second_min_clb"]
    two = ((english >= first) & (french >= second)) | ((french >= first) & (english >= second))
    grid.add(
        "official_languages",
        np.where(two, known["two"], np.where((english > 0) | (french > 0), known["one"], 0)),
        known["two"],
    )
    add_job_location(facts, grid, table, here)
    for name in list(grid.factors):
        if name not in applies:
            del grid.factors[name], grid.maxima[name]
            grid.missing.pop(name, None)
    grid.maximum = sum(grid.maxima.values())
    return grid
