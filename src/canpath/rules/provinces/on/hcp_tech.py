"""Ontario Express Entry Human Capital Priorities stream, tech draws: an enhanced nomination.

Criteria: eligible for FSW or CEC, a bachelor's degree or higher, CLB 7 in all four abilities, a
year of skilled work in five years, enough months in one occupation on the tech-draw list,
settlement funds (the federal table, which Ontario's amounts track), and intent to live in Ontario.
There is no fixed CRS minimum (each draw set its own), so the score is the CRS, compared with the
recent tech-draw ranges. The stream closed effective 2026-06-26; canpath encodes it from the first
dated tech-draw list (2019-07-08).
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
from canpath.rules.federal.express_entry.proof_of_funds import PROOF_OF_FUNDS, required_funds_cad
from canpath.rules.provinces.common import (
    SHARED,
    STATE,
    closes_on,
    express_entry_eligibility,
    filled,
    lowest_level,
    member,
    nomination_facts,
    unavailable,
)
from canpath.rules.provinces.draws import draw_context
from canpath.rules.provinces.facts import PROFILE_LEVEL_CODE
from canpath.rules.provinces.occupations import listed_codes
from canpath.rules.provinces.on.facts import HCP, HCP_TECH

RULE = "provinces.on.hcp_tech"


def _tech(facts: Facts, needed: int) -> CriterionColumn:
    """Enough months in one occupation on the tech-draw list in force."""
    months, possible, noc = (
        facts["on_hcp_tech_months"],
        facts["on_hcp_tech_months_possible"],
        facts["on_hcp_tech_noc"],
    )
    met = np.where(
        months + 1e-6 >= needed, TRUE, np.where(possible + 1e-6 >= needed, UNKNOWN, 0)
    ).astype(np.int8)
    listing = facts.snapshot[HCP_TECH]
    return CriterionColumn(
        rule=f"{RULE}.tech_occupation", met=met, reference=cite(facts.snapshot, HCP_TECH),
        reason=lambda r: msg("provincial.on.hcp.tech_unclear", since=listing.since.isoformat()) if met[r] == UNKNOWN else msg(
            "provincial.on.hcp.tech", months=round(float(months[r]), 1), needed=needed,
            occupation=f"{noc[r]} {title_of(str(noc[r]))}" if noc[r] else "-",
        ),
        needed=lambda r: msg("provincial.list_needed", codes=", ".join(listed_codes(listing))),
    )  # fmt: skip


def _settlement_funds(facts: Facts) -> CriterionColumn:
    """Settlement funds at the federal table's amount for the family size (Ontario's figures track it)."""
    snapshot = facts.snapshot
    funds, size = facts["funds_cad"], facts["family_size"]
    if not snapshot.is_in_force(PROOF_OF_FUNDS):
        return CriterionColumn(
            rule=f"{RULE}.settlement_funds", met=np.full(facts.size, UNKNOWN, dtype=np.int8), unconfirmed=True, reference=cite(snapshot, HCP),
            reason=lambda r: msg("provincial.on.hcp.funds_no_table"),
        )  # fmt: skip
    required = required_funds_cad(size, snapshot)
    met = tristate(filled(funds, -1.0) >= required, ~np.isnan(funds))
    return CriterionColumn(
        rule=f"{RULE}.settlement_funds", met=met, unconfirmed=True, reference=cite(snapshot, PROOF_OF_FUNDS),
        reason=lambda r: msg("provincial.missing_answer", answer="funds_cad") if np.isnan(funds[r]) else msg("provincial.on.hcp.funds", funds=round(float(funds[r])), required=int(required[r]), size=int(size[r])),
        needed=lambda r: msg("provincial.on.hcp.funds_needed", required=int(required[r])),
    )  # fmt: skip


class HumanCapitalPrioritiesTech(Program):
    """Ontario Express Entry Human Capital Priorities stream - tech draws (OINP)."""

    id = "on.hcp_tech"
    kind = "provincial_nomination"
    uses = (HCP, HCP_TECH, PROOF_OF_FUNDS, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion, the CRS with the recent tech-draw ranges, and the planner's facts."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, HCP, modelled_from=True)
        if closed is not None:
            return closed
        rules = snapshot.value(HCP)
        reference = cite(snapshot, HCP)
        pool = express_entry_eligibility(facts, rules["express_entry_programs"])
        levels = [PROFILE_LEVEL_CODE[name] for name in rules["education_min_levels"]]
        education = member(facts["credential_level"], levels)
        level, minimum = lowest_level(facts), int(rules["language_min_clb_all_abilities"])
        experience = rules["experience"]
        skilled = facts["on_hcp_skilled_months"]
        intended = facts["intended_province"]
        funds = _settlement_funds(facts)
        criteria = [
            CriterionColumn(
                rule=f"{RULE}.express_entry", met=pool, reference=reference,
                reason=lambda r: msg(f"provincial.on.hcp.express_entry_{STATE[int(pool[r])]}"), needed=lambda r: msg("provincial.on.hcp.express_entry_needed"),
            ),
            CriterionColumn(
                rule=f"{RULE}.education", met=tristate(education), reference=reference,
                reason=lambda r: msg(f"provincial.on.hcp.education_{STATE[int(education[r])]}"), needed=lambda r: msg("provincial.on.hcp.education_needed"),
            ),
            CriterionColumn(
                rule=f"{RULE}.language", met=tristate(level >= minimum), reference=reference,
                reason=lambda r: msg("provincial.language", level=int(level[r]), needed=minimum), needed=lambda r: msg("provincial.language_needed", needed=minimum),
            ),
            CriterionColumn(
                rule=f"{RULE}.work_experience", met=tristate(skilled + 1e-6 >= experience["skilled_months"]), reference=reference,
                reason=lambda r: msg("provincial.on.hcp.experience", months=round(float(skilled[r]), 1), needed=experience["skilled_months"], years=experience["skilled_window_years"]),
                needed=lambda r: msg("provincial.on.hcp.experience_needed", needed=experience["skilled_months"]),
            ),
            _tech(facts, int(experience["primary_occupation_months"])),
            funds,
            CriterionColumn(
                rule=f"{RULE}.intent_to_reside", met=tristate(intended == rules["intended_province"], intended != ""), reference=reference,
                reason=lambda r: msg("provincial.missing_answer", answer="intended_province") if not intended[r] else msg("provincial.intends", province=str(intended[r])),
                needed=lambda r: msg("provincial.intends_needed", province=rules["intended_province"]),
            ),
        ]  # fmt: skip
        crs = crs_of(facts).total

        def score(row: int) -> dict[str, Any]:
            return {
                "scale": "crs",
                "points": int(crs[row]),
                "minimum": None,
                "draws": draw_context(self.id, facts.on, int(crs[row])),
            }

        def planner(row: int) -> dict[str, Any]:
            extra = {
                "entry": "notification_of_interest",
                "apply_within_days": rules["apply_within_days_of_notification"],
                "in_pool": bool(pool[row] == TRUE),
            }
            return nomination_facts(
                facts, row, "ON", "enhanced", None, closes_on(snapshot, HCP), extra
            )

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot),
            score=crs, score_detail=score, facts=planner,
        )  # fmt: skip


register(HumanCapitalPrioritiesTech())
