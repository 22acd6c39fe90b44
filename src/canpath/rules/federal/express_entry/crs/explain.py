"""A CRS row, explained: each factor's points with what was read and where the rule comes from."""

from __future__ import annotations

from datetime import date
from typing import Any

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.params.lookup import number
from canpath.results import Citation, CrsResult, Factor, Part
from canpath.rules.federal.express_entry.crs.score import CAPS, FACTORS, CrsColumns, parameters_used
from canpath.rules.federal.express_entry.derived import ExpressEntryDetail
from canpath.rules.federal.express_entry.education import CANADIAN_CREDENTIAL, LEVELS
from canpath.rules.federal.language import ABILITIES, TEST_NAMES, LanguageLevels
from canpath.rules.registry import REGISTRY

MAXIMUM_KEYS = {
    "core": ("core_with_spouse", "core_without_spouse"),
    "spouse": ("spouse", "spouse"),
    "transferability": ("transferability", "transferability"),
    "additional": ("additional", "additional"),
}


def _levels_text(levels: Any) -> str:
    return " ".join(
        f"{ability[0].upper()}{int(level)}"
        for ability, level in zip(ABILITIES, levels, strict=True)
    )


def _test_text(chosen: LanguageLevels | None) -> str:
    if chosen is None:
        return ""
    taken = f", {chosen.taken.isoformat()}" if chosen.taken else ""
    return f"{TEST_NAMES[chosen.test]}{taken}"


def _details(facts: Facts, row: int, columns: CrsColumns) -> dict[str, dict[str, Message]]:
    is_french = bool(columns.first_language_is_french[row])
    first, second = ("french_nclc", "english_clb") if is_french else ("english_clb", "french_nclc")
    detail: ExpressEntryDetail | None = facts.detail("express_entry", row)
    chosen: dict[str, LanguageLevels | None] = {"english_clb": None, "french_nclc": None}
    if detail is not None:
        chosen = {"english_clb": detail.languages.english, "french_nclc": detail.languages.french}
    canadian_years = int(facts["canadian_work_years"][row])
    foreign_years = int(facts["foreign_work_years"][row])
    level = msg(f"education.{LEVELS[int(facts['education_level'][row])]}")

    def language(column: str) -> Message:
        if not facts[column][row].any():
            return msg("crs.detail.no_language", language=msg(f"language.{column}"))
        return msg(
            "crs.detail.language",
            language=msg(f"language.{column}"),
            levels=_levels_text(facts[column][row]),
            test=_test_text(chosen[column]),
        )

    hours = ""
    if detail is not None:
        hours = f"{detail.work.canadian_hours:,.0f} h / {detail.work.foreign_hours:,.0f} h"
    return {
        "core": {
            "age": msg("crs.detail.age", age=int(facts["age_years"][row])),
            "education": msg("crs.detail.education", level=level),
            "first_official_language": language(first),
            "second_official_language": language(second),
            "canadian_work_experience": msg("crs.detail.canadian_years", years=canadian_years, hours=hours),
        },
        "spouse": {
            "education": msg("crs.detail.education", level=msg(f"education.{LEVELS[int(facts['spouse_education_level'][row])]}")),
            "official_language": msg("crs.detail.spouse_language", levels=_levels_text(facts["spouse_clb"][row])),
            "canadian_work_experience": msg("crs.detail.years", years=int(facts["spouse_canadian_work_years"][row])),
        },
        "transferability": {
            "education_with_language": msg("crs.detail.education_language", level=level, minimum=int(facts[first][row].min())),
            "education_with_canadian_work": msg("crs.detail.education_canadian", level=level, years=canadian_years),
            "foreign_work_with_language": msg("crs.detail.foreign_language", years=foreign_years, minimum=int(facts[first][row].min())),
            "foreign_work_with_canadian_work": msg("crs.detail.foreign_canadian", years=foreign_years, canadian=canadian_years),
            "certificate_of_qualification": msg(
                "crs.detail.certificate_yes" if facts["has_certificate_of_qualification"][row] else "crs.detail.certificate_no"
            ),
        },
        "additional": {
            "provincial_nomination": msg("crs.detail.nomination_yes" if facts["has_enhanced_nomination"][row] else "crs.detail.nomination_no"),
            "arranged_employment": msg(f"crs.detail.arranged_employment_{int(facts['arranged_employment'][row])}"),
            "canadian_study": msg(f"crs.detail.canadian_study_{CANADIAN_CREDENTIAL[int(facts['canadian_credential'][row])]}"),
            "french_language": msg("crs.detail.french", levels=_levels_text(facts["french_nclc"][row])),
            "sibling_in_canada": msg("crs.detail.sibling_yes" if facts["has_sibling_in_canada"][row] else "crs.detail.sibling_no"),
        },
    }  # fmt: skip


def _citation(facts: Facts, rule_id: str) -> Citation | None:
    for parameter_id in REGISTRY[rule_id].uses:
        return Citation.of(facts.snapshot[parameter_id].reference)
    return None


def rules_as_of(facts: Facts) -> date:
    """The date of the latest rule change behind this CRS (the newest value in force)."""
    snapshot = facts.snapshot
    return max(snapshot[pid].since for pid in parameters_used() if snapshot.is_in_force(pid))


def derived_inputs(facts: Facts, row: int, columns: CrsColumns) -> dict[str, Any]:
    """What canpath derived from the profile, in the words of the CRS."""
    found: dict[str, Any] = {
        "age_years": int(facts["age_years"][row]),
        "education_level": LEVELS[int(facts["education_level"][row])],
        "canadian_credential": CANADIAN_CREDENTIAL[int(facts["canadian_credential"][row])],
        "english_clb": dict(zip(ABILITIES, map(int, facts["english_clb"][row]), strict=True)),
        "french_nclc": dict(zip(ABILITIES, map(int, facts["french_nclc"][row]), strict=True)),
        "canadian_work_years": int(facts["canadian_work_years"][row]),
        "foreign_work_years": int(facts["foreign_work_years"][row]),
    }
    detail: ExpressEntryDetail | None = facts.detail("express_entry", row)
    if detail is not None:
        found["canadian_work_hours"] = round(detail.work.canadian_hours, 1)
        found["foreign_work_hours"] = round(detail.work.foreign_hours, 1)
        found["language_tests_used"] = [
            {"test": chosen.test, "taken": chosen.taken.isoformat() if chosen.taken else None,
             "expires": chosen.expires.isoformat() if chosen.expires else None}
            for chosen in (detail.languages.english, detail.languages.french) if chosen
        ]  # fmt: skip
        found["language_tests_set_aside"] = [
            {"test": item.test, "reason": item.problem or "a better result in the same language"}
            for item in detail.languages.set_aside
        ]
        found["credentials_not_counted"] = [
            {"index": index, "reason": reason} for index, reason in detail.education.not_counted
        ]
        if detail.spouse_work is not None:
            found["spouse_canadian_work_years"] = detail.spouse_work.canadian_years
    return found


def explain_row(
    facts: Facts, columns: CrsColumns, row: int, profile_id: str | None = None
) -> CrsResult:
    """The CRS of one row with every factor explained."""
    with_spouse = bool(facts["is_scored_with_spouse"][row])
    caps = facts.snapshot[CAPS]
    details = _details(facts, row, columns)
    parts = {}
    for part_name, factors in FACTORS.items():
        keys = MAXIMUM_KEYS[part_name]
        parts[part_name] = Part(
            name=part_name,
            total=int(columns.parts[part_name][row]),
            maximum=int(number(caps, keys[0] if with_spouse else keys[1]))
            if with_spouse or part_name != "spouse"
            else 0,
            factors=tuple(
                Factor(
                    name=name,
                    points=int(columns.factors[part_name][name][row]),
                    rule=rule_id,
                    detail=details[part_name][name]
                    if with_spouse or part_name != "spouse"
                    else None,
                    reference=_citation(facts, rule_id),
                )
                for name, rule_id in factors
            ),
            note=None if with_spouse or part_name != "spouse" else msg("crs.note.no_spouse"),
        )
    notes = []
    detail: ExpressEntryDetail | None = facts.detail("express_entry", row)
    choice = int(facts["first_official_language"][row])
    if choice == 0 and facts["english_clb"][row].any() and facts["french_nclc"][row].any():
        notes.append(
            msg(
                "crs.note.first_language_chosen",
                language=msg(
                    "language.french"
                    if columns.first_language_is_french[row]
                    else "language.english"
                ),
            )
        )
    if detail is not None:
        notes.extend(msg("crs.note.plain", text=text) for text in detail.notes)
        notes.extend(
            msg("crs.note.test_set_aside", test=TEST_NAMES[item.test], reason=item.problem)
            for item in detail.languages.set_aside if item.problem
        )  # fmt: skip
    return CrsResult(
        total=int(columns.total[row]),
        parts=parts,
        on=facts.on,
        rules_as_of=rules_as_of(facts),
        first_official_language="french" if columns.first_language_is_french[row] else "english",
        scored_with_spouse=with_spouse,
        derived=derived_inputs(facts, row, columns),
        warnings=facts.snapshot.warnings(parameters_used()),
        notes=notes,
        profile_id=profile_id,
    )
