"""Synthetic people in both forms: contract profiles (dicts, as JSON Lines hold them) and flat rows.

`profile_of(columns, row)` writes one person as a profile; `flat_table(columns)` writes everyone
as a flat-layout table (PyArrow, vectorised). Both come from the same columns of
`synth.people`, so a person's profile derives to their flat row. `write_synthetic` writes a pool
a block at a time (memory stays flat for any size); the same seed and date give the same people
in every format.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from canpath.batch.layout import LANGUAGE_CODES, LMIA_CODES, SPOUSE_CODES, fields
from canpath.batch.synth import (
    BLOCK,
    EDUCATION,
    EMPLOYERS,
    LENGTH_YEARS,
    MILITARY,
    NOCS,
    PERMITS,
    PROVINCES,
    people,
)
from canpath.batch.writers import Writer
from canpath.rules.federal.express_entry.education import CANADIAN_CREDENTIAL, LEVELS
from canpath.rules.federal.language import ABILITIES

Array = npt.NDArray[Any]
TRADES = {
    "72410": "Automotive service technician",
    "72310": "Carpenter",
    "72200": "Electrician",
    "73300": "Truck driver",
}


def _iso(value: Any) -> str | None:
    return None if np.isnat(value) else str(value.astype("datetime64[D]"))


def _credentials(
    level: str,
    canadian: bool,
    eca: bool,
    completed: Any,
    eca_date: Any,
    country: str,
    province: str,
) -> list[dict[str, Any]]:
    def one(name: str, length: float, done: Any) -> dict[str, Any]:
        entry: dict[str, Any] = {"level": name, "country": "CA" if canadian else country,
                                 "completed": _iso(done), "length_years": length}  # fmt: skip
        if canadian:
            entry["province"] = province
        elif eca:
            entry.update(eca=True, eca_date=_iso(eca_date))
        return entry

    if level == "two_or_more":
        return [
            one("bachelors", 4, completed),
            one("one_year", 1, completed - np.timedelta64(400, "D")),
        ]
    return [one(level, LENGTH_YEARS[level], completed)]


def _languages(
    english: Array, french: Array, english_taken: Any, french_taken: Any
) -> list[dict[str, Any]]:
    found = []
    for test, levels, taken in (("clb", english, english_taken), ("nclc", french, french_taken)):
        if levels.any():
            found.append(
                {
                    "test": test,
                    "taken": _iso(taken),
                    **{a: int(v) for a, v in zip(ABILITIES, levels, strict=True)},
                }
            )
    return found


def profile_of(columns: dict[str, Array], row: int) -> dict[str, Any]:
    """One synthetic person as a contract profile (JSON-ready: dates as ISO text)."""
    c = {name: values[row] for name, values in columns.items()}
    country, province = str(c["_country"]), PROVINCES[int(c["_province"])]
    worker, student = bool(c["_worker"]), bool(c["_student"])
    profile: dict[str, Any] = {
        "id": f"p{int(c['_index']) + 1}",
        "birth_date": _iso(c["birth_date"]),
        "citizenships": [country],
        "country_of_residence": "CA" if worker or student else country,
        "marital_status": "married" if c["spouse"] else "single",
        "education": _credentials(EDUCATION[int(c["_education_level"])], bool(c["_education_canadian"]), bool(c["_education_eca"]),
                                  c["_education_completed"], c["_eca_date"], country, province),
        "languages": _languages(c["_english"], c["_french"], c["_english_taken"], c["_french_taken"]),
        "work": [],
        "sibling_in_canada": bool(c["has_sibling_in_canada"]),
    }  # fmt: skip
    if c["first_official_language"]:
        profile["first_official_language"] = (
            "english" if c["first_official_language"] == LANGUAGE_CODES["english"] else "french"
        )
    if c["_foreign_noc"] >= 0:
        end = None if c["_foreign_current"] else _iso(c["_foreign_end"])
        profile["work"].append({"noc": NOCS[int(c["_foreign_noc"])], "country": country, "start": _iso(c["_foreign_start"]),
                                "end": end, "hours_per_week": 40})  # fmt: skip
    if worker:
        permit = PERMITS[int(c["_permit"])]
        profile["work"].append({"noc": NOCS[int(c["_canadian_noc"])], "country": "CA", "province": province,
                                "start": _iso(c["_canadian_start"]), "end": None,
                                "hours_per_week": float(c["_canadian_hours"]), "permit": permit})  # fmt: skip
        profile["in_canada"] = {
            "status": "worker",
            "permit": permit,
            "permit_expiry": _iso(c["_permit_expiry"]),
        }
    elif student:
        profile["in_canada"] = {
            "status": "student",
            "permit": "study",
            "permit_expiry": _iso(c["_permit_expiry"]),
        }
    if c["_offer"]:
        military = int(c["_offer_military"])
        profile["job_offer"] = {
            "noc": MILITARY[military] if military >= 0 else NOCS[int(c["_offer_noc"])],
            "employer": EMPLOYERS[int(c["_offer_employer"])], "province": province, "hours_per_week": 40,
            "permanent": True, "lmia": list(LMIA_CODES)[int(c["_offer_lmia"])], "annual_salary_cad": 95000,
        }  # fmt: skip
    if c["spouse"]:
        profile["spouse"] = _spouse(c, country, province)
    if c["_relative"]:
        profile["relative_in_canada"] = True
    if c["_nomination"]:
        profile["provincial_nomination"] = {"province": province, "stream": "Express Entry stream",
                                            "enhanced": bool(c["_nomination"] == 1), "date": _iso(c["_nomination_date"])}  # fmt: skip
    if c["has_certificate_of_qualification"]:
        noc = NOCS[int(c["_canadian_noc"])] if c["_canadian_noc"] >= 0 else ""
        profile["certificate_of_qualification"] = {
            "trade": TRADES.get(noc, "Electrician"),
            "province": province,
        }
    if not np.isnan(c["funds_cad"]):
        profile["funds_cad"] = float(c["funds_cad"])
    if c["family_size"]:
        profile["family_size"] = int(c["family_size"])
    return profile


def _spouse(c: dict[str, Any], country: str, province: str) -> dict[str, Any]:
    kind = int(c["spouse"])
    work = []
    if not np.isnat(c["_spouse_start"]):
        work.append({"noc": NOCS[int(c["_spouse_noc"])], "country": "CA", "province": province,
                     "start": _iso(c["_spouse_start"]), "end": None, "hours_per_week": 40})  # fmt: skip
    return {
        "accompanying": kind != SPOUSE_CODES["not_accompanying"],
        "canadian_citizen_or_pr": kind == SPOUSE_CODES["canadian"],
        "education": _credentials(EDUCATION[int(c["_spouse_education_level"])], bool(c["_spouse_education_canadian"]),
                                  bool(c["_spouse_education_counted"]), c["_education_completed"], c["_eca_date"],
                                  country, province),
        "languages": _languages(c["_spouse_english"], c["_spouse_french"], c["_english_taken"], c["_french_taken"]),
        "work": work,
    }  # fmt: skip


def _names(codes: Array, names: list[str] | tuple[str, ...], empty: int | None = None) -> pa.Array:
    mask = codes == empty if empty is not None else None
    return pc.take(
        pa.array(list(names), type=pa.string()),
        pa.array(np.asarray(codes, dtype=np.int32), mask=mask),
    )


def flat_table(columns: dict[str, Array]) -> pa.Table:
    """Everyone as a flat-layout table (every column of the layout but age_years)."""
    size = len(columns["_index"])
    offer = columns["_offer"]
    military = columns["_offer_military"]
    noc_names = np.asarray([*NOCS, *MILITARY], dtype=object)
    offer_noc = np.where(military >= 0, len(NOCS) + military, columns["_offer_noc"])
    ids = pc.binary_join_element_wise(
        "p", pc.cast(pa.array(columns["_index"] + 1), pa.string()), ""
    )
    data: dict[str, pa.Array] = {
        "id": ids,
        "birth_date": pa.array(columns["birth_date"].astype("datetime64[D]"), type=pa.date32()),
        "spouse": _names(columns["spouse"], list(SPOUSE_CODES)),
        "education_level": _names(columns["education_level"], LEVELS),
        "canadian_credential": _names(columns["canadian_credential"], CANADIAN_CREDENTIAL),
        "first_official_language": _names(
            columns["first_official_language"], ["", *LANGUAGE_CODES], empty=0
        ),
        "job_offer_noc": pa.array(noc_names[offer_noc], type=pa.string(), mask=~offer),
        "job_offer_lmia": _names(columns["_offer_lmia"], list(LMIA_CODES)),
        "job_offer_employer": pa.array(
            np.asarray(EMPLOYERS, dtype=object)[columns["_offer_employer"]],
            type=pa.string(),
            mask=~offer,
        ),
        "spouse_education_level": _names(columns["spouse_education_level"], LEVELS),
        "funds_cad": pa.array(columns["funds_cad"], mask=np.isnan(columns["funds_cad"])),
        "family_size": pa.array(columns["family_size"], mask=columns["family_size"] == 0),
        "relative_in_canada": pa.array(
            columns["relative_in_canada"] == 1, mask=columns["relative_in_canada"] == -1
        ),
    }
    for prefix, source in (("english_clb", "_english"), ("french_nclc", "_french"),
                           ("spouse_english_clb", "spouse_english"), ("spouse_french_nclc", "spouse_french")):  # fmt: skip
        for index, ability in enumerate(ABILITIES):
            data[f"{prefix}_{ability}"] = pa.array(np.ascontiguousarray(columns[source][:, index]))
    for field in fields():
        if field.name not in data and field.name in columns:
            values = columns[field.name]
            mask = np.isnan(values) if values.dtype.kind == "f" else None
            data[field.name] = pa.array(values, mask=mask)
    names = [field.name for field in fields() if field.name in data]
    assert all(len(data[name]) == size for name in names)
    return pa.table({name: data[name] for name in names})


def write_synthetic(path: Path, n: int, seed: int, on: date) -> None:
    """Write `n` synthetic people made for `on` to `path` (format from the extension)."""
    schema = flat_table(people(0, 0, seed, on)).schema
    with Writer(path, schema) as writer:
        for start in range(0, n, BLOCK):
            columns = people(start, min(BLOCK, n - start), seed, on)
            if writer.format == "jsonl":
                writer.write_lines(
                    [json.dumps(profile_of(columns, row)) for row in range(len(columns["_index"]))]
                )
            else:
                writer.write(flat_table(columns))
