"""Global Talent Stream (ESDC, TFWP): what both categories share. The Category B wage test (the
higher of the occupation's floor and the prevailing wage), the planner's facts, fees, and the
Labour Market Benefits Plan each employer commits to.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import UNKNOWN, CriterionColumn, cite
from canpath.rules.federal.work_permits.base import (
    PRIORITY,
    Fee,
    WorkPermitProgram,
    constant,
    word,
    work_permit_fees,
)
from canpath.rules.federal.work_permits.gts_occupations import (
    LIST,
    ListMatch,
    match_list,
)
from canpath.rules.federal.work_permits.prevailing import PREVAILING
from canpath.rules.registry import rule

GTS = "federal.tfwp.global_talent_stream"
FLOORS = f"{GTS}.category_b_wage_floors"
LMBP = f"{GTS}.labour_market_benefits_plan"
PROCESSING = f"{GTS}.processing"
LMIA_FEES = f"{GTS}.fees"
PERMIT = f"{GTS}.permit"
SHARED = (LMBP, PROCESSING, LMIA_FEES, PERMIT, PREVAILING, PRIORITY, "federal.imp.fees")


def list_matches(facts: Facts) -> list[ListMatch]:
    """Every row's place on the Global Talent Occupations List in force (computed once per batch)."""

    def build() -> list[ListMatch]:
        value = facts.snapshot.value(LIST)
        return [
            match_list(str(noc), str(title), int(flag), value)
            for noc, title, flag in zip(
                facts["job_offer_noc"],
                facts["job_offer_title"],
                facts["gts_subset_condition_met"],
                strict=True,
            )
        ]

    return facts.memo("gts.list", build)  # type: ignore[no-any-return]


@rule(uses=(FLOORS,))
def category_b_floor(match: ListMatch, province: str, floors: dict[str, Any]) -> float | None:
    """The hourly wage floor of the offer's list row: 0 if none, None if it exists but is unknown."""
    row = match.row
    if row is None:
        return 0.0
    if province == "QC" and floors["quebec"] is None:
        return None
    floor = floors["floors"].get(row["id"], "prevailing")
    if floor == "prevailing":
        return 0.0
    return None if floor is None else float(floor["hourly"])


def wage_reason(hourly: float, floor: float | None, prevailing: Any, result: int) -> Message:
    """Why an offered hourly wage meets (or not) the floor and the prevailing wage."""
    if prevailing.why == "no_offer":
        return msg("wp.wage.no_offer")
    shown = "-" if math.isnan(hourly) else f"{hourly:.2f}"
    floor_text = (
        msg("wp.wage.no_floor")
        if floor == 0
        else msg("wp.wage.floor_unknown")
        if floor is None
        else msg("wp.wage.floor", floor=f"{floor:.2f}")
    )
    return msg(
        f"wp.wage.result_{word(result)}",
        wage=shown,
        floor=floor_text,
        prevailing=prevailing.describe(),
    )


def wage_needed(hourly: float, floor: float | None, prevailing: Any) -> Message:
    """What would settle the wage test."""
    if math.isnan(hourly):
        return msg("wp.wage.needed_wage")
    if floor is not None and hourly < floor:
        return msg("wp.wage.needed_floor", floor=f"{floor:.2f}")
    if not prevailing.known:
        return msg("wp.wage.needed_prevailing")
    if prevailing.low < prevailing.high and hourly < prevailing.high:
        return msg("wp.wage.needed_region")
    return msg("wp.wage.needed_raise", wage=f"{max(prevailing.high, floor or 0):.2f}")


def lmbp_checklist(snapshot: Any, category: str) -> list[Message]:
    """The Labour Market Benefits Plan commitments of one category, as a checklist."""
    plan = snapshot.value(LMBP)
    items = [
        msg(
            "wp.lmbp.mandatory",
            benefit=msg(f"wp.lmbp.benefit.{plan['mandatory_benefit'][category]}"),
            activities=plan["min_activities_per_benefit"],
        )
    ]
    if plan["min_complementary_benefits"] is None:
        return [*items, msg("wp.lmbp.details_unknown")]
    kinds = [msg(f"wp.lmbp.benefit.{kind}") for kind in plan["complementary_benefit_types"]]
    return [
        *items,
        msg("wp.lmbp.complementary", count=plan["min_complementary_benefits"], kinds=kinds),
        msg("wp.lmbp.forecast", months=plan["forecast_months"]),
        msg("wp.lmbp.review", frequency=msg(f"wp.lmbp.frequency.{plan['progress_review']}")),
        msg("wp.lmbp.sanction", years=plan["sanction_years"]),
    ]


def lmbp_criterion(facts: Facts, rule_id: str, category: str) -> CriterionColumn:
    """The employer commits to a Labour Market Benefits Plan (employer's view)."""
    stated = (
        facts["employer_commits_to_lmbp"]
        if "employer_commits_to_lmbp" in facts
        else constant(facts.size, UNKNOWN)
    )
    met = np.asarray(stated, dtype=np.int8)
    benefit = msg(f"wp.lmbp.benefit.{facts.snapshot.value(LMBP)['mandatory_benefit'][category]}")
    return CriterionColumn(
        rule=rule_id,
        met=met,
        reference=cite(facts.snapshot, LMBP),
        reason=lambda r: msg(f"wp.lmbp.commitment_{word(met[r])}", benefit=benefit),
        needed=lambda r: msg("wp.lmbp.commitment_needed", benefit=benefit),
    )


class GlobalTalentStream(WorkPermitProgram):
    """What both GTS categories share: the planner's facts, fees and the family's processing."""

    category = "category_b"

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        snapshot = facts.snapshot
        processing = snapshot.value(PROCESSING)
        permit = snapshot.value(PERMIT)
        lmia_weeks, permit_weeks = processing["lmia"]["weeks"], processing["work_permit"]["weeks"]
        return {
            "leads_to": "work_permit",
            "permit": "gts",
            "processing_weeks": lmia_weeks + permit_weeks,
            "lmia_processing_weeks": lmia_weeks,
            "work_permit_processing_weeks": permit_weeks,
            "processing_conditions": "online_from_outside_canada",
            "permit_length_months": permit["max_employment_months"],
            "lmia_validity_months": permit["lmia_validity_months"],
            "renewable": None,
            "counts_as_skilled_canadian_experience": True,
            "employer_specific": permit["employer_specific"],
            "closes_on": None,
            "family_priority_processing": snapshot.is_in_force(PRIORITY)
            and bool(snapshot.value(PRIORITY)["family_included"]),
            "labour_market_benefits_plan": [
                item.render() for item in lmbp_checklist(snapshot, self.category)
            ],
        }

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        lmia = Fee(
            "gts_lmia", float(facts.snapshot.value(LMIA_FEES)["lmia_per_position"]), "employer"
        )
        return [lmia, *work_permit_fees(facts.snapshot, open_permit=False, compliance=False)]

    def commitments(self, facts: Facts, row: int) -> list[Message]:
        return [*lmbp_checklist(facts.snapshot, self.category), msg("wp.gts.wage_review")]

    def employer_criteria(self, facts: Facts) -> list[CriterionColumn]:
        return [
            lmbp_criterion(
                facts,
                f"federal.tfwp.global_talent_stream.{self.category}.labour_market_benefits_plan",
                self.category,
            )
        ]
