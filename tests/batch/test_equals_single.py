"""The batch gives the same answers as the single-profile API, one person at a time (DESIGN §2.2).

Synthetic people go through the batch twice, as contract profiles (JSON Lines) and as flat rows,
and each row is compared with `canpath.api.assess` on the same profile.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canpath.batch.chunk import Chunk, score_chunk
from canpath.batch.scoring import Settings
from canpath.batch.synth import people
from canpath.batch.synth_profiles import flat_table, profile_of
from canpath.profile import load_profile

from .conftest import EXAMPLES, single

PEOPLE = 12
dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31))


def _rows(table: pa.Table) -> list[dict[str, object]]:
    return table.to_pylist()  # type: ignore[no-any-return]


def _same(row: dict[str, object], expected: dict[str, object], only: str = "") -> None:
    assert row["error"] == ""
    for name, value in expected.items():
        if name.startswith("crs_") or name.startswith(f"eligible_{only}"):
            assert row[name] == value, (row["id"], name)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), on=dates)
def test_flat_rows_and_profiles_score_as_one_at_a_time(seed: int, on: date) -> None:
    columns = people(0, PEOPLE, seed, on)
    profiles = [profile_of(columns, row) for row in range(PEOPLE)]
    as_flat, _ = score_chunk(Chunk(0, PEOPLE, table=flat_table(columns)), Settings(on))
    as_lines, _ = score_chunk(
        Chunk(0, PEOPLE, lines=[json.dumps(p) for p in profiles]), Settings(on)
    )
    for profile, flat_row, line_row in zip(profiles, _rows(as_flat), _rows(as_lines), strict=True):
        expected = single(profile, on)
        _same(line_row, expected)
        _same(flat_row, expected, only="express_entry_")


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), made_on=dates, on=dates)
def test_profiles_on_any_date_score_as_one_at_a_time(seed: int, made_on: date, on: date) -> None:
    """Profiles re-derive everything on the assessment date, whatever date they were made for."""
    columns = people(0, PEOPLE, seed, made_on)
    profiles = [profile_of(columns, row) for row in range(PEOPLE)]
    table, _ = score_chunk(Chunk(0, PEOPLE, lines=[json.dumps(p) for p in profiles]), Settings(on))
    for profile, row in zip(profiles, _rows(table), strict=True):
        _same(row, single(profile, on))


def test_a_batch_of_one_is_the_single_path() -> None:
    for path in sorted((EXAMPLES / "profiles").glob("*.yaml")):
        profile = load_profile(path)
        line = profile.model_dump_json(exclude_none=True)
        table, _ = score_chunk(Chunk(0, 1, lines=[line]), Settings(date(2026, 6, 1)))
        _same(_rows(table)[0], single(profile, date(2026, 6, 1)))


def test_the_template_rows_score_as_their_profiles() -> None:
    """examples/batch/template.csv holds the example profiles as flat rows on 2026-06-01."""
    import tempfile

    from .conftest import score

    with tempfile.TemporaryDirectory() as folder:
        frame = score(EXAMPLES / "batch" / "template.csv", Path(folder) / "out.jsonl")
    for row in frame.to_dicts():
        expected = single(load_profile(EXAMPLES / "profiles" / f"{row['id']}.yaml"))
        _same(row, expected, only="express_entry_")
