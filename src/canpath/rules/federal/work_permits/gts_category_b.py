"""Global Talent Stream, Category B (ESDC, TFWP): an LMIA for a position in an occupation on the
Global Talent Occupations List, at the higher of the occupation's wage floor and the prevailing wage.
"""

from __future__ import annotations

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import TRUE, CriterionColumn, cite, register
from canpath.reference.noc import title_of
from canpath.rules.federal.work_permits.base import from_rows, offer_criterion, word
from canpath.rules.federal.work_permits.gts import (
    FLOORS,
    SHARED,
    GlobalTalentStream,
    category_b_floor,
    list_matches,
    wage_needed,
    wage_reason,
)
from canpath.rules.federal.work_permits.gts_occupations import LIST, describe, nearest_listed
from canpath.rules.federal.work_permits.prevailing import meets, prevailing_wages


class CategoryB(GlobalTalentStream):
    """GTS Category B: a position in an occupation on the Global Talent Occupations List."""

    id = "gts.category_b"
    defining = LIST
    uses = (LIST, FLOORS, *SHARED)

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        rule_id = "federal.tfwp.global_talent_stream.category_b"
        matches = list_matches(facts)
        value = snapshot.value(LIST)
        codes = facts["job_offer_noc"]
        provinces = facts["job_offer_province"]
        floors_value = snapshot.value(FLOORS)
        floors = [
            category_b_floor(m, str(p), floors_value)
            for m, p in zip(matches, provinces, strict=True)
        ]
        hourly = facts["job_offer_hourly_wage_cad"]
        found = prevailing_wages(facts)
        wage = from_rows(
            [meets(float(w), f, p) for w, f, p in zip(hourly, floors, found, strict=True)]
        )
        listed = from_rows([m.listed for m in matches])

        def list_reason(r: int) -> Message:
            m = matches[r]
            if not codes[r]:
                return msg("wp.no_occupation")
            if m.subset_blocked:
                return msg(
                    f"wp.gts.subset_{m.subset_blocked}",
                    noc=codes[r],
                    condition=m.rows[0]["condition"],
                )
            via = msg("wp.gts.via_2016", codes=", ".join(m.noc2016)) if m.noc2016 else ""
            rows = "; ".join(str(item["title"]) for item in m.rows)
            return msg(
                f"wp.gts.listed_{word(m.listed)}",
                noc=codes[r],
                title=title_of(str(codes[r])),
                rows=rows,
                via=via,
                since=snapshot[LIST].since.isoformat(),
            )

        def list_needed(r: int) -> Message:
            if not codes[r]:
                return msg("wp.offer_needed")
            near = nearest_listed(str(codes[r]), value)
            return msg("wp.gts.nearest", codes=describe(near) if near else "-")

        return [
            offer_criterion(facts, f"{rule_id}.job_offer", LIST),
            CriterionColumn(
                rule=f"{rule_id}.occupation_list",
                met=listed,
                reason=list_reason,
                needed=list_needed,
                reference=cite(snapshot, LIST),
                unconfirmed=snapshot[LIST].status == "unconfirmed",
            ),
            CriterionColumn(
                rule=f"{rule_id}.wage",
                met=wage,
                reference=cite(snapshot, FLOORS),
                unconfirmed=snapshot[FLOORS].status == "unconfirmed"
                and any(f != 0.0 for f in floors),
                reason=lambda r: wage_reason(float(hourly[r]), floors[r], found[r], int(wage[r])),
                needed=lambda r: wage_needed(float(hourly[r]), floors[r], found[r]),
            ),
        ]

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        match = list_matches(facts)[row]
        if match.listed == TRUE and match.row is not None:
            return [msg("wp.gts.candidates_b", occupation=match.row["title"])]
        return []


register(CategoryB())
