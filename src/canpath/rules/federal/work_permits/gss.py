"""Global Skills Strategy short-term work permit exemption (IRPA s. 25.2 public policy): work in a
TEER 0 or 1 occupation without a permit for 15 consecutive days once in six months, or 30 once in
twelve, granted on entry to Canada.
"""

from __future__ import annotations

from typing import Any

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import UNKNOWN, CriterionColumn, cite, register, tristate
from canpath.reference.noc import teer_of
from canpath.rules.federal.work_permits.base import Fee, WorkPermitProgram, constant, word

SHORT_TERM = "federal.imp.global_skills_strategy.short_term_work"
RULE = "federal.imp.global_skills_strategy.short_term_work"


class ShortTermWork(WorkPermitProgram):
    """Short-duration work permit exemption (15 or 30 days) for TEER 0 and 1 work."""

    id = "gss.short_duration_exemption"
    defining = SHORT_TERM
    uses = (SHORT_TERM,)

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        teers = set(snapshot.value(SHORT_TERM)["teer"])
        codes = facts["offer_or_current_job_noc"]
        met = tristate([bool(code) and teer_of(str(code)) in teers for code in codes])
        return [
            CriterionColumn(
                rule=f"{RULE}.occupation",
                met=met,
                reference=cite(snapshot, SHORT_TERM),
                reason=lambda r: (
                    msg(f"wp.gss.teer_{word(met[r])}", noc=codes[r], teer=teer_of(str(codes[r])))
                    if codes[r]
                    else msg("wp.no_occupation")
                ),
                needed=lambda r: msg("wp.gss.teer_needed"),
            )
        ]

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        options = snapshot.value(SHORT_TERM)["options"]
        outside = tristate([status in ("", "none") for status in facts["in_canada_status"]])
        frequency = constant(facts.size, UNKNOWN)
        text = [msg("wp.gss.option", days=o["days"], months=o["once_in_months"]) for o in options]
        return [
            CriterionColumn(
                rule=f"{RULE}.on_entry",
                met=outside,
                reference=cite(snapshot, SHORT_TERM),
                reason=lambda r: msg(f"wp.gss.entry_{word(outside[r])}"),
            ),
            CriterionColumn(
                rule=f"{RULE}.frequency",
                met=frequency,
                reference=cite(snapshot, SHORT_TERM),
                reason=lambda r: msg("wp.gss.frequency", options=text),
            ),
        ]

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        options = facts.snapshot.value(SHORT_TERM)["options"]
        return {
            "leads_to": "work_permit_exemption",
            "permit": None,
            "authorization": "work_permit_exemption",
            "max_days": [o["days"] for o in options],
            "processing_weeks": 0,
            "permit_length_months": None,
            "renewable": False,
            "counts_as_skilled_canadian_experience": False,
            "employer_specific": False,
            "closes_on": None,
        }

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        return []

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        return [msg("wp.gss.candidates")]


register(ShortTermWork())
