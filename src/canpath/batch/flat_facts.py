"""Flat-layout columns to `Facts` columns, vectorised, for the same rules as profiles.

Most columns map one to one (after codes for names). Derived ones use the shared rule functions
on the few distinct values a chunk holds: a job offer's NOC and LMIA go through
`qualifying_offer`, `is_valid_offer` and `is_trade`, exactly as a profile's offer does.

Columns whose empty cells mean "unknown" are kept apart with a mask of the rows that lack them
(see `canpath.batch.table_facts`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from canpath.batch.convert import Converted
from canpath.batch.layout import CATEGORIES, LMIA_CODES, SPOUSE_CODES
from canpath.batch.table_facts import Array, Builder, FlatFacts
from canpath.params import Snapshot
from canpath.profile import JobOffer
from canpath.rules.federal.express_entry.derived import is_valid_offer, qualifying_offer
from canpath.rules.federal.express_entry.eligibility_facts import is_trade
from canpath.rules.federal.language import ABILITIES

# Flat columns that are Facts columns as they are: (name, dtype, value when empty).
DIRECT = (
    ("education_level", np.int8, 0), ("canadian_credential", np.int8, 0),
    ("first_official_language", np.int8, 0), ("canadian_work_years", np.int8, 0),
    ("foreign_work_years", np.int8, 0), ("has_certificate_of_qualification", np.bool_, False),
    ("has_enhanced_nomination", np.bool_, False), ("has_sibling_in_canada", np.bool_, False),
    ("spouse_education_level", np.int8, 0), ("spouse_canadian_work_years", np.int8, 0),
    ("is_authorized_to_work", np.bool_, False),
)  # fmt: skip
# Columns whose empty cells mean unknown: (Facts name, dtype).
UNKNOWN_WHEN_EMPTY = (
    ("fsw_continuous_hours", np.float64), ("fsw_grid_work_years", np.int8),
    ("cec_hours_teer_0_1", np.float64), ("cec_hours_teer_2_3", np.float64),
    ("fst_trade_hours", np.float64), ("has_canadian_study", np.bool_),
)  # fmt: skip


def _column(converted: Converted, name: str, dtype: Any, empty: Any) -> Array:
    """A column as `dtype`, `empty` where the cell is empty (or the column absent)."""
    cells = converted.columns.get(name)
    if cells is None:
        return np.full(converted.size, empty, dtype=dtype)
    values = cells.values.astype(dtype, copy=False)
    return (
        np.where(cells.empty, empty, values).astype(dtype, copy=False)
        if cells.empty is not None
        else values
    )


def _missing(converted: Converted, name: str) -> Array:
    cells = converted.columns.get(name)
    return np.ones(converted.size, dtype=bool) if cells is None else cells.is_empty()


def _abilities(converted: Converted, prefix: str) -> Array:
    """Levels per ability as an (n, 4) int8 view of a (4, n) block: per-ability reductions run fast."""
    block = np.empty((4, converted.size), dtype=np.int8)
    for index, ability in enumerate(ABILITIES):
        block[index] = _column(converted, f"{prefix}_{ability}", np.int8, 0)
    return block.T


def _age(converted: Converted, on: date) -> Array:
    """Age in completed years on `on`, as `timeutil.completed_years` counts it."""
    if "age_years" in converted.columns:
        return _column(converted, "age_years", np.int16, 0)
    birth = converted.columns["birth_date"].values
    years = birth.astype("datetime64[Y]")
    months = birth.astype("datetime64[M]")
    month_day = (months - years).astype(np.int32) * 100 + (birth - months).astype(np.int32)
    age = on.year - 1970 - years.astype(np.int32) - (month_day > (on.month - 1) * 100 + on.day - 1)
    return np.where(np.isnat(birth), 0, age).astype(np.int16)


def _offer_codes(converted: Converted) -> tuple[Array, list[str | None]]:
    cells = converted.columns.get("job_offer_noc")
    if cells is None:
        return np.zeros(converted.size, dtype=np.intp), [None]
    if cells.codes is None:
        encoded = pc.dictionary_encode(pa.array(cells.values, type=pa.string()))
        distinct = encoded.dictionary.to_pylist()
        cells.codes = (
            pc.fill_null(encoded.indices, len(distinct)).to_numpy(zero_copy_only=False),
            [*distinct, None],
        )
    return cells.codes


def _job_offers(converted: Converted, snapshot: Snapshot) -> dict[str, Array]:
    """Offer facts per distinct (NOC, LMIA), computed by the rules a profile's offer goes through."""
    indices, codes = _offer_codes(converted)
    lmia = _column(converted, "job_offer_lmia", np.intp, 0)
    table = np.zeros((len(codes), len(LMIA_CODES), 4), dtype=np.int8)
    for row, code in enumerate(codes):
        for name, column in LMIA_CODES.items():
            if code is None:
                continue
            offer = JobOffer(noc=code, lmia=name)
            group, backed = qualifying_offer(offer, snapshot)
            valid = name != "none" and is_valid_offer(offer, snapshot)
            table[row, column] = (group, backed, valid, valid and is_trade(code, snapshot))
    found = table[indices, lmia]
    return {
        "arranged_employment": np.ascontiguousarray(found[:, 0]),
        "arranged_employment_is_lmia_backed": found[:, 1].astype(bool),
        "has_valid_job_offer": found[:, 2].astype(bool),
        "has_fst_job_offer": found[:, 3].astype(bool),
    }


def _spouse_languages(converted: Converted) -> tuple[Array, Array]:
    """The spouse's levels in the better language (by total, English on ties) and lowest level."""
    english = _abilities(converted, "spouse_english_clb")
    french = _abilities(converted, "spouse_french_nclc")
    french_better = french.sum(axis=1, dtype=np.int16) > english.sum(axis=1, dtype=np.int16)
    better = np.where(french_better[:, None], french, english)
    lowest = np.maximum(english.min(axis=1), french.min(axis=1))
    return np.asfortranarray(better), lowest.astype(np.int8)


def _objects(converted: Converted, name: str, blank: Array) -> Builder:
    """An object column of text ("" when empty or where `blank`), through the distinct values."""

    def build() -> Array:
        if name in converted.text:
            encoded = pc.dictionary_encode(pc.fill_null(converted.text[name], ""))
            distinct = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
            found: Array = distinct[encoded.indices.to_numpy(zero_copy_only=False)]
        elif name == "job_offer_noc":
            indices, codes = _offer_codes(converted)
            found = np.asarray(["" if code is None else code for code in codes], dtype=object)[
                indices
            ]
        elif name == "job_offer_lmia":
            found = np.asarray(list(LMIA_CODES), dtype=object)[_column(converted, name, np.intp, 0)]
        else:
            found = np.full(converted.size, "", dtype=object)
        return np.where(blank, "", found) if blank.any() else found

    return build


def _category_hours(converted: Converted, snapshot: Snapshot) -> dict[str, tuple[Builder, Array]]:
    """Each occupational category's hours column, and the rows where it is empty (unknown)."""
    if not snapshot.is_in_force(CATEGORIES):
        return {}
    names = [name for name, category in snapshot.value(CATEGORIES)["categories"].items()
             if category["kind"] == "occupation" and category["occupations"] is not None]  # fmt: skip
    found: dict[str, tuple[Builder, Array]] = {}
    for name in names:
        column = f"category_hours_{name}"
        if column not in converted.columns:

            def lacks(column: str = column) -> Array:
                raise KeyError(
                    f"column {column!r} (hours towards an occupation category) is not in the input table"
                )

            found[column] = (lacks, np.ones(converted.size, dtype=bool))
        else:
            found[column] = (
                _ready(_column(converted, column, np.float64, 0.0)),
                _missing(converted, column),
            )
    return found


def flat_facts(converted: Converted, on: date, snapshot: Snapshot) -> FlatFacts:
    """The Facts columns of a converted chunk."""
    size = converted.size
    spouse = _column(converted, "spouse", np.int8, SPOUSE_CODES["none"])
    columns: dict[str, Array] = {
        name: _column(converted, name, dtype, empty) for name, dtype, empty in DIRECT
    }
    spouse_clb, spouse_min = _spouse_languages(converted)
    relative = _column(converted, "relative_in_canada", np.int8, -1)
    family = _column(converted, "family_size", np.int16, 0)
    columns.update(
        age_years=_age(converted, on),
        is_scored_with_spouse=spouse == SPOUSE_CODES["accompanying"],
        english_clb=_abilities(converted, "english_clb"),
        french_nclc=_abilities(converted, "french_nclc"),
        spouse_clb=spouse_clb,
        spouse_min_clb=spouse_min,
        funds_cad=_column(converted, "funds_cad", np.float64, np.nan),
        family_size=np.where(family == 0, 1 + (spouse != SPOUSE_CODES["none"]), family).astype(np.int16),
        relative_in_canada=np.where((relative == -1) & columns["has_sibling_in_canada"], 1, relative).astype(np.int8),
        **_job_offers(converted, snapshot),
    )  # fmt: skip
    result = FlatFacts(size, columns)
    for name, dtype in UNKNOWN_WHEN_EMPTY:
        result.optional[name] = (
            _ready(_column(converted, name, dtype, 0)),
            _missing(converted, name),
        )
    study = _column(converted, "spouse_has_canadian_study", np.bool_, False)
    result.optional["spouse_has_canadian_study"] = (
        _ready(study), _missing(converted, "spouse_has_canadian_study") & columns["is_scored_with_spouse"])  # fmt: skip
    no_offer = _missing(converted, "job_offer_noc")
    nothing = np.zeros(size, dtype=bool)
    result.optional["job_offer_noc"] = (_objects(converted, "job_offer_noc", no_offer), nothing)
    result.optional["job_offer_lmia"] = (_objects(converted, "job_offer_lmia", no_offer), nothing)
    employer_missing = ~no_offer & (converted.text["job_offer_employer"].is_null().to_numpy(zero_copy_only=False)
                                    if "job_offer_employer" in converted.text else True)  # fmt: skip
    result.optional["job_offer_employer"] = (
        _objects(converted, "job_offer_employer", no_offer),
        employer_missing,
    )
    result.optional.update(_category_hours(converted, snapshot))
    return result


def _ready(values: Array) -> Builder:
    return lambda: values
