"""The whole CRS over columns: every factor, the part totals with their caps, and the total.

When a profile does not say which official language is first, both assignments are scored and
the higher one is kept (the CRS tool asks the candidate to choose; choosing well is what a careful
candidate does).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from canpath.facts import Facts
from canpath.params import Snapshot
from canpath.params.lookup import IntArray, number
from canpath.rules.federal.express_entry.crs import additional, core, spouse, transferability
from canpath.rules.registry import REGISTRY, rule

CAPS = "federal.express_entry.crs.caps"

PARTS = ("core", "spouse", "transferability", "additional")
FACTORS: dict[str, tuple[tuple[str, str], ...]] = {
    "core": (
        ("age", "federal.express_entry.crs.core.age_points"),
        ("education", "federal.express_entry.crs.core.education_points"),
        ("first_official_language", "federal.express_entry.crs.core.first_official_language_points"),
        ("second_official_language", "federal.express_entry.crs.core.second_official_language_points"),
        ("canadian_work_experience", "federal.express_entry.crs.core.canadian_work_experience_points"),
    ),
    "spouse": (
        ("education", "federal.express_entry.crs.spouse.spouse_education_points"),
        ("official_language", "federal.express_entry.crs.spouse.spouse_official_language_points"),
        ("canadian_work_experience", "federal.express_entry.crs.spouse.spouse_canadian_work_experience_points"),
    ),
    "transferability": (
        ("education_with_language", "federal.express_entry.crs.transferability.education_with_language_points"),
        ("education_with_canadian_work", "federal.express_entry.crs.transferability.education_with_canadian_work_points"),
        ("foreign_work_with_language", "federal.express_entry.crs.transferability.foreign_work_with_language_points"),
        ("foreign_work_with_canadian_work", "federal.express_entry.crs.transferability.foreign_work_with_canadian_work_points"),
        ("certificate_of_qualification", "federal.express_entry.crs.transferability.certificate_of_qualification_points"),
    ),
    "additional": (
        ("provincial_nomination", "federal.express_entry.crs.additional.provincial_nomination_points"),
        ("arranged_employment", "federal.express_entry.crs.additional.arranged_employment_points"),
        ("canadian_study", "federal.express_entry.crs.additional.canadian_study_points"),
        ("french_language", "federal.express_entry.crs.additional.french_language_points"),
        ("sibling_in_canada", "federal.express_entry.crs.additional.sibling_in_canada_points"),
    ),
}  # fmt: skip


@dataclass
class CrsColumns:
    """Points per row for every factor, group and part, and which language was taken as first."""

    factors: dict[str, dict[str, IntArray]]
    groups: dict[str, IntArray]
    parts: dict[str, IntArray]
    total: IntArray
    first_language_is_french: np.ndarray

    def __len__(self) -> int:
        return len(self.total)


# Parameters read while deriving the CRS columns from a profile.
DERIVATION_PARAMETERS = (
    "federal.express_entry.skilled_work",
    "federal.express_entry.crs.work_experience_window",
    "federal.express_entry.crs.canadian_work_exclusions",
    "federal.express_entry.eca_validity",
    "federal.express_entry.job_offer",
    "federal.language.result_validity",
)


def parameters_used() -> set[str]:
    """Every parameter id the CRS reads (for warnings and provenance)."""
    used = {CAPS, *DERIVATION_PARAMETERS}
    for factors in FACTORS.values():
        for _, rule_id in factors:
            used.update(REGISTRY[rule_id].uses)
    return used


def _language_dependent(
    first: IntArray, second: IntArray, facts: Facts, with_spouse: np.ndarray, snapshot: Snapshot
) -> dict[str, IntArray]:
    minimum = first.min(axis=1)
    level = facts["education_level"]
    return {
        "first_official_language": core.first_official_language_points(
            first, with_spouse, snapshot
        ),
        "second_official_language": core.second_official_language_points(
            second, with_spouse, snapshot
        ),
        "education_with_language": transferability.education_with_language_points(
            level, minimum, snapshot
        ),
        "foreign_work_with_language": transferability.foreign_work_with_language_points(
            facts["foreign_work_years"], minimum, snapshot
        ),
        "certificate_of_qualification": transferability.certificate_of_qualification_points(
            facts["has_certificate_of_qualification"], minimum, snapshot
        ),
    }


def crs_of(facts: Facts) -> CrsColumns:
    """The CRS of every row of `facts`, computed once per batch and shared by every rule."""
    return facts.memo("crs", lambda: crs_columns(facts, facts.snapshot))  # type: ignore[no-any-return]


@rule(uses=(CAPS,))
def crs_columns(facts: Facts, snapshot: Snapshot) -> CrsColumns:
    """The CRS of every row: factors, capped groups and parts, and the capped total."""
    with_spouse = facts["is_scored_with_spouse"]
    english, french = facts["english_clb"], facts["french_nclc"]
    english_first = _language_dependent(english, french, facts, with_spouse, snapshot)
    french_first = _language_dependent(french, english, facts, with_spouse, snapshot)
    choice = facts["first_official_language"]
    better_french = sum(french_first.values()) > sum(english_first.values())
    is_french = np.where(choice == 0, better_french, choice == 2)
    language = {
        name: np.where(is_french, french_first[name], english_first[name]) for name in english_first
    }

    canadian_years = facts["canadian_work_years"]
    level = facts["education_level"]
    caps = snapshot[CAPS]
    factors = {
        "core": {
            "age": core.age_points(facts["age_years"], with_spouse, snapshot),
            "education": core.education_points(level, with_spouse, snapshot),
            "first_official_language": language["first_official_language"],
            "second_official_language": language["second_official_language"],
            "canadian_work_experience": core.canadian_work_experience_points(
                canadian_years, with_spouse, snapshot
            ),
        },
        "spouse": {
            "education": spouse.spouse_education_points(
                facts["spouse_education_level"], with_spouse, snapshot
            ),
            "official_language": spouse.spouse_official_language_points(
                facts["spouse_clb"], with_spouse, snapshot
            ),
            "canadian_work_experience": spouse.spouse_canadian_work_experience_points(
                facts["spouse_canadian_work_years"], with_spouse, snapshot
            ),
        },
        "transferability": {
            "education_with_language": language["education_with_language"],
            "education_with_canadian_work": transferability.education_with_canadian_work_points(
                level, canadian_years, snapshot
            ),
            "foreign_work_with_language": language["foreign_work_with_language"],
            "foreign_work_with_canadian_work": transferability.foreign_work_with_canadian_work_points(
                facts["foreign_work_years"], canadian_years, snapshot
            ),
            "certificate_of_qualification": language["certificate_of_qualification"],
        },
        "additional": {
            "provincial_nomination": additional.provincial_nomination_points(
                facts["has_enhanced_nomination"], snapshot
            ),
            "arranged_employment": additional.arranged_employment_points(
                facts["arranged_employment"], facts["arranged_employment_is_lmia_backed"], snapshot
            ),
            "canadian_study": additional.canadian_study_points(
                facts["canadian_credential"], snapshot
            ),
            "french_language": additional.french_language_points(french, english, snapshot),
            "sibling_in_canada": additional.sibling_in_canada_points(
                facts["has_sibling_in_canada"], snapshot
            ),
        },
    }
    transfer = factors["transferability"]
    education_group, foreign_group, certificate_group = transferability.group_caps(
        transfer["education_with_language"] + transfer["education_with_canadian_work"],
        transfer["foreign_work_with_language"] + transfer["foreign_work_with_canadian_work"],
        transfer["certificate_of_qualification"],
        snapshot,
    )
    core_cap = np.where(
        with_spouse, number(caps, "core_with_spouse"), number(caps, "core_without_spouse")
    )
    core_total = np.minimum(sum(factors["core"].values()), core_cap)
    spouse_total = np.minimum(sum(factors["spouse"].values()), number(caps, "spouse"))
    spouse_total = np.minimum(spouse_total, number(caps, "core_plus_spouse") - core_total)
    parts = {
        "core": core_total,
        "spouse": spouse_total,
        "transferability": np.minimum(
            education_group + foreign_group + certificate_group, number(caps, "transferability")
        ),
        "additional": np.minimum(sum(factors["additional"].values()), number(caps, "additional")),
    }
    total = np.minimum(sum(parts.values()), number(caps, "total"))
    return CrsColumns(
        factors={
            part: {k: np.asarray(v, dtype=np.int16) for k, v in f.items()}
            for part, f in factors.items()
        },
        groups={
            "education": education_group,
            "foreign_work": foreign_group,
            "certificate": certificate_group,
        },
        parts={name: np.asarray(value, dtype=np.int16) for name, value in parts.items()},
        total=np.asarray(total, dtype=np.int16),
        first_language_is_french=np.asarray(is_french, dtype=bool),
    )
