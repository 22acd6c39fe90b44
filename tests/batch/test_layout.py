"""The flat layout: its shipped JSON Schema and template, header checks, and cell conversion."""

from __future__ import annotations

import json
from datetime import date

import pyarrow as pa
import pytest

from canpath.batch.cells import header_problems
from canpath.batch.convert import convert
from canpath.batch.layout import fields, json_schema, schema_text
from canpath.batch.readers import open_source
from canpath.errors import ProfileError

from .conftest import EXAMPLES


def test_the_shipped_schema_is_the_generated_one() -> None:
    shipped = (EXAMPLES / "batch" / "flat-layout.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), (
        "regenerate: python -m canpath.batch.layout examples/batch/flat-layout.schema.json"
    )


def test_the_schema_lists_every_column() -> None:
    schema = json_schema()
    assert list(schema["properties"]) == [field.name for field in fields()]
    assert schema["additionalProperties"] is False


def test_the_template_has_every_column_and_no_errors() -> None:
    source = open_source(EXAMPLES / "batch" / "template.csv")
    assert source.names == [field.name for field in fields() if field.name != "age_years"]
    chunk = next(source.chunks(100))
    assert chunk.table is not None and chunk.table.num_rows == 5
    assert convert(chunk.table).errors == {}


def test_header_problems_name_the_column() -> None:
    problems = {
        p.location: p.message
        for p in header_problems(["id", "birth_date", "english_clb_readng", "id"])
    }
    assert problems["id"] == "the column appears more than once"
    assert problems["english_clb_readng"].endswith("did you mean english_clb_reading?")
    both = header_problems(["birth_date", "age_years"])
    assert "both birth_date and age_years" in both[0].message
    assert "neither" in header_problems(["id"])[0].message


def test_an_unreadable_header_stops_the_run(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "bad.csv"  # type: ignore[operator]
    path.write_text("id,birthdate\np1,1990-01-01\n")
    with pytest.raises(ProfileError, match="birthdate: unknown column; did you mean birth_date"):
        open_source(path)


@pytest.mark.parametrize(
    ("column", "cells", "message"),
    [
        ("birth_date", ["1990-02-30", "1990-1-5"], "birth_date: '{}' is not a date (YYYY-MM-DD)"),
        (
            "english_clb_reading",
            ["13", "7.5", "-1"],
            "english_clb_reading: '{}' is not a whole number from 0 to 12",
        ),
        (
            "spouse",
            ["married"],
            "spouse: '{}' is not one of none, accompanying, not_accompanying, canadian",
        ),
        ("has_sibling_in_canada", ["maybe"], "has_sibling_in_canada: '{}' is not true or false"),
        (
            "job_offer_noc",
            ["2123"],
            "job_offer_noc: '{}' is not a NOC 2021 code (five digits, e.g. 21231)",
        ),
        ("job_offer_noc", ["99999"], "job_offer_noc: 99999 is not a NOC 2021 unit group"),
        ("funds_cad", ["nan", "1e400"], "funds_cad: '{}' is not a number of at least 0"),
    ],
)
def test_bad_cells_get_a_message_naming_field_and_value(
    column: str, cells: list[str], message: str
) -> None:
    data = {"birth_date": ["1990-01-01"] * len(cells), column: cells}
    errors = convert(pa.table(data)).errors
    assert len(errors) == len(cells)
    for row, cell in enumerate(cells):
        assert errors[row].startswith(message.format(cell)), errors[row]


def test_good_cells_in_any_spelling() -> None:
    table = pa.table({
        "age_years": ["30", " 31 ", "32.0"], "spouse": ["Accompanying", "", None],
        "has_sibling_in_canada": ["yes", "FALSE", "1"], "job_offer_noc": ["21231", None, " 00012 "],
        "education_level": ["three_year", "MASTERS", "professional"],
    })  # fmt: skip
    converted = convert(table)
    assert converted.errors == {}
    assert converted.to_list("age_years") == [30, 31, 32]
    assert converted.to_list("spouse") == [1, None, None]
    assert converted.to_list("has_sibling_in_canada") == [True, False, True]
    assert converted.to_list("job_offer_noc") == ["21231", None, "00012"]
    assert converted.to_list("education_level") == [4, 6, 6]


def test_typed_cells_from_parquet_are_checked_too() -> None:
    table = pa.table({
        "birth_date": pa.array([date(1990, 1, 1), None, date(1991, 2, 3)]),
        "english_clb_reading": pa.array([7, 13, None], pa.int8()),
        "funds_cad": pa.array([1000.0, float("nan"), None]),
        "has_sibling_in_canada": pa.array([True, None, False]),
    })  # fmt: skip
    converted = convert(table)
    assert converted.errors == {
        1: "english_clb_reading: 13 is not a whole number from 0 to 12; funds_cad: nan is not a number of at least 0",
    }
    assert converted.to_list("english_clb_reading") == [7, None, None]
    assert converted.to_list("birth_date")[1] is None


def test_schema_file_is_valid_json() -> None:
    data = json.loads((EXAMPLES / "batch" / "flat-layout.schema.json").read_text())
    assert data["title"].startswith("canpath batch flat layout")


def test_the_docs_describe_every_column() -> None:
    text = (EXAMPLES.parent / "docs" / "batch.md").read_text(encoding="utf-8")
    for field in fields():
        name = field.name
        if name.startswith("category_hours_"):
            name = "category_hours_<category>"
        elif name.endswith(("_writing", "_listening", "_speaking")):
            continue  # documented with the reading column of their group
        elif "clb_" in name or "nclc_" in name:
            name = name if name.startswith(("english", "french")) else name.rsplit("_", 1)[0] + "_*"
        assert f"`{name}`" in text, name
