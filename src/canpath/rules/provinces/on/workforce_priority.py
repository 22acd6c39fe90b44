"""Ontario Workforce Priority stream (2026 redesign), TEER 0-3 and TEER 4-5 pathways: PROVISIONAL.

Criteria: an Ontario job offer, language by pathway (CLB 6 for TEER 0-3, 5 for skilled trades,
4 for TEER 4-5; no test for recent Ontario graduates), months in the job-offer position, and a
wage at or above the regional median (low wage allowed for recent Ontario graduates in TEER 0-3).
The pathway rules rest on one parsed copy of the official page, so every result carries the
unconfirmed warning. The nomination is enhanced for a candidate with a valid Express Entry profile
and base otherwise. The self-employed physician pathway is not modelled.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.programs import (
    FALSE,
    TRUE,
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
    closes_on,
    lowest_level,
    nomination_facts,
    unavailable,
)
from canpath.rules.provinces.on.employer_foreign_worker import wage_criterion
from canpath.rules.provinces.on.eoi_grid import offer_digits
from canpath.rules.provinces.on.facts import WORKFORCE
from canpath.rules.provinces.on.workforce_priority_grid import GRID, workforce_priority_points

RULE = "provinces.on.workforce_priority"


def _pathway(rules: dict[str, Any], teer: int) -> dict[str, Any]:
    """The pathway rules for a TEER: 0-3, or 4-5."""
    return rules["teer_0_3"] if teer <= 3 else rules["teer_4_5"]  # type: ignore[no-any-return]


def _language(
    facts: Facts, rules: dict[str, Any], here: np.ndarray, teer: np.ndarray
) -> CriterionColumn:
    """Language by pathway: skilled trades, TEER 0-3 or TEER 4-5; recent Ontario graduates exempt."""
    upper = rules["teer_0_3"]
    nocs = facts["job_offer_noc"]
    trades = np.array(
        [any(str(noc).startswith(p) for p in upper["skilled_trades_prefixes"]) for noc in nocs]
    )
    disputed = np.array(
        [
            any(str(noc).startswith(p) for p in upper["skilled_trades_disputed_prefixes"])
            for noc in nocs
        ]
    )
    needed = np.array([_pathway(rules, int(t))["language_min_clb_all_abilities"] for t in teer])
    needed = np.where(
        (teer <= 3) & trades & ~disputed, upper["skilled_trades_language_min_clb"], needed
    )
    graduate, level = facts["on_recent_graduate"], lowest_level(facts)
    met = np.where(
        graduate,
        TRUE,
        np.where(
            level >= needed,
            TRUE,
            np.where(
                (teer <= 3) & disputed & (level >= upper["skilled_trades_language_min_clb"]),
                UNKNOWN,
                FALSE,
            ),
        ),
    )
    met = met.astype(np.int8)
    return CriterionColumn(
        rule=f"{RULE}.language", met=met, reference=cite(facts.snapshot, WORKFORCE),
        reason=lambda r: msg("provincial.on.owp.graduate_no_test") if graduate[r] else msg("provincial.language", level=int(level[r]), needed=int(needed[r])),
        needed=lambda r: msg("provincial.language_needed", needed=int(needed[r])),
    )  # fmt: skip


def _experience(
    facts: Facts, rules: dict[str, Any], here: np.ndarray, teer: np.ndarray
) -> CriterionColumn:
    """Months in the job-offer position inside the pathway's window."""
    graduate = facts["on_recent_graduate"]
    needed = np.array([
        (_pathway(rules, int(t))["experience"]["recent_ontario_graduate_months"] if g and t <= 3 else None) or _pathway(rules, int(t))["experience"]["months"]
        for t, g in zip(teer, graduate, strict=True)
    ], dtype=float)  # fmt: skip
    window = np.array(
        [_pathway(rules, int(t))["experience"]["window_months"] for t in teer], dtype=float
    )
    with_employer = facts["offer_is_with_current_employer"]
    in_ontario = facts["current_job_province"] == rules["job_offer_province"]
    months = np.where(
        (with_employer == 1) & in_ontario, np.minimum(facts["current_job_months"], window), 0.0
    )
    unknown = (
        (with_employer == -1)
        & in_ontario
        & (np.minimum(facts["current_job_months"], window) + 1e-6 >= needed)
    )
    met = tristate(here & (months + 1e-6 >= needed), ~(here & unknown))
    return CriterionColumn(
        rule=f"{RULE}.work_experience", met=met, reference=cite(facts.snapshot, WORKFORCE),
        reason=lambda r: msg("provincial.missing_answer", answer="job_offer.is_current_employer") if met[r] == UNKNOWN else msg("provincial.on.owp.experience", months=round(float(months[r]), 1), needed=int(needed[r]), window=int(window[r])),
        needed=lambda r: msg("provincial.on.owp.experience_needed", needed=int(needed[r])),
    )  # fmt: skip


class WorkforcePriority(Program):
    """Ontario Workforce Priority stream (OINP, 2026 redesign)."""

    id = "on.workforce_priority"
    kind = "provincial_nomination"
    uses = (WORKFORCE, GRID, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion, the Workforce Priority EOI score and the planner's facts."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, WORKFORCE)
        if closed is not None:
            return closed
        rules = snapshot.value(WORKFORCE)
        reference = cite(snapshot, WORKFORCE)
        here, teer, _ = offer_digits(facts, rules["job_offer_province"])
        wage = wage_criterion(facts, f"{RULE}.wage", reference, here)
        low_wage_allowed = facts["on_recent_graduate"] & (teer <= 3) & (wage.met == FALSE) & here
        wage.met = np.where(low_wage_allowed, UNKNOWN, wage.met).astype(np.int8)
        criteria = [
            CriterionColumn(
                rule=f"{RULE}.job_offer", met=tristate(here), reference=reference,
                reason=lambda r: msg("provincial.on.owp.offer", pathway="0-3" if teer[r] <= 3 else "4-5") if here[r] else msg("provincial.no_offer_in", province=rules["job_offer_province"]),
                needed=lambda r: msg("provincial.on.owp.offer_needed"),
            ),
            _language(facts, rules, here, teer), _experience(facts, rules, here, teer), wage,
        ]  # fmt: skip
        grid = workforce_priority_points(facts, snapshot) if snapshot.is_in_force(GRID) else None

        def score(row: int) -> dict[str, Any]:
            assert grid is not None
            return {
                "grid": "on.workforce_priority",
                **grid.detail(row),
                "maximum_published": False,
                "draws": None,
            }

        def planner(row: int) -> dict[str, Any]:
            pathway = _pathway(rules, int(teer[row]))["experience"]
            graduate = (
                bool(facts["on_recent_graduate"][row]) and pathway["recent_ontario_graduate_months"]
            )
            return nomination_facts(
                facts,
                row,
                "ON",
                rules["nomination"],
                pathway["recent_ontario_graduate_months"] if graduate else pathway["months"],
                closes_on(snapshot, WORKFORCE),
                {"entry": "eoi", "provisional": True},
            )

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot),
            score=grid.total if grid is not None else None, score_detail=score if grid is not None else None, facts=planner,
        )  # fmt: skip


register(WorkforcePriority())
