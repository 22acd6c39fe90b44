"""Spousal open work permits (IRPR 205(c)(ii)): for the spouse or common-law partner of a worker in
a qualifying occupation whose permit stays valid long enough (C41), or of a student in a qualifying
program (C42). The person assessed is the principal; the permit is their spouse's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import FALSE, TRUE, UNKNOWN, CriterionColumn, cite, register, tristate
from canpath.reference.noc import teer_of
from canpath.rules.federal.work_permits.base import (
    Fee,
    WorkPermitProgram,
    from_rows,
    word,
    work_permit_fees,
)
from canpath.rules.federal.work_permits.derived import Credential
from canpath.rules.registry import rule
from canpath.timeutil import add_months

WORKERS = "federal.imp.spousal_open_work_permit.workers"
STUDENTS = "federal.imp.spousal_open_work_permit.students"
RULE = "federal.imp.spousal_open_work_permit"
MONTHS_PER_YEAR = 12  # calendar fact


@rule(uses=(WORKERS,))
def occupation_status(noc: str, permit: str, rules: Mapping[str, Any]) -> int:
    """Whether the principal's occupation qualifies the spouse (C41) on the date."""
    if not noc:
        return FALSE
    teer = teer_of(noc)
    if permit == "cusma" and rules["fta_rule"] is not None:
        return TRUE if teer in rules["fta_rule"]["qualifying_teer"] else FALSE
    if teer in rules["qualifying_teer"]:
        return TRUE
    groups = rules["select_teer_2_3_major_groups"]
    if groups is not None and teer in (2, 3):
        return TRUE if noc[:2] in groups else UNKNOWN
    return UNKNOWN if rules["other_teer"] == "unknown" else FALSE


@rule(uses=(WORKERS,))
def validity_status(
    expiry: date | None, status: str, permit: str, on: date, rules: Mapping[str, Any]
) -> int:
    """Whether the principal's permit stays valid long enough after the spouse applies."""
    months = rules["min_validity_months"]
    if permit == "cusma" and rules["fta_rule"] is not None:
        months = rules["fta_rule"]["min_validity_months"]
    if status != "worker" or expiry is None:
        return UNKNOWN
    return TRUE if expiry >= add_months(on, int(months)) else FALSE


@rule(uses=(STUDENTS,))
def study_status(study: Credential | None, rules: Mapping[str, Any]) -> int:
    """Whether the principal's program qualifies the spouse (C42) on the date."""
    if study is None:
        return FALSE
    levels = rules["qualifying_levels"]
    if levels == "any_pgwp_eligible":
        return UNKNOWN if study.pgwp_eligible_program is None else int(study.pgwp_eligible_program)
    if study.level in levels:
        minimum = rules["min_masters_months"]
        if study.level == "masters" and minimum is not None:
            return TRUE if study.length_years * MONTHS_PER_YEAR + 1e-6 >= minimum else FALSE
        return TRUE
    return FALSE if rules["other_programs"] == "none" else UNKNOWN


class SpousalOpenWorkPermit(WorkPermitProgram):
    """Open work permit for the spouse or partner of a qualifying worker or student."""

    id = "spousal_open_work_permit"
    defining = WORKERS
    uses = (WORKERS, STUDENTS, "federal.imp.fees")

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        workers, students = snapshot.value(WORKERS), snapshot.value(STUDENTS)
        spouse = tristate(np.asarray(facts["spouse_can_accompany"], dtype=bool))
        statuses = facts["in_canada_status"]
        permits = facts["in_canada_permit"]
        nocs = facts["principal_noc"]
        expiries = facts["permit_expiry"]
        studies = facts["current_canadian_study"]
        is_student = [s == "student" for s in statuses]
        basis = from_rows(
            [
                study_status(study, students)
                if student
                else occupation_status(str(noc), str(permit), workers)
                for student, study, noc, permit in zip(
                    is_student, studies, nocs, permits, strict=True
                )
            ]
        )
        validity = from_rows(
            [
                TRUE if student else validity_status(expiry, str(status), str(permit), day, workers)
                for student, expiry, status, permit, day in zip(
                    is_student, expiries, statuses, permits, facts["assessment_date"], strict=True
                )
            ]
        )

        def basis_reason(r: int) -> Message:
            if is_student[r]:
                study = studies[r]
                return msg(
                    f"wp.spousal.study_{word(basis[r])}",
                    level=msg(f"wp.level.{study.level}") if study else "-",
                )
            noc = str(nocs[r])
            if not noc:
                return msg("wp.no_occupation")
            return msg(f"wp.spousal.occupation_{word(basis[r])}", noc=noc, teer=teer_of(noc))

        months = workers["min_validity_months"]
        return [
            CriterionColumn(
                rule=f"{RULE}.spouse",
                met=spouse,
                reason=lambda r: msg(f"wp.spousal.spouse_{word(spouse[r])}"),
                reference=cite(snapshot, WORKERS),
            ),
            CriterionColumn(
                rule=f"{RULE}.principal",
                met=basis,
                reason=basis_reason,
                reference=cite(snapshot, STUDENTS if any(is_student) else WORKERS),
                unconfirmed=snapshot[WORKERS].status == "unconfirmed",
            ),
            CriterionColumn(
                rule=f"{RULE}.permit_validity",
                met=validity,
                reference=cite(snapshot, WORKERS),
                reason=lambda r: (
                    msg(
                        f"wp.spousal.validity_{word(validity[r])}",
                        months=months,
                        expiry=str(expiries[r] or "-"),
                    )
                    if not is_student[r]
                    else msg("wp.spousal.validity_student")
                ),
                needed=lambda r: msg("wp.spousal.validity_needed", months=months),
            ),
        ]

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        return {
            "leads_to": "family_work_permit",
            "permit": "spousal_open",
            "for": "spouse_or_partner",
            "processing_weeks": None,
            "permit_length_months": None,
            "renewable": True,
            "counts_as_skilled_canadian_experience": True,
            "employer_specific": False,
            "children_eligible": bool(facts.snapshot.value(WORKERS)["children_eligible"]),
            "closes_on": None,
        }

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        found = work_permit_fees(facts.snapshot, open_permit=True, compliance=False)
        return [Fee(fee.item, fee.amount_cad, "family_member") for fee in found]

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        return [msg("wp.open_permit_holders", permit=msg("program.spousal_open_work_permit"))]


register(SpousalOpenWorkPermit())
