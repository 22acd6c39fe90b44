"""Shared set-up for the batch tests: a date, small synthetic pools, and helpers to run a batch."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from canpath.api import assess
from canpath.batch.engine import run, threads
from canpath.batch.scoring import CRS_COLUMNS, Settings, eligible_column
from canpath.batch.synth_profiles import write_synthetic

ON = date(2026, 6, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def score(source: Path, output: Path, on: date = ON, programs: tuple[str, ...] | None = None,
          chunk_rows: int | None = None, engine: Any = None) -> pl.DataFrame:  # fmt: skip
    """Run a batch and read its output back as a frame (every column as written)."""
    settings = Settings(on, programs)
    chosen = engine or (lambda s: threads(s, 2))
    run(source, output, settings, chosen, chunk_rows, progress=False)
    return read_output(output)


def read_output(path: Path) -> pl.DataFrame:
    """An output file as a frame with the same types whatever the format (CRS as Int64)."""
    if path.suffix == ".parquet":
        frame = pl.read_parquet(path)
    elif path.suffix == ".csv":
        frame = pl.read_csv(path, infer_schema=False)
        frame = frame.with_columns(
            pl.col("error").fill_null(""),
            *(pl.col(n).replace_strict({"true": True, "false": False}, return_dtype=pl.Boolean)
              for n in frame.columns if n.startswith("eligible_")),
        )  # fmt: skip
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        frame = pl.DataFrame(rows, infer_schema_length=None).select(list(rows[0]))
    return frame.with_columns(pl.col(n).cast(pl.Int64) for n in CRS_COLUMNS)


def single(profile: Any, on: date = ON, programs: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The single-profile API's answers in the batch's column names."""
    result = assess(profile, on, programs)
    found: dict[str, Any] = {"crs_total": result.crs.total}
    found.update({f"crs_{name}": value for name, value in result.crs.breakdown.items()})
    found.update({eligible_column(program.id): program.eligible for program in result.programs})
    return found


def results(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """The result columns of each output row (no id, no error), as Python values."""
    names = [n for n in frame.columns if n in CRS_COLUMNS or n.startswith("eligible_")]
    return frame.select(names).to_dicts()


@pytest.fixture(scope="session")
def pool(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same 300 synthetic people in every input format."""
    folder = tmp_path_factory.mktemp("pool")
    paths = {kind: folder / f"pool.{kind}" for kind in ("jsonl", "csv", "parquet")}
    for path in paths.values():
        write_synthetic(path, 300, 11, ON)
    return paths
