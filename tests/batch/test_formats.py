"""Every input format and every output format give the same rows: round trips, in input order."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from canpath.batch.scoring import CRS_COLUMNS, eligible_column, program_ids
from canpath.batch.synth import people
from canpath.batch.synth_profiles import flat_table

from .conftest import ON, read_output, score

OUTPUTS = ("parquet", "csv", "jsonl")


@pytest.fixture(scope="module")
def reference(pool: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    return score(pool["parquet"], tmp_path_factory.mktemp("ref") / "out.parquet")


@pytest.mark.parametrize("source", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("output", OUTPUTS)
def test_every_format_pair_gives_the_same_rows(
    pool: dict[str, Path], reference: pl.DataFrame, tmp_path: Path, source: str, output: str
) -> None:
    frame = score(pool[source], tmp_path / f"out.{output}")
    assert frame.columns == reference.columns
    assert frame.height == 300
    assert frame["id"].to_list() == [f"p{i}" for i in range(1, 301)]
    assert (frame["error"] == "").all()
    # The flat layout has no columns for other domains' programs, so compare what both can say.
    express_entry = [c for c in frame.columns if c.startswith(("crs_", "eligible_express_entry"))]
    assert frame.select(express_entry).equals(reference.select(express_entry))


def test_output_columns_follow_the_contract(reference: pl.DataFrame) -> None:
    programs = program_ids(None)
    assert reference.columns == [
        "id",
        *CRS_COLUMNS,
        *(eligible_column(p) for p in programs),
        "error",
    ]
    assert reference.schema["id"] == pl.String
    assert all(reference.schema[eligible_column(p)] == pl.Boolean for p in programs)


def test_flat_input_round_trips_through_csv_and_parquet(tmp_path: Path) -> None:
    """A flat table written as Parquet and as CSV reads back to the same typed cells."""
    from canpath.batch.convert import convert
    from canpath.batch.readers import open_source

    table = flat_table(people(0, 500, 3, ON))
    pq.write_table(table, tmp_path / "in.parquet")
    import pyarrow.csv as pacsv

    pacsv.write_csv(table, tmp_path / "in.csv")
    converted = []
    for name in ("in.parquet", "in.csv"):
        chunks = list(open_source(tmp_path / name).chunks(128))
        assert [chunk.start for chunk in chunks] == [0, 128, 256, 384] or name == "in.csv"
        parts = [convert(chunk.table) for chunk in chunks]
        converted.append(
            {name: sum((part.to_list(name) for part in parts), []) for name in table.column_names}
        )
    assert converted[0] == converted[1]


def test_small_chunks_keep_the_order(
    pool: dict[str, Path], reference: pl.DataFrame, tmp_path: Path
) -> None:
    frame = score(pool["csv"], tmp_path / "out.parquet", chunk_rows=7)
    assert frame["id"].to_list() == reference["id"].to_list()
    assert frame.select(pl.col("^crs_.*$")).equals(reference.select(pl.col("^crs_.*$")))


def test_jsonl_output_is_one_object_per_line(pool: dict[str, Path], tmp_path: Path) -> None:
    score(pool["jsonl"], tmp_path / "out.jsonl")
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert len(lines) == 300
    assert read_output(tmp_path / "out.jsonl").height == 300
