"""Synthetic people: seeded, stable, realistic, and the same person in both forms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from canpath.batch.convert import convert
from canpath.batch.flat_facts import flat_facts
from canpath.batch.scoring import snapshot_for
from canpath.batch.synth import people
from canpath.batch.synth_profiles import flat_table, profile_of, write_synthetic
from canpath.batch.table_facts import facts_of
from canpath.facts import Facts
from canpath.profile import parse_profile

from .conftest import ON


def _equal(flat: np.ndarray, derived: np.ndarray) -> np.ndarray:
    if flat.dtype == object:
        return np.array([a == b for a, b in zip(flat, derived, strict=True)])
    same = (
        (flat == derived) | ((flat != flat) & (derived != derived))
        if flat.dtype.kind == "f"
        else flat == derived
    )
    return same.all(axis=1) if same.ndim == 2 else same


@pytest.mark.parametrize("on", [ON, date(2025, 3, 1), date(2023, 7, 1), date(2019, 2, 28)])
def test_flat_rows_hold_what_the_derivers_find_in_the_profiles(on: date) -> None:
    columns = people(0, 800, 21, on)
    snapshot = snapshot_for(on)
    converted = convert(flat_table(columns))
    assert not converted.errors
    flat = flat_facts(converted, on, snapshot)
    from_table = facts_of(flat, on, snapshot)
    from_profiles = Facts.of(
        [parse_profile(profile_of(columns, row)) for row in range(800)], on, snapshot
    )
    for name in [*flat.columns, *flat.optional]:
        flat_values, derived = from_table[name], from_profiles[name]
        mismatched = np.flatnonzero(~_equal(flat_values, derived))
        assert not len(mismatched), (name, mismatched[:5])


def test_same_seed_same_people_and_rows_never_depend_on_n() -> None:
    few = people(0, 10, 4, ON)
    many = people(0, 70_000, 4, ON)
    later = people(65_530, 20, 4, ON)
    for name, values in few.items():
        assert np.array_equal(values, many[name][:10], equal_nan=values.dtype.kind in "fmM"), name
        assert np.array_equal(
            later[name], many[name][65_530:65_550], equal_nan=values.dtype.kind in "fmM"
        ), name
    other = people(0, 10, 5, ON)
    assert not np.array_equal(few["birth_date"], other["birth_date"])


def test_distributions_are_as_documented() -> None:
    pool = people(0, 65_536, 0, ON)
    ages = (np.datetime64(ON) - pool["birth_date"]).astype(int) / 365.25
    assert 30 < ages.mean() < 32.5
    assert 0.42 < (pool["spouse"] > 0).mean() < 0.48
    assert 0.33 < pool["_worker"].mean() < 0.37
    assert 0.10 < pool["_offer"].mean() < 0.14
    english = pool["_english"].min(axis=1)
    assert 7.0 < english[english > 0].mean() < 8.5


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_synth_writes_n_people(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"people.{kind}"
    write_synthetic(path, 70_000 if kind == "parquet" else 150, 1, ON)
    if kind == "jsonl":
        assert len(path.read_text().splitlines()) == 150
    else:
        frame = (
            pl.read_parquet(path) if kind == "parquet" else pl.read_csv(path, infer_schema=False)
        )
        assert frame.height == (70_000 if kind == "parquet" else 150)
        assert frame["id"][0] == "p1"
