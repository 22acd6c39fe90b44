"""CUSMA professions a job offer may fall under, and whether a person holds the credential of each.

Candidates come from the offer's NOC code (the profession's unit groups, or groups where IRCC's
alternative-title rule may apply) and from its job title (the profession's title terms, as whole
words). Each profession's credential is an any-of list of alternatives, each an all-of set of
conditions (see `federal.imp.cusma.professions`); a condition canpath cannot read from a profile
(which named degree, a training course, "theoretical knowledge") is unknown, never assumed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canpath.programs import FALSE, TRUE, UNKNOWN
from canpath.rules.federal.work_permits.base import all_of, best_of
from canpath.rules.registry import rule

PROFESSIONS = "federal.imp.cusma.professions"
PROFESSION_NOCS = "federal.imp.cusma.profession_nocs"
Profession = Mapping[str, Any]
# Credentials named by a specific degree or designation that a profile's education level cannot
# tell apart from any other degree: a degree makes them unknown, no degree makes them unmet.
NAMED_DEGREES = {"law_degree", "dental_degree", "medical_degree", "veterinary_degree", "mls", "bls"}
LICENCE_KINDS = {
    "state_provincial_licence": {"state_provincial_licence"},
    "state_provincial_federal_licence": {"state_provincial_licence", "federal_licence"},
    "accounting_designation": {"accounting_designation"},
    "state_provincial_bar_membership": {"bar_membership"},
}


@dataclass(frozen=True)
class Candidate:
    """A profession the offer may fall under, how it matched, and the person's credential for it."""

    profession: Profession
    match: str
    credential: int = UNKNOWN

    @property
    def flagged(self) -> bool:
        """Matched only through an alternative title: the officer decides."""
        return self.match != "noc"


def _words(text: str) -> str:
    return f" {re.sub(r'[^a-z]+', ' ', text.lower())} "


def _has_term(title: str, terms: Sequence[str]) -> bool:
    lowered = _words(title)
    return any(f" {term} " in lowered or f" {term}s " in lowered for term in terms)


@rule(uses=(PROFESSIONS, PROFESSION_NOCS))
def candidate_professions(
    noc: str, title: str, professions: Sequence[Profession], mapping: Mapping[str, Any]
) -> list[Candidate]:
    """The professions an offer may fall under: by NOC unit group, alternative group, or title."""
    found: list[Candidate] = []
    words = _words(title) if title else ""
    for profession in professions:
        entry = mapping[profession["id"]]
        if noc in entry["nocs"]:
            found.append(Candidate(profession, "noc"))
        elif noc in entry["alternative_nocs"]:
            found.append(Candidate(profession, "alternative"))
        elif words and any(f" {t} " in words or f" {t}s " in words for t in entry["title_terms"]):
            related = {code[:4] for code in [*entry["nocs"], *entry["alternative_nocs"]]}
            if not related or noc[:4] in related:
                found.append(Candidate(profession, "title"))
    return found


def _licence(
    kinds: set[str],
    profession: Profession,
    licences: frozenset[tuple[str, str]],
    terms: Sequence[str],
) -> bool:
    for kind, about in licences:
        if kind in kinds and (
            not about
            or about == profession["id"]
            or _has_term(about, terms)
            or about in profession["title"].lower()
        ):
            return True
    return False


def _alternative(
    item: Mapping[str, Any],
    profession: Profession,
    held: frozenset[str],
    licences: frozenset[tuple[str, str]],
    years: float,
    terms: Sequence[str],
) -> int:
    """Whether the person meets one alternative (an all-of set of conditions)."""
    credential = str(item["credential"])
    results: list[int] = []
    if credential in (
        "baccalaureate_or_licenciatura",
        "licenciatura",
        "post_secondary_diploma_or_certificate",
    ):
        results.append(TRUE if credential in held else FALSE)
        if item.get("field"):
            results.append(UNKNOWN)  # the degree's field must be the one named: an officer reads it
    elif credential in LICENCE_KINDS:
        results.append(
            TRUE if _licence(LICENCE_KINDS[credential], profession, licences, terms) else FALSE
        )
    elif credential in NAMED_DEGREES:
        results.append(UNKNOWN if "baccalaureate_or_licenciatura" in held else FALSE)
    elif credential != "none":
        results.append(UNKNOWN)
    if item.get("experience_years") is not None:
        results.append(TRUE if years + 1e-6 >= float(item["experience_years"]) else FALSE)
    if item.get("plus"):
        results.append(
            TRUE
            if any(kind == "disaster_relief_claims_training" for kind, _ in licences)
            else UNKNOWN
        )
    if item.get("requires"):
        results.append(UNKNOWN)
    return all_of(results)


@rule(uses=(PROFESSIONS,))
def credential_met(
    profession: Profession,
    held: frozenset[str],
    licences: frozenset[tuple[str, str]],
    years: float,
    terms: Sequence[str],
) -> int:
    """Whether the person holds the profession's minimum education or an alternative credential."""
    return best_of(
        [
            _alternative(item, profession, held, licences, years, terms)
            for item in profession["alternatives"]
        ]
    )


def assess_candidates(
    noc: str,
    title: str,
    held: frozenset[str],
    licences: frozenset[tuple[str, str]],
    years: float,
    professions: Sequence[Profession],
    mapping: Mapping[str, Any],
) -> list[Candidate]:
    """Candidate professions with the person's credential status for each, best first."""
    found = [
        Candidate(
            c.profession,
            c.match,
            credential_met(
                c.profession, held, licences, years, mapping[c.profession["id"]]["title_terms"]
            ),
        )
        for c in candidate_professions(noc, title, professions, mapping)
    ]
    rank = {TRUE: 0, UNKNOWN: 1, FALSE: 2}
    return sorted(found, key=lambda c: (c.match != "noc", rank[c.credential]))
