"""Read flat-layout cells into typed columns, with an error message for each row that is wrong.

Cells arrive as text (CSV) or typed (Parquet), as Arrow arrays. Text columns with few distinct
values (codes, levels, yes/no) convert through their distinct values: one Polars expression per
field (`field_expressions`, the single statement of what a cell may hold) runs on the distinct
values and a lookup spreads the result; other text goes through the same expression whole, and
typed numbers, booleans and dates convert in NumPy. A cell that is not empty and does not
convert (or is out of range) marks its row as an error naming the field, the value and what was
expected. Messages are built only for the rows in error.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from dataclasses import field as member
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from canpath.batch.cells import field_expressions, message
from canpath.batch.layout import Field, by_name, fields

Array = npt.NDArray[Any]
DICTIONARY_LIMIT = 4096  # distinct values up to which a text column converts through them
# Stand-ins for empty cells, by kind (the `empty` mask says which cells they fill).
PLACEHOLDER: dict[str, Any] = {
    "integer": 0,
    "number": np.nan,
    "boolean": False,
    "choice": -1,
    "noc": None,
}
DTYPE: dict[str, Any] = {"integer": np.int16, "number": np.float64, "boolean": np.bool_, "choice": np.int8,
                         "noc": object, "date": "datetime64[D]"}  # fmt: skip


@dataclass
class Cells:
    """One converted column: values (placeholders where empty) and which cells are empty."""

    values: Array
    empty: Array | None = None
    codes: tuple[Array, list[Any]] | None = None  # (index per row, distinct values) when known

    def is_empty(self) -> Array:
        return self.empty if self.empty is not None else np.zeros(len(self.values), dtype=bool)


@dataclass
class Converted:
    """A chunk in typed columns, text columns (Arrow, trimmed, empty as null), and rows in error."""

    size: int
    columns: dict[str, Cells] = member(default_factory=dict)
    text: dict[str, pa.Array] = member(default_factory=dict)
    errors: dict[int, str] = member(default_factory=dict)

    def to_list(self, name: str) -> list[Any]:
        """A column as Python values, None where empty (for tests and explanations)."""
        if name in self.text:
            return self.text[name].to_pylist()  # type: ignore[no-any-return]
        cells = self.columns[name]
        return [
            None if empty else value
            for value, empty in zip(cells.values.tolist(), cells.is_empty(), strict=True)
        ]


def _by_dictionary(field: Field, array: pa.Array) -> tuple[Cells, Array] | None:
    """Convert text through its distinct values (codes, levels, yes/no: few of them)."""
    encoded = array if pa.types.is_dictionary(array.type) else pc.dictionary_encode(array)
    distinct = len(encoded.dictionary)
    if distinct > DICTIONARY_LIMIT or (
        distinct * 8 > len(array) and not pa.types.is_dictionary(array.type)
    ):
        return None
    cells, flags = _lookup(field.name, tuple(encoded.dictionary.cast(pa.string()).to_pylist()))
    indices = pc.fill_null(encoded.indices, distinct).to_numpy(zero_copy_only=False)
    empty = cells.is_empty()[indices]
    codes = (indices, cells.values.tolist())
    return Cells(cells.values[indices], empty if empty.any() else None, codes), flags[indices]


@functools.lru_cache(maxsize=512)
def _lookup(name: str, words: tuple[str | None, ...]) -> tuple[Cells, Array]:
    """The field's conversion of each distinct word (and of an empty cell, last); chunks share it."""
    field = by_name()[name]
    series = pl.Series(field.name, [*words, None], dtype=pl.String)
    value, bad = field_expressions(field, pl.String())
    found = pl.DataFrame([series]).select(value.alias("value"), bad.alias("bad"))
    return _from_polars(field, found.get_column("value"), found.get_column("bad"))


def _from_polars(field: Field, value: pl.Series, bad: pl.Series) -> tuple[Cells, Array]:
    empty = value.is_null().to_numpy()
    if field.kind == "date":
        values = np.asarray(value.to_numpy(), dtype="datetime64[D]")
    elif field.kind == "noc":
        values = np.asarray(value.to_list(), dtype=object)
    else:
        values = np.asarray(
            value.fill_null(PLACEHOLDER[field.kind]).to_numpy(), dtype=DTYPE[field.kind]
        )
    return Cells(values, empty if empty.any() else None), bad.fill_null(False).to_numpy()


def _numpy(array: pa.Array, fill: Any) -> Array:
    filled = pc.fill_null(array, fill) if array.null_count else array
    return filled.to_numpy(zero_copy_only=False)  # type: ignore[no-any-return]


def _typed(field: Field, array: pa.Array) -> tuple[Cells, Array | None] | None:
    """Numbers, booleans and dates already typed: NumPy, with range checks."""
    kind, type_ = field.kind, array.type
    nulls = array.is_null().to_numpy(zero_copy_only=False) if array.null_count else None
    if kind == "boolean" and pa.types.is_boolean(type_):
        return Cells(_numpy(array, False), nulls), None
    if kind == "date" and (pa.types.is_date(type_) or pa.types.is_timestamp(type_)):
        return Cells(
            array.cast(pa.date32()).to_numpy(zero_copy_only=False).astype("datetime64[D]"), nulls
        ), None
    if kind not in ("integer", "number") or not (
        pa.types.is_integer(type_) or pa.types.is_floating(type_)
    ):
        return None
    if pa.types.is_integer(type_):
        low, high = pc.min_max(array).values()
        if low.as_py() is None or (
            (field.minimum is None or low.as_py() >= field.minimum)
            and (field.maximum is None or high.as_py() <= field.maximum)
        ):  # whole numbers in range: no cell is wrong
            return Cells(_numpy(array, 0).astype(DTYPE[kind], copy=False), nulls), None
    numbers = _numpy(array, 0).astype(np.float64, copy=False)
    ok = np.isfinite(numbers)
    if kind == "integer":
        ok &= numbers == np.round(numbers)
    if field.minimum is not None:
        ok &= numbers >= field.minimum
    if field.maximum is not None:
        ok &= numbers <= field.maximum
    bad = ~ok if nulls is None else ~ok & ~nulls
    empty = bad if nulls is None else nulls | bad
    values = np.where(empty, PLACEHOLDER[kind], numbers).astype(DTYPE[kind])
    return Cells(values, empty if empty.any() else None), bad


def _whole(field: Field, array: pa.Array) -> tuple[Cells, Array]:
    """Any column through the field's Polars expression (many distinct text values, odd types)."""
    frame = pl.from_arrow(pa.table({field.name: array}))
    assert isinstance(frame, pl.DataFrame)
    value, bad = field_expressions(field, frame.schema[field.name])
    found = frame.select(value.alias("value"), bad.alias("bad"))
    return _from_polars(field, found.get_column("value"), found.get_column("bad"))


def _text_column(array: pa.Array) -> pa.Array:
    text = pc.utf8_trim_whitespace(array.cast(pa.string()))
    return pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)


def _convert(field: Field, array: pa.Array) -> tuple[Cells, Array | None]:
    if pa.types.is_null(array.type):
        empty = np.ones(len(array), dtype=bool)
        return Cells(
            np.full(len(array), PLACEHOLDER.get(field.kind), dtype=DTYPE[field.kind]), empty
        ), None
    found = _typed(field, array)
    if found is None and (
        pa.types.is_dictionary(array.type)
        or pa.types.is_string(array.type)
        or pa.types.is_large_string(array.type)
    ):
        found = _by_dictionary(field, array)
    return found if found is not None else _whole(field, array)


def convert(table: pa.Table) -> Converted:
    """Typed columns for the layout fields present in `table`, and the rows in error with their message."""
    table = table.combine_chunks()
    converted = Converted(table.num_rows)
    for field in fields():
        if field.name not in table.column_names:
            continue
        array = table.column(field.name).chunk(0) if table.num_rows else pa.array([], pa.string())
        if field.kind == "text":
            converted.text[field.name] = _text_column(array)
            continue
        cells, bad = _convert(field, array)
        converted.columns[field.name] = cells
        hit = np.flatnonzero(bad) if bad is not None else np.zeros(0, dtype=np.intp)
        if len(hit):
            for row, raw in zip(hit.tolist(), array.take(pa.array(hit)).to_pylist(), strict=True):
                text = message(field, raw)
                converted.errors[row] = (
                    f"{converted.errors[row]}; {text}" if row in converted.errors else text
                )
    required = "birth_date" if "birth_date" in converted.columns else "age_years"
    if required in converted.columns:
        what = (
            "a date of birth, YYYY-MM-DD" if required == "birth_date" else "age in completed years"
        )
        for row in np.flatnonzero(converted.columns[required].is_empty()).tolist():
            converted.errors.setdefault(row, f"{required}: required ({what})")
    return converted
