"""Alberta Opportunity Stream: a base nomination for temporary workers already working in Alberta.

Criteria: a valid work permit on an eligible basis, living and working in Alberta, an occupation
not on the ineligible list, language by the occupation's TEER, education, recent full-time work in
the current occupation, and a qualifying Alberta job offer in it. From 2024-09-30 candidates are
invited from the Worker Expression of Interest pool, so the result carries the Worker EOI score and
recent AOS draw cut-offs. The wage floor and the employer's own conditions are not checked.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
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
from canpath.reference.noc import teer_of, title_of
from canpath.rules.provinces.ab.worker_eoi import GRID, shared_worker_eoi
from canpath.rules.provinces.common import (
    SHARED,
    STATE,
    blocked,
    closes_on,
    filled,
    lowest_level,
    member,
    nomination_facts,
    unavailable,
)
from canpath.rules.provinces.draws import draw_context
from canpath.rules.provinces.facts import PROFILE_LEVEL_CODE
from canpath.rules.provinces.occupations import membership

REQUIREMENTS = "provinces.ab.aos.requirements"
INTAKE = "provinces.ab.aos.intake"
INELIGIBLE = "provinces.ab.aos.ineligible_occupations"
RULE = "provinces.ab.aos"
PERMIT_MET = {
    "yes": TRUE,
    "no": FALSE,
    "alberta_post_secondary": UNKNOWN,
    "listed_public_policy": UNKNOWN,
}


def _permit(facts: Facts, rules: dict[str, Any]) -> CriterionColumn:
    """A valid work permit on a basis the stream accepts (maintained status is not asked)."""
    permits, held = facts["in_canada_permit"], facts["permit_held"] == "work"
    alberta = np.array(
        ["AB" in places for places in facts["canadian_credential_places"]], dtype=bool
    )
    basis = [str(rules["eligible_permits"].get(permit, "no")) for permit in permits]
    met = np.array(
        [PERMIT_MET[b] if h else FALSE for b, h in zip(basis, held, strict=True)], dtype=np.int8
    )
    met = np.where(
        (np.array(basis) == "alberta_post_secondary") & held & ~alberta, FALSE, met
    ).astype(np.int8)

    def reason(row: int) -> Any:
        if not held[row]:
            return msg("provincial.ab.aos.permit_none")
        key = (
            basis[row]
            if basis[row] != "alberta_post_secondary" or alberta[row]
            else "pgwp_not_alberta"
        )
        return msg(f"provincial.ab.aos.permit_{key}", permit=str(permits[row]))

    return CriterionColumn(
        rule=f"{RULE}.work_permit", met=met, reason=reason, reference=cite(facts.snapshot, REQUIREMENTS),
        needed=lambda r: msg("provincial.ab.aos.permit_needed"),
    )  # fmt: skip


def _in_alberta(facts: Facts) -> CriterionColumn:
    """The person lives and works in Alberta: the current Canadian job is there."""
    province, noc = facts["current_job_province"], facts["current_job_noc"]
    met = tristate(province == "AB", (province != "") | (noc == ""))
    return CriterionColumn(
        rule=f"{RULE}.lives_and_works_in_alberta", met=met, reference=cite(facts.snapshot, REQUIREMENTS),
        reason=lambda r: msg("provincial.ab.aos.in_alberta", province=str(province[r]) or "-") if noc[r] else msg("provincial.no_current_job"),
        needed=lambda r: msg("provincial.ab.aos.in_alberta_needed") if province[r] or not noc[r] else msg("provincial.missing_answer", answer="work[].province"),
    )  # fmt: skip


def _occupation(facts: Facts, occupation: np.ndarray) -> CriterionColumn:
    """The current occupation is not on the ineligible-occupation list in force."""
    listing = facts.snapshot[INELIGIBLE]
    listed, _ = membership(occupation, listing)
    met = np.where(listed == TRUE, FALSE, np.where(listed == FALSE, TRUE, UNKNOWN)).astype(np.int8)
    met = np.where(occupation == "", FALSE, met).astype(np.int8)

    def reason(row: int) -> Any:
        if not occupation[row]:
            return msg("provincial.no_occupation")
        key = {
            TRUE: "eligible",
            FALSE: "ineligible",
            UNKNOWN: "list_unknown" if listing.value["occupations"] is None else "partial",
        }[int(met[row])]
        return msg(
            f"provincial.ab.aos.occupation_{key}",
            noc=str(occupation[row]),
            title=title_of(str(occupation[row])),
            since=listing.since.isoformat(),
        )

    return CriterionColumn(
        rule=f"{RULE}.occupation",
        met=met,
        reason=reason,
        reference=cite(facts.snapshot, INELIGIBLE),
        unconfirmed=listing.value["occupations"] is None,
    )


def _language(facts: Facts, rules: dict[str, Any], occupation: np.ndarray) -> CriterionColumn:
    """CLB/NCLC in all four abilities at the level the occupation's TEER (or code) needs."""
    by_teer = rules["language_min_clb_by_teer"]
    by_noc = {item["noc"]: item["min_clb"] for item in rules["language_noc_overrides"]}
    needed = np.array(
        [
            int(by_noc.get(noc, by_teer[teer_of(noc)])) if noc else max(by_teer.values())
            for noc in occupation
        ]
    )
    level = lowest_level(facts)
    return CriterionColumn(
        rule=f"{RULE}.language", met=tristate(level >= needed), reference=cite(facts.snapshot, REQUIREMENTS),
        reason=lambda r: msg("provincial.language", level=int(level[r]), needed=int(needed[r])),
        needed=lambda r: msg("provincial.language_needed", needed=int(needed[r])),
    )  # fmt: skip


def _education(facts: Facts, rules: dict[str, Any]) -> CriterionColumn:
    """Secondary school at Canadian standards, or an Alberta post-secondary credential for PGWP holders."""
    minimum = rules["education_min_level"]
    pgwp = facts["in_canada_permit"] == "pgwp"
    alberta = np.array(
        ["AB" in places for places in facts["canadian_credential_places"]], dtype=bool
    )
    if minimum is None:
        met = np.full(facts.size, UNKNOWN, dtype=np.int8)
        return CriterionColumn(
            rule=f"{RULE}.education",
            met=met,
            reason=lambda r: msg(
                "provincial.rule_not_captured", since=facts.snapshot[REQUIREMENTS].since.isoformat()
            ),
            reference=cite(facts.snapshot, REQUIREMENTS),
            unconfirmed=True,
        )
    level = facts["credential_level"]
    general = level >= PROFILE_LEVEL_CODE[minimum]
    pgwp_rule = bool(rules["pgwp_holders_need_alberta_post_secondary"]) & pgwp
    met = tristate(np.where(pgwp_rule, alberta, general))
    return CriterionColumn(
        rule=f"{RULE}.education", met=met, reference=cite(facts.snapshot, REQUIREMENTS),
        reason=lambda r: msg(f"provincial.ab.aos.education{'_pgwp' if pgwp_rule[r] else ''}_{STATE[int(met[r])]}"),
        needed=lambda r: msg("provincial.ab.aos.education_pgwp_needed" if pgwp_rule[r] else "provincial.ab.aos.education_needed"),
    )  # fmt: skip


def _experience(facts: Facts, rules: dict[str, Any]) -> CriterionColumn:
    """Full-time months in the current occupation inside the stream's windows."""
    rule = rules["work_experience"]
    alberta, anywhere, short = (
        facts["ab_aos_months_in_alberta"],
        facts["ab_aos_months_anywhere"],
        facts["ab_aos_months_in_alberta_short"],
    )
    policy = member(facts["in_canada_permit"], ["pgwp", "open_work_permit"])
    met = (alberta + 1e-6 >= rule["in_province"]["months"]) | (
        anywhere + 1e-6 >= rule["anywhere"]["months"]
    )
    met |= policy & (short + 1e-6 >= rule["pgwp_and_policy_open_permits"]["months"])
    return CriterionColumn(
        rule=f"{RULE}.work_experience", met=tristate(met), reference=cite(facts.snapshot, REQUIREMENTS),
        reason=lambda r: msg(
            "provincial.ab.aos.experience", alberta=round(float(alberta[r]), 1), anywhere=round(float(anywhere[r]), 1),
            months=rule["in_province"]["months"], window=rule["in_province"]["window_months"],
            months_anywhere=rule["anywhere"]["months"], window_anywhere=rule["anywhere"]["window_months"],
        ),
        needed=lambda r: msg("provincial.ab.aos.experience_needed", months=rule["pgwp_and_policy_open_permits"]["months"] if policy[r] else rule["in_province"]["months"]),
    )  # fmt: skip


def _offer(facts: Facts, rules: dict[str, Any], occupation: np.ndarray) -> CriterionColumn:
    """A full-time Alberta offer of the minimum term in the current occupation."""
    rule = rules["job_offer"]
    province, noc = facts["job_offer_province"], facts["job_offer_noc"]
    duration = facts["offer_duration_months"]
    long_enough = facts["offer_is_permanent"] | (filled(duration) >= rule["min_term_months"])
    shape = (
        (province == rule["province"])
        & (filled(facts["offer_hours_per_week"]) >= rule["min_hours_per_week"])
        & long_enough
        & (noc == occupation)
    )
    known = (noc == "") | ((province != "") & (facts["offer_is_permanent"] | ~np.isnan(duration)))
    met = tristate(shape, known)
    missing = np.where(province == "", "job_offer.province", "job_offer.duration_months")
    return CriterionColumn(
        rule=f"{RULE}.job_offer", met=met, reference=cite(facts.snapshot, REQUIREMENTS),
        reason=lambda r: msg("provincial.no_job_offer") if not noc[r] else msg("provincial.missing_answer", answer=str(missing[r])) if met[r] == UNKNOWN else msg(f"provincial.ab.aos.offer_{STATE[int(met[r])]}", noc=str(noc[r]), occupation=str(occupation[r]) or "-"),
        needed=lambda r: msg("provincial.ab.aos.offer_needed", hours=rule["min_hours_per_week"], months=rule["min_term_months"]),
    )  # fmt: skip


class AlbertaOpportunityStream(Program):
    """Alberta Opportunity Stream (AAIP)."""

    id = "ab.aos"
    kind = "provincial_nomination"
    uses = (REQUIREMENTS, INTAKE, INELIGIBLE, GRID, *SHARED)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Every criterion of the stream, the Worker EOI score and the planner's facts."""
        snapshot = facts.snapshot
        closed = unavailable(self, facts, INTAKE)
        if closed is not None:
            return closed
        intake = snapshot[INTAKE]
        if not intake.value["open"]:
            return blocked(
                self,
                facts,
                msg("provincial.paused", since=intake.since.isoformat()),
                "closed",
                cite(snapshot, INTAKE),
            )
        rules = snapshot.value(REQUIREMENTS)
        occupation = facts["ab_aos_occupation"]
        criteria = [
            _permit(facts, rules), _in_alberta(facts), _occupation(facts, occupation), _language(facts, rules, occupation),
            _education(facts, rules), _experience(facts, rules), _offer(facts, rules, occupation),
        ]  # fmt: skip
        grid = shared_worker_eoi(facts) if snapshot.is_in_force(GRID) else None
        policy = member(facts["in_canada_permit"], ["pgwp", "open_work_permit"])
        experience = rules["work_experience"]

        def score(row: int) -> dict[str, Any]:
            assert grid is not None
            found = {"grid": "ab.worker_eoi", **grid.detail(row)}
            found["draws"] = draw_context(self.id, facts.on, found["points"])
            return found

        def planner(row: int) -> dict[str, Any]:
            months = experience["pgwp_and_policy_open_permits" if policy[row] else "in_province"][
                "months"
            ]
            return nomination_facts(
                facts,
                row,
                "AB",
                "base",
                months,
                closes_on(snapshot, INTAKE),
                {"entry": intake.value["entry"]},
            )

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot),
            score=grid.total if grid is not None else None, score_detail=score if grid is not None else None, facts=planner,
        )  # fmt: skip


register(AlbertaOpportunityStream())
