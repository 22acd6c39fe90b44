"""A file with a few corrupt rows among many keeps every row: ids, order, and an error for each."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from canpath.batch.synth import people
from canpath.batch.synth_profiles import flat_table, profile_of

from .conftest import ON, score

ROWS = 2_000


def _ids() -> list[str]:
    return [f"p{i}" for i in range(1, ROWS + 1)]


def test_csv_with_broken_lines_and_bad_cells(tmp_path: Path) -> None:
    import pyarrow.csv as pacsv

    pacsv.write_csv(flat_table(people(0, ROWS, 5, ON)), tmp_path / "good.csv")
    lines = (tmp_path / "good.csv").read_text().splitlines()
    header = lines[0].split(",")
    lines[101] = lines[101].replace(",", ",,", 1)  # row p101: one value too many
    lines[702] = lines[702][:30]  # row p702: cut short inside a quoted value
    lines[1203] = '"p1203,' + lines[1203][7:]  # row p1203: a stray quote
    cells = next(iter(__import__("csv").reader([lines[1504]])))
    cells[header.index('"english_clb_reading"')] = "twelve"
    cells[header.index('"education_level"')] = "phd"
    lines[1504] = ",".join(cells)  # row p1504: two bad cells, the line itself fine
    lines.insert(900, "")  # a blank line is not a row
    (tmp_path / "bad.csv").write_text("\n".join(lines) + "\n")

    frame = score(tmp_path / "bad.csv", tmp_path / "out.parquet")
    assert frame.height == ROWS
    expected = _ids()
    expected[701], expected[1202] = "702", "1203"  # lines that do not parse: the row number
    assert frame["id"].to_list() == expected
    errors = dict(zip(frame["id"], frame["error"], strict=True))
    assert errors["p101"] == "the line has 53 values for 52 columns"
    assert errors["702"].startswith("the line is not valid CSV")
    assert errors["1203"].startswith("the line is not valid CSV")
    assert "english_clb_reading: 'twelve' is not a whole number from 0 to 12" in errors["p1504"]
    assert "education_level: 'phd' is not one of" in errors["p1504"]
    assert sum(1 for error in errors.values() if error) == 4
    bad = frame.filter(frame["error"] != "")
    assert bad["crs_total"].null_count() == 4
    assert frame.filter(frame["error"] == "")["crs_total"].null_count() == 0


def test_jsonl_with_bad_json_and_invalid_profiles(tmp_path: Path) -> None:
    columns = people(0, ROWS, 6, ON)
    lines = [json.dumps(profile_of(columns, row)) for row in range(ROWS)]
    lines[10] = '{"id": "p11", "birth_date": '  # not JSON
    lines[500] = json.dumps({"id": "p501", "birth_date": "not a date"})
    lines[1999] = "[1, 2, 3]"  # JSON, not a profile
    profile = json.loads(lines[1200])
    profile["languages"] = [
        {
            "test": "ielts",
            "taken": "2026-01-01",
            "listening": 11,
            "reading": 7,
            "writing": 7,
            "speaking": 7,
        }
    ]
    lines[1200] = json.dumps(profile)
    (tmp_path / "bad.jsonl").write_text("\n".join(lines) + "\n\n")

    frame = score(tmp_path / "bad.jsonl", tmp_path / "out.jsonl")
    assert frame.height == ROWS
    ids = frame["id"].to_list()
    assert ids[:10] == _ids()[:10] and ids[11] == "p12"
    assert ids[10] == "11"  # no readable id: the row number
    assert ids[1999] == "2000"
    errors = dict(zip(ids, frame["error"], strict=True))
    assert errors["11"].startswith("not valid JSON")
    assert errors["p501"].startswith("birth_date:")
    assert "a profile must be a mapping" in errors["2000"]
    assert errors["p1201"].startswith("languages.0:")
    assert sum(1 for error in errors.values() if error) == 4


def test_parquet_with_bad_values(tmp_path: Path) -> None:
    table = flat_table(people(0, ROWS, 7, ON))
    as_text = table.set_column(table.schema.get_field_index("funds_cad"), "funds_cad",
                               table.column("funds_cad").cast(pa.string()))  # fmt: skip
    funds = as_text.column("funds_cad").to_pylist()
    funds[3], funds[1777] = "lots", "-5"
    births = table.column("birth_date").cast(pa.string()).to_pylist()
    births[42] = None
    fixed = as_text.set_column(
        as_text.schema.get_field_index("funds_cad"), "funds_cad", pa.array(funds, pa.string())
    )
    fixed = fixed.set_column(
        fixed.schema.get_field_index("birth_date"), "birth_date", pa.array(births, pa.string())
    )
    pq.write_table(fixed, tmp_path / "bad.parquet")

    frame = score(tmp_path / "bad.parquet", tmp_path / "out.csv")
    assert frame["id"].to_list() == _ids()
    errors = dict(zip(frame["id"], frame["error"], strict=True))
    assert errors["p4"] == "funds_cad: 'lots' is not a number of at least 0"
    assert errors["p1778"] == "funds_cad: '-5' is not a number of at least 0"
    assert errors["p43"].startswith("birth_date: required")
    assert sum(1 for error in errors.values() if error) == 3
