"""Alberta Express Entry Stream, Accelerated Tech Pathway: an enhanced nomination for tech workers.

Criteria: eligible for an Express Entry program, a CRS score at or above Alberta's minimum, a
full-time Alberta job (or offer) of a year or more in an eligible tech occupation, with an employer
whose primary business is in an eligible tech industry, in the occupation the Express Entry profile
names as primary (canpath reads that as experience in the occupation). From 2024-09-30 candidates
are drawn from the Worker Expression of Interest pool: the score is the Worker EOI score, with the
recent pathway draw cut-offs; before, it is the CRS.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.programs import (
    TRUE,
    UNKNOWN,
    CriterionColumn,
    Program,
    ProgramColumns,
    cite,
    register,
    tristate,
)
from canpath.reference.noc import title_of
from canpath.rules.federal.express_entry.crs.score import crs_of
from canpath.rules.provinces.ab.worker_eoi import GRID, shared_worker_eoi
from canpath.rules.provinces.common import (
    SHARED,
    STATE,
    RowCriterion,
    closes_on,
    express_entry_eligibility,
    filled,
    nomination_facts,
    unavailable,
)
from canpath.rules.provinces.draws import draw_context
from canpath.rules.provinces.occupations import listed_codes, membership

REQUIREMENTS = "provinces.ab.express_entry.accelerated_tech_pathway"
OCCUPATIONS = "provinces.ab.express_entry.accelerated_tech_pathway_occupations"
RULE = "provinces.ab.accelerated_tech"


def _occupation(facts: Facts) -> RowCriterion:
    """The Alberta job's occupation is on the pathway's list in force."""
    listing = facts.snapshot[OCCUPATIONS]
    noc = facts["job_offer_noc"]
    met, flagged = membership(noc, listing)
    return RowCriterion(
        rule=f"{RULE}.occupation", met=met, reference=cite(facts.snapshot, OCCUPATIONS), unconfirmed_rows=flagged,
        reason=lambda r: msg("provincial.no_job_offer") if not noc[r] else msg(f"provincial.list_{STATE[int(met[r])]}", noc=str(noc[r]), title=title_of(str(noc[r])), since=listing.since.isoformat()),
        needed=lambda r: msg("provincial.list_needed", codes=", ".join(listed_codes(listing)) or "-"),
    )  # fmt: skip


def _job(facts: Facts, rule: dict[str, Any]) -> CriterionColumn:
    """A full-time Alberta job offer of at least the minimum term."""
    province, noc = facts["job_offer_province"], facts["job_offer_noc"]
    duration = facts["offer_duration_months"]
    long_enough = facts["offer_is_permanent"] | (filled(duration) >= rule["min_term_months"])
    shape = (
        (province == rule["province"])
        & (filled(facts["offer_hours_per_week"]) >= rule["min_hours_per_week"])
        & long_enough
    )
    known = (noc == "") | ((province != "") & (facts["offer_is_permanent"] | ~np.isnan(duration)))
    met = tristate(shape & (noc != ""), known)
    return CriterionColumn(
        rule=f"{RULE}.job_offer", met=met, reference=cite(facts.snapshot, REQUIREMENTS),
        reason=lambda r: msg("provincial.no_job_offer") if not noc[r] else msg("provincial.missing_answer", answer="job_offer.province" if not province[r] else "job_offer.duration_months") if met[r] == UNKNOWN else msg(f"provincial.ab.atp.job_{STATE[int(met[r])]}", hours=rule["min_hours_per_week"], months=rule["min_term_months"]),
        needed=lambda r: msg("provincial.ab.atp.job_needed", hours=rule["min_hours_per_week"], months=rule["min_term_months"]),
    )  # fmt: skip


def _industry(facts: Facts) -> CriterionColumn:
    """The employer's primary business is in an eligible Alberta tech industry (the profile's answer)."""
    flag, noc = facts["offer_in_tech_industry"], facts["job_offer_noc"]
    met = np.where(noc == "", 0, np.where(flag == -1, UNKNOWN, flag)).astype(np.int8)
    return CriterionColumn(
        rule=f"{RULE}.tech_industry_employer", met=met, reference=cite(facts.snapshot, REQUIREMENTS),
        reason=lambda r: msg("provincial.no_job_offer") if not noc[r] else msg("provincial.missing_answer", answer="job_offer.employer_in_tech_industry") if met[r] == UNKNOWN else msg(f"provincial.ab.atp.industry_{STATE[int(met[r])]}"),
        needed=lambda r: msg("provincial.ab.atp.industry_needed"),
    )  # fmt: skip


class AcceleratedTechPathway(Program):
    """Alberta Express Entry Stream - Accelerated Tech Pathway (AAIP)."""

    id = "ab.accelerated_tech"
    kind = "provincial_nomination"
    uses = (REQUIREMENTS, OCCUPATIONS, GRID, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion of the pathway, the Worker EOI (or CRS) score and the planner's facts."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, REQUIREMENTS)
        if closed is not None:
            return closed
        rules = snapshot.value(REQUIREMENTS)
        pool = express_entry_eligibility(facts, rules["express_entry_programs"])
        crs = crs_of(facts).total
        minimum = int(rules["min_crs"])
        months = facts["offer_noc_months"]
        noc = facts["job_offer_noc"]
        reference = cite(snapshot, REQUIREMENTS)
        criteria = [
            CriterionColumn(
                rule=f"{RULE}.express_entry", met=pool, reference=reference,
                reason=lambda r: msg(f"provincial.express_entry_{STATE[int(pool[r])]}"), needed=lambda r: msg("provincial.express_entry_needed"),
            ),
            CriterionColumn(
                rule=f"{RULE}.minimum_crs", met=tristate(crs >= minimum), reference=reference,
                reason=lambda r: msg("provincial.crs", points=int(crs[r]), minimum=minimum),
                needed=lambda r: msg("provincial.crs_needed", more=minimum - int(crs[r])),
            ),
            _occupation(facts), _job(facts, rules["job"]), _industry(facts),
            CriterionColumn(
                rule=f"{RULE}.express_entry_occupation", met=tristate((months > 0) & (noc != "")), reference=reference,
                reason=lambda r: msg("provincial.no_job_offer") if not noc[r] else msg(f"provincial.ab.atp.primary_occupation_{STATE[int(months[r] > 0)]}", noc=str(noc[r]), months=round(float(months[r]), 1)),
                needed=lambda r: msg("provincial.ab.atp.primary_occupation_needed"),
            ),
        ]  # fmt: skip
        use_grid = bool(rules["requires_worker_eoi"]) and snapshot.is_in_force(GRID)
        grid = shared_worker_eoi(facts) if use_grid else None

        def score(row: int) -> dict[str, Any]:
            if grid is None:
                return {"scale": "crs", "points": int(crs[row]), "minimum": minimum}
            found = {
                "grid": "ab.worker_eoi",
                **grid.detail(row),
                "crs": int(crs[row]),
                "min_crs": minimum,
            }
            found["draws"] = draw_context(self.id, facts.on, found["points"])
            return found

        def planner(row: int) -> dict[str, Any]:
            entry = "atp_form_then_worker_eoi" if rules["requires_worker_eoi"] else "atp_form"
            return nomination_facts(
                facts,
                row,
                "AB",
                "enhanced",
                None,
                closes_on(snapshot, REQUIREMENTS),
                {"entry": entry, "in_pool": bool(pool[row] == TRUE)},
            )

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot),
            score=grid.total if grid is not None else crs, score_detail=score, facts=planner,
        )  # fmt: skip


register(AcceleratedTechPathway())
