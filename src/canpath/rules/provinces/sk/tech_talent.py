"""Saskatchewan Tech Talent Pathway (Innovation and Tech Talent Pathway from 2026-01-01).

Criteria: a permanent full-time Saskatchewan job offer in an eligible occupation (the employer's
approval, a Job Approval Letter then an Employer Position Assessment, is the employer's step and is
not checked), six months with the supporting employer in Saskatchewan or a year in the occupation
in five years, language (no SINP minimum when already working for the supporting employer, CLB 5
otherwise), a post-secondary credential of two years or more, and licensing for engineers and
agrologists. No points grid applies. The applicant chooses a base or an Express Entry (enhanced)
nomination.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np

from canpath.facts import Column, Facts, deriver
from canpath.i18n import msg
from canpath.params import Snapshot
from canpath.profile import Profile
from canpath.programs import (
    FALSE,
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
from canpath.rules.federal.express_entry import work_experience as work
from canpath.rules.provinces.common import (
    SHARED,
    STATE,
    RowCriterion,
    closes_on,
    hours_per_month,
    lowest_level,
    member,
    nomination_facts,
    unavailable,
)
from canpath.rules.provinces.facts import PROFILE_LEVEL_CODE
from canpath.rules.provinces.occupations import listed_codes, membership
from canpath.timeutil import add_years

PATHWAY = "provinces.sk.tech_talent.pathway"
OCCUPATIONS = "provinces.sk.tech_talent.occupations"
RULE = "provinces.sk.tech_talent"


@deriver(
    "sk_tech_talent",
    (
        Column(
            "sk_occupation_months",
            "float64",
            "full-time months in the job offer's occupation in the pathway's window",
        ),
    ),
)
def derive_occupation_months(
    profile: Profile, on: date, snapshot: Snapshot
) -> tuple[Mapping[str, Any], Any]:
    """Months of skilled work in the offer's occupation inside the pathway's window."""
    offer = profile.job_offer
    if offer is None or not snapshot.is_in_force(PATHWAY):
        return {"sk_occupation_months": 0.0}, None
    rule = snapshot.value(PATHWAY)["experience"]
    skilled = snapshot.value(work.SKILLED_WORK)
    chosen = work.select(
        profile.work,
        on,
        teer=range(4),
        exclude_student=True,
        exclude_unauthorized=True,
        nocs=[offer.noc],
    )
    hours = work.full_time_equivalent_hours(
        chosen,
        add_years(on, -int(rule["occupation_window_years"])),
        on,
        float(skilled["max_hours_per_week"]),
    )
    return {"sk_occupation_months": hours / hours_per_month(snapshot)}, None


def _experience(facts: Facts, rule: dict[str, Any], with_employer: np.ndarray) -> CriterionColumn:
    """Six months with the supporting employer in Saskatchewan, or a year in the occupation in five."""
    employer_months = np.where(with_employer != 0, facts["current_job_months"], 0.0)
    months = facts["sk_occupation_months"]
    by_employer = employer_months + 1e-6 >= rule["with_supporting_employer_months"]
    by_occupation = months + 1e-6 >= rule["occupation_months"]
    met = np.where(
        by_occupation | (by_employer & (with_employer == 1)),
        TRUE,
        np.where(by_employer, UNKNOWN, FALSE),
    ).astype(np.int8)
    return CriterionColumn(
        rule=f"{RULE}.work_experience", met=met, reference=cite(facts.snapshot, PATHWAY),
        reason=lambda r: msg("provincial.missing_answer", answer="job_offer.is_current_employer") if met[r] == UNKNOWN else msg(
            "provincial.sk.experience", employer=round(float(np.where(with_employer[r] == 1, employer_months[r], 0.0)), 1), months=round(float(months[r]), 1),
            needed_employer=rule["with_supporting_employer_months"], needed=rule["occupation_months"], years=rule["occupation_window_years"],
        ),
        needed=lambda r: msg("provincial.sk.experience_needed", needed=rule["occupation_months"]),
    )  # fmt: skip


def _language(facts: Facts, rule: dict[str, Any], with_employer: np.ndarray) -> CriterionColumn:
    """No SINP minimum when working for the supporting employer; the minimum otherwise."""
    level, minimum = lowest_level(facts), int(rule["min_clb_all_abilities"])
    met = np.where(
        (with_employer == 1) | (level >= minimum),
        TRUE,
        np.where(with_employer == -1, UNKNOWN, FALSE),
    ).astype(np.int8)
    return CriterionColumn(
        rule=f"{RULE}.language", met=met, reference=cite(facts.snapshot, PATHWAY),
        reason=lambda r: msg("provincial.sk.language_employer") if with_employer[r] == 1 else msg("provincial.language", level=int(level[r]), needed=minimum),
        needed=lambda r: msg("provincial.language_needed", needed=minimum),
    )  # fmt: skip


def _licensing(facts: Facts, rules: dict[str, Any]) -> CriterionColumn:
    """Licensing eligibility for engineers and agrologists (not asked, so unknown)."""
    noc = facts["job_offer_noc"]
    licensed, unclear = (
        member(noc, rules["licensing_nocs"]),
        member(noc, rules["licensing_unclear_nocs"]),
    )
    met = np.where(licensed | unclear, UNKNOWN, TRUE).astype(np.int8)
    key = np.where(licensed, "licence_needed", np.where(unclear, "licence_unclear", "licence_none"))
    return CriterionColumn(
        rule=f"{RULE}.licensing",
        met=met,
        reference=cite(facts.snapshot, PATHWAY),
        reason=lambda r: msg(f"provincial.sk.{key[r]}", noc=str(noc[r]) or "-"),
    )


class TechTalentPathway(Program):
    """Saskatchewan Tech Talent Pathway / Innovation and Tech Talent Pathway (SINP)."""

    id = "sk.tech_talent"
    kind = "provincial_nomination"
    uses = (PATHWAY, OCCUPATIONS, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion and the planner's facts (no points grid applies)."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, PATHWAY)
        if closed is not None:
            return closed
        rules = snapshot.value(PATHWAY)
        listing = snapshot[OCCUPATIONS]
        noc = facts["job_offer_noc"]
        here = (facts["job_offer_province"] == rules["job_offer"]["province"]) & (noc != "")
        offer = here & facts["offer_is_permanent"]
        in_sk = facts["current_job_province"] == rules["job_offer"]["province"]
        with_employer = np.where(in_sk, facts["offer_is_with_current_employer"], 0)
        listed, flagged = membership(noc, listing)
        education = member(
            facts["credential_level"],
            [PROFILE_LEVEL_CODE[name] for name in rules["education_min_levels"]],
        )
        criteria = [
            CriterionColumn(
                rule=f"{RULE}.job_offer", met=tristate(offer), reference=cite(snapshot, PATHWAY),
                reason=lambda r: msg(f"provincial.sk.offer_{STATE[int(offer[r])]}") if here[r] else msg("provincial.no_offer_in", province="SK"),
                needed=lambda r: msg("provincial.sk.offer_needed", approval=msg(f"provincial.sk.{rules['employer_approval']}")),
            ),
            RowCriterion(
                rule=f"{RULE}.occupation", met=listed, reference=cite(snapshot, OCCUPATIONS), unconfirmed_rows=flagged | (listing.status == "unconfirmed"),
                reason=lambda r: msg("provincial.no_job_offer") if not noc[r] else msg(f"provincial.list_{STATE[int(listed[r])]}", noc=str(noc[r]), title=title_of(str(noc[r])), since=listing.since.isoformat()),
                needed=lambda r: msg("provincial.list_needed", codes=", ".join(listed_codes(listing))),
            ),
            _experience(facts, rules["experience"], with_employer),
            _language(facts, rules["language"], with_employer),
            CriterionColumn(
                rule=f"{RULE}.education", met=tristate(education), reference=cite(snapshot, PATHWAY),
                reason=lambda r: msg(f"provincial.sk.education_{STATE[int(education[r])]}"), needed=lambda r: msg("provincial.sk.education_needed"),
            ),
            _licensing(facts, rules),
        ]  # fmt: skip

        def planner(row: int) -> dict[str, Any]:
            extra = {
                "pathway_name": rules["name"],
                "employer_approval": rules["employer_approval"],
                "fee_cad": rules["fee_cad"],
            }
            return nomination_facts(
                facts, row, "SK", rules["nomination"], None, closes_on(snapshot, PATHWAY), extra
            )

        return ProgramColumns(
            self.id,
            self.kind,
            criteria,
            facts.size,
            warnings=self.warnings(snapshot),
            facts=planner,
        )


register(TechTalentPathway())
