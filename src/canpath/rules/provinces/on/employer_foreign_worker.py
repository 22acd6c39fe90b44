"""Ontario Employer Job Offer, Foreign Worker stream: a base nomination on a permanent Ontario offer.

Criteria: a permanent full-time offer in TEER 0-3 to work mainly in Ontario, at or above the
median wage for the occupation in the region (checked when the profile gives the prevailing wage),
and two years of full-time experience in the offer's occupation in five years (the alternative, a
mandatory Ontario licence, is not asked). The score is the OINP EOI score with recent Foreign
Worker draw cut-offs. Encoded for the NOC 2021 rules, 2022-11-16 until the stream closed effective
2026-06-26. The employer's conditions are not checked.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.programs import (
    UNKNOWN,
    CriterionColumn,
    Program,
    ProgramColumns,
    cite,
    register,
    tristate,
)
from canpath.rules.provinces.common import (
    SHARED,
    STATE,
    closes_on,
    filled,
    member,
    nomination_facts,
    region_of,
    unavailable,
)
from canpath.rules.provinces.draws import draw_context
from canpath.rules.provinces.on.eoi_grid import GRID, foreign_worker_eoi_points, offer_digits
from canpath.rules.provinces.on.facts import FOREIGN_WORKER

RULE = "provinces.on.employer_foreign_worker"
GTA = ("toronto", "gta_except_toronto")


def wage_criterion(facts: Facts, rule_id: str, reference: Any, here: np.ndarray) -> CriterionColumn:
    """The offer's hourly wage at or above the prevailing (median) wage the profile gives."""
    wage, median = facts["job_offer_hourly_wage_cad"], facts["offer_prevailing_wage_cad"]
    known = ~here | (~np.isnan(wage) & ~np.isnan(median))
    met = tristate(here & (filled(wage) + 1e-9 >= filled(median)), known)
    missing = np.where(
        np.isnan(wage), "job_offer.hourly_wage_cad", "job_offer.prevailing_wage_hourly_cad"
    )
    return CriterionColumn(
        rule=rule_id, met=met, reference=reference,
        reason=lambda r: msg("provincial.no_job_offer") if not here[r] else msg("provincial.missing_answer", answer=str(missing[r])) if met[r] == UNKNOWN else msg("provincial.wage", wage=round(float(wage[r]), 2), median=round(float(median[r]), 2)),
        needed=lambda r: msg("provincial.wage_needed"),
    )  # fmt: skip


class EmployerJobOfferForeignWorker(Program):
    """Ontario Employer Job Offer: Foreign Worker stream (OINP)."""

    id = "on.employer_foreign_worker"
    kind = "provincial_nomination"
    uses = (FOREIGN_WORKER, GRID, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion, the OINP EOI score with regional draws, and the planner's facts."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, FOREIGN_WORKER, modelled_from=True)
        if closed is not None:
            return closed
        rules = snapshot.value(FOREIGN_WORKER)
        offer, experience = rules["job_offer"], rules["experience"]
        reference = cite(snapshot, FOREIGN_WORKER)
        here, teer, _ = offer_digits(facts, offer["province"])
        hours = filled(facts["offer_hours_per_week"])
        shape = (
            here
            & facts["offer_is_permanent"]
            & (hours >= offer["min_hours_per_week"])
            & member(teer, offer["teer"])
        )
        worked = facts["on_offer_noc_hours"]
        criteria = [
            CriterionColumn(
                rule=f"{RULE}.job_offer", met=tristate(shape), reference=reference,
                reason=lambda r: msg(f"provincial.on.fw.offer_{STATE[int(shape[r])]}" if here[r] else "provincial.no_offer_in", province=offer["province"]),
                needed=lambda r: msg("provincial.on.fw.offer_needed", hours=offer["min_hours_per_week"]),
            ),
            wage_criterion(facts, f"{RULE}.wage", reference, here),
            CriterionColumn(
                rule=f"{RULE}.work_experience", met=tristate(worked + 1e-6 >= experience["hours"]), reference=reference,
                reason=lambda r: msg("provincial.on.fw.experience", hours=round(float(worked[r])), needed=experience["hours"], years=experience["window_years"]),
                needed=lambda r: msg("provincial.on.fw.experience_needed", needed=experience["hours"]),
            ),
        ]  # fmt: skip
        grid = foreign_worker_eoi_points(facts, snapshot) if snapshot.is_in_force(GRID) else None
        table = snapshot.value(GRID) if grid is not None else None

        def score(row: int) -> dict[str, Any]:
            assert grid is not None
            assert table is not None
            found = {"grid": "on.eoi.foreign_worker", **grid.detail(row)}
            region = region_of(
                str(facts["offer_region"][row]),
                str(facts["offer_city"][row]),
                table["job_location"],
                table["city_regions"],
            )
            in_gta = None if not region else region in GTA
            found["draws"] = draw_context(
                self.id,
                facts.on,
                found["points"],
                {"gta": in_gta, "eastern_ontario": False if in_gta else None},
            )
            return found

        def planner(row: int) -> dict[str, Any]:
            return nomination_facts(
                facts,
                row,
                "ON",
                "base",
                None,
                closes_on(snapshot, FOREIGN_WORKER),
                {"entry": rules["entry"]},
            )

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot),
            score=grid.total if grid is not None else None, score_detail=score if grid is not None else None, facts=planner,
        )  # fmt: skip


register(EmployerJobOfferForeignWorker())
