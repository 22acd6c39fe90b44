"""The chunk function every engine runs: rows in (flat table or JSON lines), result rows out.

`score_chunk` is pure (rows, settings) -> (output table, notes), so the in-process engine runs it
on threads and the Dask engine on workers. The output has exactly one row per input row, in
order: rows that could not be read or validated carry their error and null results.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from canpath.batch.scoring import (
    Scores,
    Settings,
    crs_parts,
    evaluate_into,
    program_ids,
    snapshot_for,
    to_table,
)
from canpath.params import Snapshot

Notes = dict[str, tuple[str, int]]


@dataclass
class Chunk:
    """Consecutive input rows: a flat table (CSV/Parquet) or JSON lines (contract profiles).

    `positions` says where the table's rows sit in the chunk when some lines could not be parsed;
    those are in `broken` as position -> (error, id or None).
    """

    start: int
    size: int
    table: pa.Table | None = None
    lines: list[str] | None = None
    positions: npt.NDArray[np.intp] | None = None
    broken: dict[int, tuple[str, str | None]] = field(default_factory=dict)


@functools.lru_cache(maxsize=8)
def _snapshot(on: date) -> Snapshot:
    return snapshot_for(on)


def score_chunk(chunk: Chunk, settings: Settings) -> tuple[pa.Table, Notes]:
    """Score every row of a chunk: one output row per input row, in input order."""
    programs = program_ids(settings.programs)
    if chunk.lines is not None:
        from canpath.batch.profiles import score_lines

        table, notes = score_lines(
            chunk.lines, chunk.start, settings.on, _snapshot(settings.on), programs
        )
        return table, notes
    good = chunk.table if chunk.table is not None else pa.table({})
    positions = (
        chunk.positions if chunk.positions is not None else np.arange(good.num_rows, dtype=np.intp)
    )
    table, notes = _score_flat(good, chunk.start + positions + 1, settings.on, programs)
    if chunk.broken:
        table = _with_broken(table, positions, chunk, programs)
    return table, notes


def _score_flat(
    table: pa.Table, row_numbers: npt.NDArray[np.intp], on: date, programs: tuple[str, ...]
) -> tuple[pa.Table, Notes]:
    from canpath.batch.convert import convert
    from canpath.batch.flat_facts import flat_facts
    from canpath.batch.table_facts import facts_of, row_groups

    snapshot = _snapshot(on)
    converted = convert(table)
    flat = flat_facts(converted, on, snapshot)
    scores = Scores.empty(flat.size, programs)
    if flat.size:
        scores.crs = crs_parts(facts_of(flat, on, snapshot))
        for rows, excluded in row_groups(flat):
            available = frozenset(flat.columns) | (frozenset(flat.optional) - excluded)
            facts = facts_of(flat, on, snapshot, rows, excluded)
            evaluate_into(scores, facts, programs, rows, available)
    ids = converted.text.get("id")
    if ids is None or ids.null_count:
        numbers = pa.array(row_numbers, type=pa.int64()).cast(pa.string())
        ids = numbers if ids is None else pc.fill_null(ids, numbers)
    return to_table(ids, scores, converted.errors, programs), scores.notes


def error_rows(ids: list[str], errors: list[str], programs: tuple[str, ...]) -> pa.Table:
    """Output rows for inputs that could not be scored: their id and error, null results."""
    scores = Scores.empty(len(ids), programs)
    return to_table(pa.array(ids, type=pa.string()), scores, dict(enumerate(errors)), programs)


def _with_broken(
    table: pa.Table, positions: npt.NDArray[np.intp], chunk: Chunk, programs: tuple[str, ...]
) -> pa.Table:
    where = sorted(chunk.broken)
    ids = [chunk.broken[p][1] or str(chunk.start + p + 1) for p in where]
    broken = error_rows(ids, [chunk.broken[p][0] for p in where], programs)
    combined = pa.concat_tables([table, broken])
    order = np.empty(chunk.size, dtype=np.intp)
    order[positions] = np.arange(len(positions))
    order[np.asarray(where, dtype=np.intp)] = len(positions) + np.arange(len(where))
    return combined.take(pa.array(order))


def json_id(data: Any, row_number: int) -> str:
    """The id of a JSON row for the output: its `id` if it has a plain one, else its row number."""
    value = data.get("id") if isinstance(data, dict) else None
    if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    return str(row_number)


def parse_json(line: str) -> tuple[Any, str]:
    """A JSON value and "" or None and why the line is not JSON."""
    try:
        return json.loads(line), ""
    except (json.JSONDecodeError, RecursionError) as error:
        return None, f"not valid JSON: {error}"
