"""Open work permits for US H-1B holders (IRPA s. 25.2 public policy, R02, Tech Talent Strategy):
open from 2023-07-16 until the cap of 10,000 principal applications was reached on 2023-07-17.
Closed history on every other date, with the announced Budget 2025 pathway as a warning after it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.params import announcement_warning
from canpath.programs import FALSE, TRUE, UNKNOWN, CriterionColumn, ProgramColumns, cite, register
from canpath.results import Citation
from canpath.rules.federal.work_permits.base import (
    Fee,
    WorkPermitProgram,
    constant,
    from_rows,
    word,
    work_permit_fees,
)

H1B = "federal.imp.h1b_open_work_permit_2023"
RULE = "federal.imp.h1b_open_work_permit_2023"
ONE_DAY_BEFORE = -1


def _tri_equal(value: str, wanted: str) -> int:
    return UNKNOWN if not value else TRUE if value == wanted else FALSE


class H1bOpenWorkPermit(WorkPermitProgram):
    """The 2023 open work permit for H-1B holders residing in the United States (closed)."""

    id = "h1b_open_work_permit_2023"
    defining = H1B
    uses = (H1B,)

    def closed(self, facts: Facts, status: str) -> ProgramColumns:
        """Not yet open (before 2023-07-16) or closed (the cap was reached on 2023-07-17)."""
        parameter = facts.snapshot.store.parameter(H1B)
        key = "wp.h1b.not_yet_open" if status == "not_yet_open" else "wp.h1b.closed"
        reason = msg(
            key,
            opens=parameter.first_date.isoformat(),
            last=self.last_day(facts).isoformat(),
            cap=f"{parameter.content.values[parameter.first_date].value['cap_principal_applications']:,}",
        )
        criterion = CriterionColumn(
            rule=f"{RULE}.in_force",
            met=constant(facts.size, FALSE),
            reason=lambda r: reason,
            reference=Citation.of(parameter.content.references["ircc_h1b"]),
        )
        warnings = [
            announcement_warning(item, H1B)
            for item in parameter.content.announced
            if item.date <= facts.on
        ]
        closes = self.last_day(facts).isoformat()
        return ProgramColumns(
            self.id,
            self.kind,
            [criterion],
            facts.size,
            status=status,
            warnings=warnings,
            facts=lambda row: {
                "leads_to": "work_permit",
                "permit": "open_work_permit",
                "closes_on": closes,
            },
        )

    def last_day(self, facts: Facts) -> date:
        """The last day applications were taken (the day before the rule ended)."""
        ended = facts.snapshot.store.parameter(H1B).ended
        assert ended is not None
        return date.fromordinal(ended.toordinal() + ONE_DAY_BEFORE)

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        rules = facts.snapshot.value(H1B)
        reference = cite(facts.snapshot, H1B)
        holder = from_rows([_tri_equal(str(s), rules["us_status"]) for s in facts["us_status"]])
        resident = from_rows(
            [_tri_equal(str(c), rules["resident_in"]) for c in facts["country_of_residence"]]
        )
        return [
            CriterionColumn(
                rule=f"{RULE}.h1b",
                met=holder,
                reference=reference,
                reason=lambda r: msg(f"wp.h1b.holder_{word(holder[r])}"),
                needed=lambda r: msg("wp.h1b.holder_needed"),
            ),
            CriterionColumn(
                rule=f"{RULE}.resident_in_us",
                met=resident,
                reference=reference,
                reason=lambda r: msg(f"wp.h1b.resident_{word(resident[r])}"),
            ),
        ]

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        rules = facts.snapshot.value(H1B)
        return {
            "leads_to": "work_permit",
            "permit": "open_work_permit",
            "processing_weeks": None,
            "permit_length_months": rules["permit_months"],
            "renewable": False,
            "renewal_policy": {
                key: day.isoformat() for key, day in rules["renewal_policy"].items()
            },
            "counts_as_skilled_canadian_experience": True,
            "employer_specific": False,
            "closes_on": self.last_day(facts).isoformat(),
        }

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        return work_permit_fees(facts.snapshot, open_permit=False, compliance=False)

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        return [msg("wp.open_permit_holders", permit=msg("program.h1b_open_work_permit_2023"))]


register(H1bOpenWorkPermit())
