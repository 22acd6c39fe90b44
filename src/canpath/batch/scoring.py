"""Facts to result columns: the CRS and its parts, each program's verdict, as one output table.

This is where the batch meets the rules: `crs_columns` and each program's `evaluated`, the very
functions `canpath.api.crs` and `canpath.api.assess` call for one person. A program that needs a
column the input lacks raises `KeyError`; its verdict is then null for those rows, and the reason
is kept for the run's summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from canpath.facts import Facts
from canpath.params import Snapshot
from canpath.programs import UNKNOWN
from canpath.rules.federal.express_entry.crs.score import PARTS, crs_columns

Array = npt.NDArray[Any]
CRS_SLICE_ROWS = 65_536  # rows per crs_columns call: its temporaries stay in the CPU cache
CRS_COLUMNS = ("crs_total", *(f"crs_{part}" for part in PARTS))


@dataclass(frozen=True)
class Settings:
    """What a run computes: the assessment date and the programs (ids or prefixes; None = all)."""

    on: date
    programs: tuple[str, ...] | None = None


@cache
def program_ids(programs: tuple[str, ...] | None) -> tuple[str, ...]:
    """The ids of the chosen programs, in display order (raises UnknownNameError)."""
    from canpath.api import select_programs

    return tuple(program.id for program in select_programs(programs))


def eligible_column(program_id: str) -> str:
    return "eligible_" + program_id.replace(".", "_")


def output_schema(programs: Sequence[str]) -> pa.Schema:
    """Output columns: id, the CRS and its parts, a verdict per program, and the error."""
    return pa.schema(
        [pa.field("id", pa.string())]
        + [pa.field(name, pa.int16()) for name in CRS_COLUMNS]
        + [pa.field(eligible_column(program), pa.bool_()) for program in programs]
        + [pa.field("error", pa.string())]
    )


@dataclass
class Scores:
    """Results for the rows of one chunk; `notes` say why a program has no verdict (and for how many)."""

    crs: dict[str, Array]
    eligible: dict[str, Array]
    notes: dict[str, tuple[str, int]] = field(default_factory=dict)

    @classmethod
    def empty(cls, size: int, programs: Sequence[str]) -> Scores:
        return cls(
            crs={name: np.zeros(size, dtype=np.int16) for name in CRS_COLUMNS},
            eligible={program: np.full(size, UNKNOWN, dtype=np.int8) for program in programs},
        )

    def note(self, program: str, reason: str, rows: int) -> None:
        previous = self.notes.get(program)
        self.notes[program] = (
            previous[0] if previous else reason,
            rows + (previous[1] if previous else 0),
        )


def crs_parts(facts: Facts, rows: int = CRS_SLICE_ROWS, threads: int = 1) -> dict[str, Array]:
    """The CRS total and parts of every row: `crs_columns` over slices of the facts' columns.

    Slices keep the rule functions' temporaries in the CPU cache; `threads` > 1 scores slices
    in parallel (NumPy releases the GIL), the fast path for large in-memory columns.
    """
    names = ("total", *PARTS)
    if len(facts) <= rows or facts.profiles is not None:
        return _parts(crs_columns(facts, facts.snapshot), names)

    def part(start: int) -> dict[str, Array]:
        size = min(rows, len(facts) - start)
        piece = Facts(
            facts.on, facts.snapshot, columns=_slice_columns(facts, start, start + size), size=size
        )
        return _parts(crs_columns(piece, piece.snapshot), names)

    starts = range(0, len(facts), rows)
    if threads > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            pieces = list(pool.map(part, starts))
    else:
        pieces = [part(start) for start in starts]
    return {name: np.concatenate([piece[name] for piece in pieces]) for name in pieces[0]}


CRS_FACTS = (
    "age_years", "is_scored_with_spouse", "education_level", "canadian_credential", "english_clb",
    "french_nclc", "first_official_language", "canadian_work_years", "foreign_work_years",
    "has_certificate_of_qualification", "has_enhanced_nomination", "has_sibling_in_canada",
    "arranged_employment", "arranged_employment_is_lmia_backed", "spouse_education_level",
    "spouse_clb", "spouse_canadian_work_years",
)  # fmt: skip


def _slice_columns(facts: Facts, start: int, end: int) -> dict[str, Array]:
    return {name: facts[name][start:end] for name in CRS_FACTS}


def _parts(columns: Any, names: Iterable[str]) -> dict[str, Array]:
    return {
        f"crs_{name}": np.asarray(
            columns.total if name == "total" else columns.parts[name], dtype=np.int16
        )
        for name in names
    }


# (date, program, columns at hand) -> why the program cannot run on them. Rules read columns, not
# values, to decide what they need, so a program that lacked a column once lacks it for every chunk
# with the same columns: later chunks skip it (and every chunk of a file gets the same verdicts).
_LACKING: dict[tuple[date, str, frozenset[str]], str] = {}


def evaluate_into(
    scores: Scores, facts: Facts, programs: Sequence[str], rows: npt.NDArray[np.intp] | None,
    available: frozenset[str] | None = None,
) -> None:  # fmt: skip
    """Each program's verdict over `facts`, written at `rows` of `scores` (all rows when None).

    `available` names the columns `facts` holds (flat tables); it lets programs known to lack a
    column be skipped without running.
    """
    from canpath.programs import all_programs

    registry = {program.id: program for program in all_programs()}
    for program_id in programs:
        key = (facts.on, program_id, available) if available is not None else None
        if key is not None and key in _LACKING:
            scores.note(program_id, _LACKING[key], len(facts))
            continue
        try:
            eligible = registry[program_id].evaluated(facts).eligible
        except KeyError as error:
            reason = str(error.args[0]) if error.args else "a column is missing"
            scores.note(program_id, reason, len(facts))
            if key is not None:
                _LACKING[key] = reason
            continue
        except Exception as error:  # noqa: BLE001 - one program's fault must not lose the other results
            scores.note(program_id, f"{type(error).__name__}: {error}", len(facts))
            continue
        if rows is None:
            scores.eligible[program_id] = np.asarray(eligible, dtype=np.int8)
        else:
            scores.eligible[program_id][rows] = eligible


def text_column(size: int, sparse: Mapping[int, str]) -> pa.Array:
    """A text column of "" but at the rows of `sparse` (built without a Python object per row)."""
    offsets = np.zeros(size + 1, dtype=np.int64)
    rows = sorted(sparse)
    encoded = [sparse[row].encode("utf-8") for row in rows]
    if rows:
        lengths = np.zeros(size, dtype=np.int64)
        lengths[np.asarray(rows, dtype=np.intp)] = [len(text) for text in encoded]
        np.cumsum(lengths, out=offsets[1:])
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    return pa.Array.from_buffers(pa.large_string(), size, buffers).cast(pa.string())


def to_table(
    ids: pa.Array, scores: Scores, errors: Mapping[int, str], programs: Sequence[str]
) -> pa.Table:
    """The output rows of a chunk; rows with an error have null results."""
    size = len(ids)
    failed = np.zeros(size, dtype=bool)
    failed[np.fromiter(errors, dtype=np.intp, count=len(errors))] = True
    schema = output_schema(programs)
    arrays: list[pa.Array] = [ids]
    for name in CRS_COLUMNS:
        arrays.append(pa.array(scores.crs[name], type=pa.int16(), mask=failed if errors else None))
    for program in programs:
        verdict = scores.eligible[program]
        arrays.append(pa.array(verdict == 1, type=pa.bool_(), mask=(verdict == UNKNOWN) | failed))
    arrays.append(text_column(size, errors))
    return pa.Table.from_arrays(arrays, schema=schema)


def snapshot_for(on: date) -> Snapshot:
    """The rules in force on the date (raises ParameterNotInForce before Express Entry)."""
    from canpath.api import facts_for

    return facts_for([], on).snapshot
