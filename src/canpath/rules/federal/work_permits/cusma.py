"""CUSMA professionals (IRPR 204(a), T36; T23 before 2022-12-15): an LMIA-exempt work permit for a
US or Mexican citizen with pre-arranged employment in one of 63 professions, holding its credential.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import FALSE, TRUE, CriterionColumn, cite, register, tristate
from canpath.reference.noc import teer_of
from canpath.rules.federal.work_permits.base import (
    PRIORITY,
    STANDARDS,
    Fee,
    WorkPermitProgram,
    best_of,
    citizenship_sets,
    exempt_processing_weeks,
    from_rows,
    offer_criterion,
    word,
    work_permit_fees,
)
from canpath.rules.federal.work_permits.cusma_professions import (
    PROFESSION_NOCS,
    PROFESSIONS,
    Candidate,
    assess_candidates,
)
from canpath.rules.registry import rule

CUSMA = "federal.imp.cusma"
ELIGIBILITY = f"{CUSMA}.eligibility"
CODES = f"{CUSMA}.exemption_codes"
PERMIT = f"{CUSMA}.permit"
APPLICATION = f"{CUSMA}.application"
RULE = "federal.imp.cusma.professional"


@rule(uses=(ELIGIBILITY,))
def citizenship_criterion(facts: Facts, rule_id: str) -> CriterionColumn:
    """CUSMA covers citizens of the United States and Mexico only, not their permanent residents."""
    allowed = set(facts.snapshot.value(ELIGIBILITY)["citizenships"])
    held = citizenship_sets(facts)
    met = tristate([bool(codes & allowed) for codes in held])
    statuses = facts["us_status"]
    residence = facts["country_of_residence"]

    def reason(r: int) -> Message:
        codes = ", ".join(sorted(held[r])) or "-"
        if met[r] == TRUE:
            return msg("wp.cusma.citizen_met", codes=", ".join(sorted(held[r] & allowed)))
        resident = statuses[r] == "permanent_resident" or residence[r] in allowed
        return msg(
            "wp.cusma.citizen_resident" if resident else "wp.cusma.citizen_not_met",
            codes=codes,
            country=residence[r] or "-",
        )

    return CriterionColumn(
        rule=rule_id, met=met, reason=reason, reference=cite(facts.snapshot, ELIGIBILITY)
    )


def candidates_of(facts: Facts) -> list[list[Candidate]]:
    """Every row's candidate professions with the person's credential status (once per batch)."""

    def build() -> list[list[Candidate]]:
        snapshot = facts.snapshot
        professions = snapshot.value(PROFESSIONS)["professions"]
        mapping = snapshot.value(PROFESSION_NOCS)["professions"]
        return [
            assess_candidates(
                str(noc), str(title), held, licences, float(years), professions, mapping
            )
            for noc, title, held, licences, years in zip(
                facts["job_offer_noc"],
                facts["job_offer_title"],
                facts["cusma_credentials"],
                facts["licences"],
                facts["offer_field_experience_years"],
                strict=True,
            )
        ]

    return facts.memo("cusma.candidates", build)  # type: ignore[no-any-return]


def _names(found: list[Candidate]) -> str:
    return ", ".join(str(c.profession["title"]) for c in found) or "-"


class CusmaProfessional(WorkPermitProgram):
    """CUSMA professional: a listed profession, its credential, citizenship, pre-arranged work."""

    id = "cusma.professional"
    defining = PROFESSIONS
    uses = (
        ELIGIBILITY,
        PROFESSIONS,
        PROFESSION_NOCS,
        CODES,
        PERMIT,
        APPLICATION,
        PRIORITY,
        STANDARDS,
        "federal.imp.fees",
    )

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        teers = set(snapshot.value(ELIGIBILITY)["professional_offer_teer"])
        codes = facts["job_offer_noc"]
        titles = facts["job_offer_title"]
        teer_met = tristate([bool(code) and teer_of(str(code)) in teers for code in codes])
        found = candidates_of(facts)
        matched = tristate([bool(items) for items in found])
        flagged = any(items and all(c.flagged for c in items) for items in found)
        return [
            offer_criterion(facts, f"{RULE}.prearranged_employment", ELIGIBILITY, "wp.cusma.offer"),
            CriterionColumn(
                rule=f"{RULE}.teer",
                met=teer_met,
                reference=cite(snapshot, ELIGIBILITY),
                reason=lambda r: (
                    msg(
                        f"wp.cusma.teer_{word(teer_met[r])}",
                        noc=codes[r],
                        teer=teer_of(str(codes[r])),
                    )
                    if codes[r]
                    else msg("wp.no_occupation")
                ),
            ),
            CriterionColumn(
                rule=f"{RULE}.profession",
                met=matched,
                reference=cite(snapshot, PROFESSION_NOCS),
                unconfirmed=flagged,
                reason=lambda r: msg(
                    f"wp.cusma.profession_{word(matched[r])}"
                    + ("_alternative" if found[r] and all(c.flagged for c in found[r]) else ""),
                    noc=codes[r] or "-",
                    title=titles[r] or "-",
                    professions=_names(found[r]),
                ),
                needed=lambda r: msg("wp.cusma.profession_needed"),
            ),
        ]

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        found = candidates_of(facts)
        met = from_rows(
            [best_of([c.credential for c in items]) if items else FALSE for items in found]
        )
        highest = facts["highest_credential"]

        def reason(r: int) -> Message:
            chosen = [c for c in found[r] if c.credential == met[r]] or found[r]
            if not chosen:
                return msg("wp.cusma.credential_none")
            best = chosen[0]
            level = msg(f"wp.level.{highest[r].level}") if highest[r] else msg("wp.level.none")
            field = highest[r].field if highest[r] and highest[r].field else "-"
            return msg(
                f"wp.cusma.credential_{word(met[r])}",
                profession=best.profession["title"],
                requirement=best.profession["requirement_text"],
                level=level,
                field=field,
            )

        return [
            citizenship_criterion(facts, f"{RULE}.citizenship"),
            CriterionColumn(
                rule=f"{RULE}.credential",
                met=met,
                reason=reason,
                reference=cite(facts.snapshot, PROFESSIONS),
                needed=lambda r: msg(
                    "wp.cusma.credential_needed",
                    requirements="; ".join(
                        f"{c.profession['title']}: {c.profession['requirement_text']}"
                        for c in found[r]
                    )
                    or "-",
                ),
            ),
        ]

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        snapshot = facts.snapshot
        code = str(facts["job_offer_noc"][row])
        permit = snapshot.value(PERMIT)["professional"]
        where = snapshot.value(APPLICATION)
        return {
            "leads_to": "work_permit",
            "permit": "cusma",
            "exemption_code": snapshot.value(CODES)["professional"],
            "processing_weeks": exempt_processing_weeks(snapshot, code),
            "apply_at": {country: list(where[country]) for country in ("US", "MX")},
            "permit_length_months": permit["initial_months"],
            "renewable": True,
            "extension_months": permit["extension_months"],
            "counts_as_skilled_canadian_experience": True,
            "employer_specific": permit["employer_specific"],
            "closes_on": None,
            "candidate_professions": [
                {
                    "id": c.profession["id"],
                    "title": c.profession["title"],
                    "match": c.match,
                    "credential_met": {TRUE: True, FALSE: False}.get(c.credential),
                    "requirement": c.profession["requirement_text"],
                }
                for c in candidates_of(facts)[row]
            ],
        }

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        return work_permit_fees(facts.snapshot, open_permit=False, compliance=True)

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        return [
            msg(
                "wp.cusma.candidates",
                profession=c.profession["title"],
                requirement=c.profession["requirement_text"],
                match=msg(f"wp.cusma.match.{c.match}"),
            )
            for c in candidates_of(facts)[row]
        ]


def has_us_citizenship(facts: Facts) -> np.ndarray:
    """Rows holding US citizenship (exempt from biometrics for a work permit)."""
    return np.array(["US" in codes for codes in citizenship_sets(facts)], dtype=bool)


register(CusmaProfessional())
