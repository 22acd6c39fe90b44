"""Post-graduation work permit (IRPR 205(c)(ii), C43): an open permit, once in a lifetime, for a
graduate of an eligible Canadian program of eight months or more who applies within 180 days, with
the language level of the program's kind from 2024-11-01, and a listed field of study for
non-degree programs begun on or after 2024-11-01. Its length follows the program's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import FALSE, TRUE, UNKNOWN, CriterionColumn, cite, register, tristate
from canpath.rules.federal.work_permits.base import (
    Fee,
    WorkPermitProgram,
    from_rows,
    word,
    work_permit_fees,
)
from canpath.rules.federal.work_permits.derived import DEGREES, Credential
from canpath.rules.registry import rule
from canpath.timeutil import add_months

REQUIREMENTS = "federal.imp.pgwp.requirements"
LENGTH = "federal.imp.pgwp.length"
FIELD = "federal.imp.pgwp.field_of_study"
RULE = "federal.imp.pgwp"
MONTHS_PER_YEAR = 12  # calendar fact
POST_SECONDARY = ("one_year", "two_year", "three_year", *DEGREES, "two_or_more")


def program_months(credential: Credential) -> int:
    """The program's length in whole months."""
    return round(credential.length_years * MONTHS_PER_YEAR)


@rule(uses=(LENGTH,))
def permit_months(credential: Credential | None, rules: Mapping[str, Any]) -> int | None:
    """The PGWP's length: the program's, three years for two-year programs (and short master's)."""
    if credential is None:
        return None
    months = program_months(credential)
    if months < rules["min_months"]:
        return None
    if months >= rules["program_months_for_max"] or (
        rules["masters_get_max"] and credential.level == "masters"
    ):
        return int(rules["max_months"])
    return months


@rule(uses=(REQUIREMENTS,))
def language_status(
    credential: Credential | None, level: int, rules: Mapping[str, Any] | None
) -> tuple[int, int | None]:
    """Whether the best official-language level meets the program kind's minimum: (result, minimum)."""
    if rules is None or credential is None:
        return TRUE, None
    if credential.level in DEGREES:
        low, high = sorted((rules["university_degree"], rules["non_university_degree"]))
        result = TRUE if level >= high else FALSE if level < low else UNKNOWN
        return result, high
    return (TRUE if level >= rules["college"] else FALSE), rules["college"]


@rule(uses=(FIELD,))
def field_status(credential: Credential | None, rules: Mapping[str, Any]) -> int:
    """Whether the field-of-study list applies (non-degree programs begun on or after its date)."""
    start = rules["applies_from_study_permit_date"]
    if credential is None or start is None or credential.level in rules["exempt_levels"]:
        return TRUE
    began = add_months(credential.completed, -program_months(credential))
    if began < start:
        return TRUE
    return UNKNOWN if rules["eligible_fields"] is None else FALSE


class PostGraduationWorkPermit(WorkPermitProgram):
    """Post-graduation work permit."""

    id = "pgwp"
    defining = REQUIREMENTS
    uses = (REQUIREMENTS, LENGTH, FIELD, "federal.imp.fees")

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        rules = snapshot.value(REQUIREMENTS)
        lengths = snapshot.value(LENGTH)
        found: list[Credential | None] = [
            c
            if c is not None
            and c.level in POST_SECONDARY
            and program_months(c) >= rules["min_program_months"]
            else None
            for c in facts["latest_canadian_credential"]
        ]
        reference = cite(snapshot, REQUIREMENTS)
        has = tristate([c is not None for c in found])
        deadline = [
            c.completed + timedelta(days=int(rules["apply_within_days"])) if c else date.min
            for c in found
        ]
        days = facts["assessment_date"]
        in_time = tristate(
            [c is not None and day <= d for c, d, day in zip(found, deadline, days, strict=True)]
        )
        held = facts["has_held_pgwp"]
        first = tristate(~held)
        eligible = from_rows(
            [
                FALSE
                if c is None
                else UNKNOWN
                if c.pgwp_eligible_program is None
                else int(c.pgwp_eligible_program)
                for c in found
            ]
        )
        levels = np.maximum(facts["english_clb"].min(axis=1), facts["french_nclc"].min(axis=1))
        language = [
            language_status(c, int(level), rules["language"])
            for c, level in zip(found, levels, strict=True)
        ]
        language_met = from_rows([item[0] for item in language])
        field = from_rows([field_status(c, snapshot.value(FIELD)) for c in found])
        months = [permit_months(c, lengths) for c in found]

        def credential_reason(r: int) -> Message:
            c = found[r]
            if c is None:
                return msg("wp.pgwp.credential_not_met", minimum=rules["min_program_months"])
            return msg(
                "wp.pgwp.credential_met",
                level=msg(f"wp.level.{c.level}"),
                completed=c.completed.isoformat(),
                months=program_months(c),
                permit=months[r] or "-",
            )

        return [
            CriterionColumn(
                rule=f"{RULE}.canadian_program",
                met=has,
                reason=credential_reason,
                reference=reference,
                needed=lambda r: msg(
                    "wp.pgwp.credential_needed", minimum=rules["min_program_months"]
                ),
            ),
            CriterionColumn(
                rule=f"{RULE}.designated_institution",
                met=eligible,
                reference=reference,
                reason=lambda r: (
                    msg(f"wp.pgwp.institution_{word(eligible[r])}")
                    if found[r]
                    else msg("wp.pgwp.no_program")
                ),
                needed=lambda r: msg("wp.pgwp.institution_needed"),
            ),
            CriterionColumn(
                rule=f"{RULE}.apply_within",
                met=in_time,
                reference=reference,
                reason=lambda r: (
                    msg(
                        f"wp.pgwp.deadline_{word(in_time[r])}",
                        days=rules["apply_within_days"],
                        deadline=deadline[r].isoformat(),
                    )
                    if found[r]
                    else msg("wp.pgwp.no_program")
                ),
            ),
            CriterionColumn(
                rule=f"{RULE}.once_per_lifetime",
                met=first,
                reference=reference,
                reason=lambda r: msg(f"wp.pgwp.first_{word(first[r])}"),
            ),
            CriterionColumn(
                rule=f"{RULE}.language",
                met=language_met,
                reference=reference,
                reason=lambda r: (
                    msg(
                        f"wp.pgwp.language_{word(language_met[r])}",
                        level=int(levels[r]),
                        minimum=language[r][1] or "-",
                    )
                    if found[r]
                    else msg("wp.pgwp.language_no_program")
                ),
                needed=lambda r: msg("wp.pgwp.language_needed", minimum=language[r][1] or "-"),
            ),
            CriterionColumn(
                rule=f"{RULE}.field_of_study",
                met=field,
                reference=cite(snapshot, FIELD),
                reason=lambda r: msg(f"wp.pgwp.field_{word(field[r])}"),
            ),
        ]

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        credential = facts["latest_canadian_credential"][row]
        rules = facts.snapshot.value(REQUIREMENTS)
        return {
            "leads_to": "work_permit",
            "permit": "pgwp",
            "processing_weeks": None,
            "permit_length_months": permit_months(credential, facts.snapshot.value(LENGTH)),
            "renewable": bool(facts.snapshot.value(LENGTH)["renewable"]),
            "counts_as_skilled_canadian_experience": True,
            "employer_specific": False,
            "port_of_entry": bool(rules["port_of_entry"]),
            "closes_on": None,
        }

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        return work_permit_fees(facts.snapshot, open_permit=True, compliance=False)

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        return [msg("wp.open_permit_holders", permit=msg("program.pgwp"))]


register(PostGraduationWorkPermit())
