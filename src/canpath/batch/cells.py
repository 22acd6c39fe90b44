"""What a flat-layout cell may hold: the header's columns, each field's conversion, the messages.

`field_expressions` states, as a Polars expression, how a text cell becomes a value and when it
is wrong; `canpath.batch.convert` applies it to a column's distinct values or to the whole column.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from typing import Any

import polars as pl

from canpath.batch.layout import Field, by_name
from canpath.errors import Problem
from canpath.reference.noc import unit_groups, unknown_code_message

TRUE_WORDS = {"true": True, "t": True, "yes": True, "y": True, "1": True,
              "false": False, "f": False, "no": False, "n": False, "0": False}  # fmt: skip
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def header_problems(names: Sequence[str]) -> list[Problem]:
    """What is wrong with a file's columns (unknown or repeated names, no birth date or age)."""
    known = by_name()
    problems = []
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem(name, "the column appears more than once"))
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else "; see docs/batch.md for the columns"
            problems.append(Problem(name, f"unknown column{hint}"))
    has_birth, has_age = "birth_date" in names, "age_years" in names
    if has_birth == has_age:
        what = "both birth_date and age_years" if has_birth else "neither birth_date nor age_years"
        problems.append(Problem("birth_date", f"the file has {what}; give exactly one of them"))
    return problems


def _text(name: str, dtype: pl.DataType) -> pl.Expr:
    expr = pl.col(name)
    if dtype != pl.String:
        expr = expr.cast(pl.String)
    expr = expr.str.strip_chars()
    return pl.when(expr.str.len_bytes() > 0).then(expr)


@functools.cache
def _known_nocs() -> list[str]:
    return sorted(unit_groups())


def _number(name: str, dtype: pl.DataType) -> tuple[pl.Expr, pl.Expr]:
    if dtype.is_numeric() or dtype == pl.Boolean:
        return pl.col(name).cast(pl.Float64), pl.col(name).is_not_null()
    text = _text(name, dtype)
    return text.cast(pl.Float64, strict=False), text.is_not_null()


def field_expressions(field: Field, dtype: pl.DataType) -> tuple[pl.Expr, pl.Expr]:
    """(typed value or null, cell is given but wrong) for one field of a column of type `dtype`."""
    name = field.name
    if field.kind in ("integer", "number"):
        number, given = (
            (pl.col(name), pl.col(name).is_not_null())
            if dtype.is_integer()
            else _number(name, dtype)
        )
        ok = pl.lit(True) if dtype.is_integer() else number.is_finite()
        if field.kind == "integer" and not dtype.is_integer():
            ok = ok & (number == number.round())
        if field.minimum is not None:
            ok = ok & (number >= field.minimum)
        if field.maximum is not None:
            ok = ok & (number <= field.maximum)
        target = pl.Int16 if field.kind == "integer" else pl.Float64
        return pl.when(ok).then(number).cast(target), given & ~ok.fill_null(False)
    if field.kind == "boolean":
        if dtype == pl.Boolean:
            return pl.col(name), pl.lit(False)
        text = _text(name, dtype).str.to_lowercase()
        value = text.replace_strict(TRUE_WORDS, default=None, return_dtype=pl.Boolean)
        return value, text.is_not_null() & value.is_null()
    if field.kind == "choice":
        text = _text(name, dtype).str.to_lowercase()
        value = text.replace_strict(dict(field.codes or {}), default=None, return_dtype=pl.Int8)
        return value, text.is_not_null() & value.is_null()
    if field.kind == "date":
        if dtype == pl.Date:
            return pl.col(name), pl.lit(False)
        if isinstance(dtype, pl.Datetime):
            return pl.col(name).dt.date(), pl.lit(False)
        text = _text(name, dtype)
        value = pl.when(text.str.contains(ISO_DATE)).then(
            text.str.to_date("%Y-%m-%d", strict=False)
        )
        return value, text.is_not_null() & value.is_null()
    if field.kind == "noc":
        text = (
            pl.col(name).cast(pl.String).str.zfill(5) if dtype.is_integer() else _text(name, dtype)
        )
        known = text.is_in(_known_nocs())
        return pl.when(known).then(text), text.is_not_null() & ~known.fill_null(False)
    return _text(name, dtype), pl.lit(False)


def message(field: Field, raw: Any) -> str:
    shown = repr(raw) if isinstance(raw, str) else str(raw)
    if field.kind == "noc":
        code = str(raw).strip()
        return f"{field.name}: " + (unknown_code_message(code) if code.isdigit() and len(code) == 5
                                     else f"{shown} is not a NOC 2021 code (five digits, e.g. 21231)")  # fmt: skip
    if field.kind in ("integer", "number"):
        what = "a whole number" if field.kind == "integer" else "a number"
        bounds = f" from {field.minimum:g} to {field.maximum:g}" if field.maximum is not None else (
            f" of at least {field.minimum:g}" if field.minimum is not None else "")  # fmt: skip
        return f"{field.name}: {shown} is not {what}{bounds}"
    if field.kind == "boolean":
        return f"{field.name}: {shown} is not true or false"
    if field.kind == "choice":
        return f"{field.name}: {shown} is not one of {', '.join(field.codes or {})}"
    return f"{field.name}: {shown} is not a date (YYYY-MM-DD)"
