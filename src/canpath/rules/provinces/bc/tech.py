"""BC PNP Tech: tech-only invitations on top of the Skills Immigration categories, 2017-05-10 to 2024-12-03.

Criteria: a B.C. job offer in an occupation on the tech list in force, whose duration meets the
Skills Immigration rule or the tech exception, and the category's own requirements (not captured in
the research, so unknown). The score is the SIRS score (from 2022-11-16; the earlier grid is known
only by its maxima). After the final tech draw of 2024-12-03 the stream shows as closed; tech
occupations are then selected through High Economic Impact invitations (bc.high_economic_impact).
"""

from __future__ import annotations

from typing import Any

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.programs import Program, ProgramColumns, cite, register
from canpath.reference.noc import title_of
from canpath.rules.provinces.bc.job_offer import (
    JOB_OFFER,
    TECH_OCCUPATIONS,
    job_offer_duration,
    offer_in_bc,
    other_requirements,
)
from canpath.rules.provinces.bc.sirs import GRID, shared_sirs
from canpath.rules.provinces.common import (
    SHARED,
    STATE,
    RowCriterion,
    closes_on,
    nomination_facts,
    unavailable,
)
from canpath.rules.provinces.occupations import listed_codes, membership

PATHWAY = "provinces.bc.tech.pathway"
RULE = "provinces.bc.tech"


def tech_occupation(facts: Facts) -> RowCriterion:
    """The offer's occupation is on the B.C. tech list in force."""
    listing = facts.snapshot[TECH_OCCUPATIONS]
    noc = facts["job_offer_noc"]
    met, flagged = membership(noc, listing)
    return RowCriterion(
        rule=f"{RULE}.occupation", met=met, reference=cite(facts.snapshot, TECH_OCCUPATIONS), unconfirmed_rows=flagged,
        reason=lambda r: msg("provincial.no_job_offer") if not noc[r] else msg(f"provincial.list_{STATE[int(met[r])]}", noc=str(noc[r]), title=title_of(str(noc[r])), since=listing.since.isoformat()),
        needed=lambda r: msg("provincial.list_needed", codes=", ".join(listed_codes(listing))),
    )  # fmt: skip


class BritishColumbiaTech(Program):
    """BC PNP Tech (Skills Immigration, tech-targeted invitations)."""

    id = "bc.tech"
    kind = "provincial_nomination"
    uses = (PATHWAY, TECH_OCCUPATIONS, JOB_OFFER, GRID, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion, the SIRS score and the planner's facts."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, PATHWAY)
        if closed is not None:
            return closed
        criteria = [
            offer_in_bc(facts, f"{RULE}.job_offer"),
            tech_occupation(facts),
            job_offer_duration(facts, f"{RULE}.job_offer_duration"),
            other_requirements(facts, f"{RULE}.skills_immigration_category"),
        ]
        grid = shared_sirs(facts) if snapshot.is_in_force(GRID) else None

        def score(row: int) -> dict[str, Any]:
            if grid is None:
                return {
                    "grid": "bc.sirs",
                    "points": None,
                    "note": "the SIRS grid before 2022-11-16 is known only by its maxima",
                }
            return {"grid": "bc.sirs", **grid.detail(row), "draws": None}

        def planner(row: int) -> dict[str, Any]:
            return nomination_facts(
                facts,
                row,
                "BC",
                snapshot.value(PATHWAY)["nomination"],
                None,
                closes_on(snapshot, PATHWAY),
                {"entry": "skills_immigration_registration"},
            )

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot),
            score=grid.total if grid is not None else None, score_detail=score, facts=planner,
        )  # fmt: skip


register(BritishColumbiaTech())
