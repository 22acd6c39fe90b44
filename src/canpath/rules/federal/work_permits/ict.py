"""Intra-company transferees: under CUSMA (IRPR 204(a), T37 and T38) for US and Mexican citizens,
and the general route (IRPR 205(a), C61, C62 and C63) for any nationality. Both need a year of
continuous full-time work in the last three with the foreign enterprise and a transfer to its
Canadian parent, branch, subsidiary or affiliate as an executive, manager or specialized-knowledge
worker; the general route also covers opening a new office and sets the prevailing wage as a
floor for specialized knowledge.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import FALSE, TRUE, UNKNOWN, CriterionColumn, cite, register, tristate
from canpath.reference.noc import teer_of
from canpath.rules.federal.work_permits.base import (
    PRIORITY,
    STANDARDS,
    Fee,
    WorkPermitProgram,
    exempt_processing_weeks,
    from_rows,
    offer_criterion,
    word,
    work_permit_fees,
)
from canpath.rules.federal.work_permits.cusma import CODES, citizenship_criterion
from canpath.rules.federal.work_permits.gts import wage_needed, wage_reason
from canpath.rules.federal.work_permits.prevailing import PREVAILING, meets, prevailing_wages
from canpath.rules.registry import rule

CUSMA_ICT = "federal.imp.cusma.intra_company_transferees"
CUSMA_PERMIT = "federal.imp.cusma.permit"
GENERAL = "federal.imp.intra_company_transferees"
DURATION_KEY = {
    "executive": "executive_or_manager",
    "manager": "executive_or_manager",
    "specialized_knowledge": "specialized_knowledge",
}


@rule(uses=(CUSMA_ICT, GENERAL))
def capacity_status(capacity: str, noc: str, capacity_teer: Mapping[str, Any]) -> int:
    """Whether the stated capacity is one the route allows, in a TEER that capacity needs."""
    if not capacity:
        return UNKNOWN
    if capacity not in capacity_teer:
        return FALSE
    allowed = capacity_teer[capacity]
    return TRUE if allowed is None or (noc and teer_of(noc) in allowed) else FALSE


class IntraCompanyTransferee(WorkPermitProgram):
    """What both transferee routes check: the transfer, the capacity, the year abroad."""

    requirements: str
    rule_id: str

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        rules = snapshot.value(self.requirements)
        transfer = np.asarray(facts["ict_transfer"], dtype=np.int8)
        capacities = facts["ict_capacity"]
        codes = facts["job_offer_noc"]
        capacity = from_rows(
            [
                capacity_status(str(c), str(n), rules["capacity_teer"])
                for c, n in zip(capacities, codes, strict=True)
            ]
        )
        reference = cite(snapshot, self.requirements)
        return [
            offer_criterion(facts, f"{self.rule_id}.job_offer", self.requirements),
            CriterionColumn(
                rule=f"{self.rule_id}.transfer",
                met=transfer,
                reference=reference,
                reason=lambda r: msg(f"wp.ict.transfer_{word(transfer[r])}"),
                needed=lambda r: msg("wp.ict.transfer_needed"),
            ),
            CriterionColumn(
                rule=f"{self.rule_id}.capacity",
                met=capacity,
                reference=reference,
                reason=lambda r: msg(
                    f"wp.ict.capacity_{word(capacity[r])}",
                    capacity=msg(f"wp.ict.kind.{capacities[r] or 'unknown'}"),
                    noc=codes[r] or "-",
                ),
                needed=lambda r: msg(
                    "wp.ict.capacity_needed",
                    allowed=[msg(f"wp.ict.kind.{k}") for k in rules["capacity_teer"]],
                ),
            ),
        ]

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        rules = facts.snapshot.value(self.requirements)["prior_employment"]
        months = facts["foreign_full_time_months"]
        needed = float(rules["months"])
        met = tristate(months + 1e-6 >= needed)
        return [
            CriterionColumn(
                rule=f"{self.rule_id}.prior_employment",
                met=met,
                reference=cite(facts.snapshot, self.requirements),
                reason=lambda r: msg(
                    "wp.ict.prior",
                    months=round(float(months[r]), 1),
                    needed=rules["months"],
                    years=rules["within_years"],
                    hours=rules["full_time_hours_per_week"],
                ),
                needed=lambda r: msg(
                    "wp.ict.prior_needed", needed=rules["months"], years=rules["within_years"]
                ),
            )
        ]

    def durations(self, facts: Facts, capacity: str) -> Mapping[str, Any] | None:
        """Initial length, renewals and cap for a capacity (None when the capacity is unknown)."""
        raise NotImplementedError

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        snapshot = facts.snapshot
        code = str(facts["job_offer_noc"][row])
        capacity = str(facts["ict_capacity"][row])
        length = self.durations(facts, capacity)
        return {
            "leads_to": "work_permit",
            "permit": "ict",
            "exemption_code": self.code(facts, capacity),
            "processing_weeks": exempt_processing_weeks(snapshot, code),
            "permit_length_months": length["initial_months"] if length else None,
            "renewal_months": length["renewal_months"] if length else None,
            "cap_months": length.get("cap_months") if length else None,
            "renewable": True if length else None,
            "counts_as_skilled_canadian_experience": True,
            "employer_specific": True,
            "closes_on": None,
        }

    def code(self, facts: Facts, capacity: str) -> str | None:
        """The LMIA exemption code for a capacity on the date."""
        raise NotImplementedError

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        return work_permit_fees(facts.snapshot, open_permit=False, compliance=True)


class CusmaTransferee(IntraCompanyTransferee):
    """CUSMA intra-company transferee (T37 executive or senior manager, T38 specialized knowledge)."""

    id = "cusma.intra_company_transferee"
    defining = CUSMA_ICT
    requirements = CUSMA_ICT
    rule_id = "federal.imp.cusma.intra_company_transferee"
    uses = (
        CUSMA_ICT,
        CUSMA_PERMIT,
        CODES,
        "federal.imp.cusma.eligibility",
        PRIORITY,
        STANDARDS,
        "federal.imp.fees",
    )

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        return [
            citizenship_criterion(facts, f"{self.rule_id}.citizenship"),
            *super().person_criteria(facts),
        ]

    def durations(self, facts: Facts, capacity: str) -> Mapping[str, Any] | None:
        table = facts.snapshot.value(CUSMA_PERMIT)["intra_company_transferee"]
        return table.get(DURATION_KEY.get(capacity, "")) if capacity else None

    def code(self, facts: Facts, capacity: str) -> str | None:
        codes = facts.snapshot.value(CODES)
        key = {
            "executive": "ict_executive_or_senior_manager",
            "manager": "ict_executive_or_senior_manager",
            "specialized_knowledge": "ict_specialized_knowledge",
        }.get(capacity)
        return codes[key] if key else None

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        rules = facts.snapshot.value(CUSMA_ICT)["prior_employment"]
        return [msg("wp.ict.candidates_cusma", months=rules["months"], years=rules["within_years"])]


class GeneralTransferee(IntraCompanyTransferee):
    """Intra-company transferee under R205(a) (C61 start-up, C62 executive or manager, C63 specialized knowledge)."""

    id = "ict.general"
    defining = GENERAL
    requirements = GENERAL
    rule_id = "federal.imp.intra_company_transferees"
    uses = (GENERAL, PREVAILING, PRIORITY, STANDARDS, "federal.imp.fees")

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        capacities = facts["ict_capacity"]
        hourly = facts["job_offer_hourly_wage_cad"]
        found = prevailing_wages(facts)
        wage = from_rows(
            [
                meets(float(w), 0.0, p)
                if c == "specialized_knowledge"
                else TRUE
                if c
                else (TRUE if meets(float(w), 0.0, p) == TRUE else UNKNOWN)
                for w, p, c in zip(hourly, found, capacities, strict=True)
            ]
        )

        def reason(r: int) -> Message:
            if capacities[r] and capacities[r] != "specialized_knowledge":
                return msg("wp.ict.wage_not_required")
            return wage_reason(float(hourly[r]), 0.0, found[r], int(wage[r]))

        criterion = CriterionColumn(
            rule=f"{self.rule_id}.specialized_knowledge_wage",
            met=wage,
            reason=reason,
            needed=lambda r: wage_needed(float(hourly[r]), 0.0, found[r]),
            reference=cite(snapshot, GENERAL),
        )
        return [*super().job_criteria(facts), criterion]

    def durations(self, facts: Facts, capacity: str) -> Mapping[str, Any] | None:
        table = facts.snapshot.value(GENERAL)["durations"]
        return (
            table.get("startup" if capacity == "startup" else DURATION_KEY.get(capacity, ""))
            if capacity
            else None
        )

    def code(self, facts: Facts, capacity: str) -> str | None:
        codes = facts.snapshot.value(GENERAL)["codes"]
        key = "startup" if capacity == "startup" else DURATION_KEY.get(capacity)
        return codes[key] if key else None

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        rules = facts.snapshot.value(GENERAL)["prior_employment"]
        return [
            msg("wp.ict.candidates_general", months=rules["months"], years=rules["within_years"])
        ]


register(CusmaTransferee())
register(GeneralTransferee())
