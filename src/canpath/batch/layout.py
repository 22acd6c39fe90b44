"""The flat layout: one row per person, one column per fact the rules read (docs/batch.md).

Each `Field` says its name, type, meaning, and what an empty cell means: a default (the value a
profile without that information would give), "unknown" (programs that need the column give no
verdict for the row, never a guess), or required. Values are as of the assessment date (`--on`):
years and hours of work are counted the way the rules count them on that date.

`json_schema()` is the JSON Schema of one row, shipped as `examples/batch/flat-layout.schema.json`
(regenerate with `python -m canpath.batch.layout FILE`).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from canpath.rules.federal.express_entry.education import (
    CANADIAN_CREDENTIAL,
    LEVEL_CODE,
    PROFILE_TO_LEVEL,
)
from canpath.rules.federal.language import ABILITIES

Kind = Literal["text", "date", "integer", "number", "boolean", "choice", "noc"]
CATEGORIES = "federal.express_entry.categories"

UNKNOWN = "unknown: programs that need it give no verdict (null) for the row"
EDUCATION_CODES = {name: LEVEL_CODE[level] for name, level in PROFILE_TO_LEVEL.items()}
SPOUSE_CODES = {"none": 0, "accompanying": 1, "not_accompanying": 2, "canadian": 3}
LMIA_CODES = {"none": 0, "approved": 1, "exempt": 2}
LANGUAGE_CODES = {"english": 1, "french": 2}  # empty: 0, the better of the two (as in profiles)


@dataclass(frozen=True)
class Field:
    """One column of the flat layout."""

    name: str
    kind: Kind
    description: str
    empty: str = "default"
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    codes: Mapping[str, int] | None = None

    @property
    def is_unknown_when_empty(self) -> bool:
        return self.empty == UNKNOWN


def _levels(prefix: str, scale: str, whose: str) -> list[Field]:
    return [
        Field(f"{prefix}_{ability}", "integer", f"{whose} {scale} level in {ability} (0-12; 0 = no valid result)",
              "0 (no valid result)", 0, 0, 12)
        for ability in ABILITIES
    ]  # fmt: skip


@functools.cache
def occupation_categories() -> tuple[str, ...]:
    """Ids of every occupation category in any dated value of the categories parameter."""
    from canpath.params import RULES

    found: dict[str, None] = {}
    for entry in RULES.parameter(CATEGORIES).content.values.values():
        for name, category in (entry.value or {}).get("categories", {}).items():
            if category["kind"] == "occupation":
                found[name] = None
    return tuple(found)


@functools.cache
def fields() -> tuple[Field, ...]:
    """Every column of the flat layout, in template order."""
    hours = "hours (full-time equivalent, 30 a week counted at most)"
    return (
        Field("id", "text", "an identifier carried into the output", "the 1-based row number"),
        Field("birth_date", "date", "date of birth, YYYY-MM-DD (gives age on the assessment date)",
              "required, unless the file has an age_years column instead"),
        Field("age_years", "integer", "age in completed years on the assessment date (instead of birth_date)",
              "required when the file has this column", None, 0, 130),
        Field("spouse", "choice", "spouse or common-law partner: none, accompanying, not_accompanying, or "
              "canadian (a citizen or PR); only an accompanying spouse who is not canadian is scored",
              "none", "none", codes=SPOUSE_CODES),
        Field("education_level", "choice", "highest credential that counts (Canadian, or foreign with a valid "
              "ECA): " + ", ".join(EDUCATION_CODES), "less_than_secondary", "less_than_secondary",
              codes=EDUCATION_CODES),
        Field("canadian_credential", "choice", "Canadian post-secondary credential for additional points: "
              + ", ".join(CANADIAN_CREDENTIAL), "none", "none",
              codes={name: code for code, name in enumerate(CANADIAN_CREDENTIAL)}),
        *_levels("english_clb", "CLB", "English"),
        *_levels("french_nclc", "NCLC", "French"),
        Field("first_official_language", "choice", "english or french", "the one that scores higher",
              codes=LANGUAGE_CODES),
        Field("canadian_work_years", "integer", "whole years of skilled (TEER 0-3) Canadian work in the last 10 years",
              "0", 0, 0, 60),
        Field("foreign_work_years", "integer", "whole years of skilled foreign work in the last 10 years",
              "0", 0, 0, 60),
        Field("has_certificate_of_qualification", "boolean", "a Canadian certificate of qualification in a trade", "false", False),
        Field("has_enhanced_nomination", "boolean", "a nomination from an enhanced (Express Entry) provincial stream", "false", False),
        Field("has_sibling_in_canada", "boolean", "a brother or sister in Canada, 18+, citizen or PR", "false", False),
        Field("job_offer_noc", "noc", "NOC 2021 code of a job offer that is full-time, non-seasonal and permanent "
              "or for a year or more", "no job offer"),
        Field("job_offer_lmia", "choice", "the offer's LMIA: approved, exempt or none", "none", "none", codes=LMIA_CODES),
        Field("job_offer_employer", "text", "the employer making the offer (the military category reads it)", UNKNOWN),
        Field("spouse_education_level", "choice", "the spouse's highest credential that counts",
              "less_than_secondary", "less_than_secondary", codes=EDUCATION_CODES),
        *_levels("spouse_english_clb", "CLB", "the spouse's English"),
        *_levels("spouse_french_nclc", "NCLC", "the spouse's French"),
        Field("spouse_canadian_work_years", "integer", "the spouse's whole years of skilled Canadian work",
              "0", 0, 0, 60),
        Field("spouse_has_canadian_study", "boolean", "the spouse has two academic years or more of full-time "
              "study in Canada (FSW)", UNKNOWN + " when the spouse is scored"),
        Field("has_canadian_study", "boolean", "two academic years or more of full-time study in Canada (FSW)", UNKNOWN),
        Field("fsw_continuous_hours", "number", f"most {hours} in one unbroken stretch of one skilled occupation, "
              "last 10 years", UNKNOWN, None, 0),
        Field("fsw_grid_work_years", "integer", "whole years of skilled work anywhere in the last 10 years (FSW grid)",
              UNKNOWN, None, 0, 60),
        Field("cec_hours_teer_0_1", "number", f"authorized skilled Canadian {hours} in TEER 0-1, last 3 years",
              UNKNOWN, None, 0),
        Field("cec_hours_teer_2_3", "number", f"authorized skilled Canadian {hours} in TEER 2-3, last 3 years",
              UNKNOWN, None, 0),
        Field("fst_trade_hours", "number", f"{hours} in a skilled trade in the last 5 years", UNKNOWN, None, 0),
        Field("is_authorized_to_work", "boolean", "holds a valid work permit in Canada on the date", "false", False),
        Field("funds_cad", "number", "settlement funds in CAD", "not given (proof of funds unknown unless exempt)",
              None, 0),
        Field("family_size", "integer", "family members counted for proof of funds",
              "1, or 2 with a spouse (as in profiles)", None, 1, 30),
        Field("relative_in_canada", "boolean", "a relative 18+ who is a citizen or PR in Canada (FSW adaptability)",
              "not given (true when has_sibling_in_canada)"),
        *(Field(f"category_hours_{name}", "number", f"{hours} in one occupation of the {name} category inside its "
                "window (category-based selection)", UNKNOWN + " (all occupation categories)", None, 0)
          for name in occupation_categories()),
    )  # fmt: skip


@functools.cache
def by_name() -> dict[str, Field]:
    return {field.name: field for field in fields()}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one flat-layout row (values as JSON would hold them; CSV cells are text)."""
    properties: dict[str, Any] = {}
    for field in fields():
        schema: dict[str, Any] = {"description": f"{field.description}. Empty: {field.empty}."}
        if field.kind == "choice":
            schema["enum"] = [*(field.codes or {}), None]
        elif field.kind == "noc":
            schema.update(type=["string", "null"], pattern=r"^\d{5}$")
        elif field.kind == "date":
            schema.update(type=["string", "null"], format="date")
        else:
            schema["type"] = [{"text": "string"}.get(field.kind, field.kind), "null"]
        if field.minimum is not None:
            schema["minimum"] = field.minimum
        if field.maximum is not None:
            schema["maximum"] = field.maximum
        properties[field.name] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "canpath batch flat layout: one row per person",
        "description": "Columns for the facts the rules read, as of the assessment date. See docs/batch.md.",
        "type": "object",
        "properties": properties,
        "oneOf": [{"required": ["birth_date"]}, {"required": ["age_years"]}],
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m canpath.batch.layout [FILE]
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            out.write(schema_text())
    else:
        sys.stdout.write(schema_text())
