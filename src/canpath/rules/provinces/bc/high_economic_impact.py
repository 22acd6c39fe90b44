"""BC PNP Skills Immigration, High Economic Impact selection (from 2025): how tech workers are now invited.

Criteria: a B.C. job offer whose duration meets the Skills Immigration rule (the tech exception is
unknown after 2024-12-03), and the category's own requirements (not captured, so unknown). Each
draw invites either by a wage-and-TEER threshold or by a minimum SIRS score; the score detail shows
the SIRS score and, for the latest draws, whether the profile meets either route.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.programs import Program, ProgramColumns, register
from canpath.reference.noc import teer_of
from canpath.rules.provinces.bc.job_offer import (
    JOB_OFFER,
    TECH_OCCUPATIONS,
    job_offer_duration,
    offer_in_bc,
    other_requirements,
)
from canpath.rules.provinces.bc.sirs import GRID, shared_sirs
from canpath.rules.provinces.common import SHARED, closes_on, filled, nomination_facts, unavailable
from canpath.rules.provinces.draws import draw_context, recent_draws, wage_route_meets

SELECTION = "provinces.bc.skills_immigration.high_economic_impact"
RULE = "provinces.bc.high_economic_impact"
WEEKS_PER_YEAR = 52  # calendar fact, to compare an hourly wage with an annual threshold


class HighEconomicImpact(Program):
    """BC PNP Skills Immigration - High Economic Impact invitations."""

    id = "bc.high_economic_impact"
    kind = "provincial_nomination"
    uses = (SELECTION, JOB_OFFER, TECH_OCCUPATIONS, GRID, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion, the SIRS score with both draw routes, and the planner's facts."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, SELECTION)
        if closed is not None:
            return closed
        criteria = [
            offer_in_bc(facts, f"{RULE}.job_offer"),
            job_offer_duration(facts, f"{RULE}.job_offer_duration"),
            other_requirements(facts, f"{RULE}.skills_immigration_category"),
        ]
        grid = shared_sirs(facts)
        hourly = facts["job_offer_hourly_wage_cad"]
        salary = facts["job_offer_annual_salary_cad"]
        annual = np.where(
            np.isnan(salary),
            hourly * filled(facts["offer_hours_per_week"]) * WEEKS_PER_YEAR,
            salary,
        )
        noc, employer = facts["job_offer_noc"], facts["offer_is_with_current_employer"]

        def score(row: int) -> dict[str, Any]:
            found = {"grid": "bc.sirs", **grid.detail(row)}
            context = draw_context(self.id, facts.on, found["points"])
            if context is not None and noc[row]:
                for item, draw in zip(
                    context["recent"], recent_draws(self.id, facts.on), strict=True
                ):
                    by_wage = wage_route_meets(
                        draw,
                        float(hourly[row]),
                        float(annual[row]),
                        teer_of(str(noc[row])),
                        int(employer[row]),
                    )
                    item["meets_wage_route"] = by_wage
                    if by_wage is True:
                        item["meets"] = True
                context["at_or_above"] = sum(
                    1 for item in context["recent"] if item["meets"] is True
                )
            found["draws"] = context
            return found

        def planner(row: int) -> dict[str, Any]:
            return nomination_facts(
                facts,
                row,
                "BC",
                snapshot.value(SELECTION)["nomination"],
                None,
                closes_on(snapshot, SELECTION),
                {"entry": "skills_immigration_registration"},
            )

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot),
            score=grid.total, score_detail=score, facts=planner,
        )  # fmt: skip


register(HighEconomicImpact())
