"""Contract profiles to flat-layout rows, through the derivers (what the rules read on a date).

Used to write the template (`examples/batch/template.csv`: the example profiles as flat rows)
and by tests: a profile's flat row, scored by the batch, must give what the profile gives.

    python -m canpath.batch.from_profiles --on 2026-06-01 -o examples/batch/template.csv examples/profiles/*.yaml
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv

from canpath.batch.layout import fields
from canpath.facts import Facts
from canpath.params import RULES
from canpath.profile import Profile, load_profile
from canpath.rules.federal.express_entry.derived import choose_languages
from canpath.rules.federal.express_entry.education import CANADIAN_CREDENTIAL, LEVELS
from canpath.rules.federal.language import ABILITIES

SAME = ("canadian_work_years", "foreign_work_years", "has_certificate_of_qualification", "has_enhanced_nomination",
        "has_sibling_in_canada", "spouse_canadian_work_years", "spouse_has_canadian_study", "has_canadian_study",
        "fsw_continuous_hours", "fsw_grid_work_years", "cec_hours_teer_0_1", "cec_hours_teer_2_3",
        "fst_trade_hours", "is_authorized_to_work")  # fmt: skip


def _spouse(profile: Profile) -> str:
    spouse = profile.spouse
    if spouse is None:
        return "none"
    if spouse.canadian_citizen_or_pr:
        return "canadian"
    return "accompanying" if spouse.accompanying else "not_accompanying"


def _offer(profile: Profile, on: date) -> tuple[str | None, str, str | None]:
    """The offer's NOC when it has the shape the layout asks for (full-time, long enough)."""
    offer = profile.job_offer
    if offer is None:
        return None, "none", None
    rules = RULES.at(on).value("federal.express_entry.job_offer")
    shaped = offer.hours_per_week >= rules["min_hours_per_week"] and (
        offer.permanent or (offer.duration_months or 0) >= rules["min_duration_months"])  # fmt: skip
    return (offer.noc if shaped else None), offer.lmia, offer.employer


def flat_rows(profiles: Sequence[Profile], on: date) -> list[dict[str, Any]]:
    """One flat-layout row per profile, as the rules see the person on `on`."""
    facts = Facts.of(profiles, on, RULES.at(on))
    rows = []
    for index, profile in enumerate(profiles):
        row: dict[str, Any] = {
            "id": profile.id,
            "birth_date": profile.birth_date,
            "spouse": _spouse(profile),
        }
        row["education_level"] = LEVELS[int(facts["education_level"][index])]
        row["canadian_credential"] = CANADIAN_CREDENTIAL[int(facts["canadian_credential"][index])]
        for prefix, column in (("english_clb", "english_clb"), ("french_nclc", "french_nclc")):
            row.update(
                {
                    f"{prefix}_{a}": int(v)
                    for a, v in zip(ABILITIES, facts[column][index], strict=True)
                }
            )
        row["first_official_language"] = profile.first_official_language
        row.update({name: facts[name][index].item() for name in SAME})
        row["job_offer_noc"], row["job_offer_lmia"], row["job_offer_employer"] = _offer(profile, on)
        row["spouse_education_level"] = LEVELS[int(facts["spouse_education_level"][index])]
        choice = (
            choose_languages(profile.spouse.languages, on)
            if profile.has_scored_spouse and profile.spouse
            else None
        )
        for prefix, language in (
            ("spouse_english_clb", "english"),
            ("spouse_french_nclc", "french"),
        ):
            levels = choice.levels(language) if choice else [0, 0, 0, 0]
            row.update({f"{prefix}_{a}": int(v) for a, v in zip(ABILITIES, levels, strict=True)})
        row.update(
            funds_cad=profile.funds_cad,
            family_size=profile.family_size,
            relative_in_canada=profile.relative_in_canada,
        )
        for name in facts.detail("express_entry_categories", index) or {}:
            row[f"category_hours_{name}"] = float(facts[f"category_hours_{name}"][index])
        rows.append(row)
    return rows


def flat_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    """Rows as a table with every layout column (but age_years), empty where a row has no value."""
    names = [field.name for field in fields() if field.name != "age_years"]
    return pa.table({name: [row.get(name) for row in rows] for name in names})


def main(arguments: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write profiles as flat-layout CSV rows.")
    parser.add_argument("profiles", nargs="+", type=Path)
    parser.add_argument("--on", required=True, type=date.fromisoformat)
    parser.add_argument("-o", "--output", required=True, type=Path)
    options = parser.parse_args(arguments)
    profiles = [load_profile(path) for path in options.profiles]
    profiles = [
        p if p.id else p.model_copy(update={"id": path.stem})
        for p, path in zip(profiles, options.profiles, strict=True)
    ]
    table = flat_table(flat_rows(profiles, options.on))
    pacsv.write_csv(table, options.output, write_options=pacsv.WriteOptions(quoting_style="needed"))


if __name__ == "__main__":
    main()
