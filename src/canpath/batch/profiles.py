"""JSON Lines of contract profiles: validated row by row, scored together, bad rows kept.

Each line is parsed and validated with `canpath.profile.parse_profile` (the same validation as a
profile file); the valid profiles of a chunk become one `Facts` batch, derived and scored by the
rules exactly as `canpath.api.crs` and `assess` do for one. If a rule fails on some profile, the
chunk is scored again one profile at a time, so only that row carries the error.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from canpath.batch.chunk import Notes, json_id, parse_json
from canpath.batch.scoring import Scores, crs_parts, to_table
from canpath.errors import ProfileError
from canpath.facts import Facts
from canpath.params import Snapshot
from canpath.profile import Profile, parse_profile


def read_profiles(
    lines: Sequence[str], start: int
) -> tuple[list[str], dict[int, str], list[Profile], list[int]]:
    """Ids, the rows in error (row: message), and the valid profiles with their positions."""
    ids: list[str] = []
    errors: dict[int, str] = {}
    profiles: list[Profile] = []
    where: list[int] = []
    for index, line in enumerate(lines):
        data, problem = parse_json(line)
        ids.append(json_id(data, start + index + 1))
        if not problem:
            try:
                profiles.append(parse_profile(data))
                where.append(index)
            except ProfileError as error:
                problem = "; ".join(str(item) for item in error.problems)
        if problem:
            errors[index] = problem
    return ids, errors, profiles, where


def score_lines(
    lines: Sequence[str], start: int, on: date, snapshot: Snapshot, programs: tuple[str, ...]
) -> tuple[pa.Table, Notes]:
    """One output row per line: the profile's results, or its error."""
    ids, errors, profiles, where = read_profiles(lines, start)
    scores = Scores.empty(len(lines), programs)
    if profiles:
        try:
            score_profiles(
                scores, profiles, np.asarray(where, dtype=np.intp), on, snapshot, programs
            )
        except Exception:  # noqa: BLE001 - find the row at fault, keep the others
            for profile, row in zip(profiles, where, strict=True):
                try:
                    score_profiles(
                        scores, [profile], np.asarray([row], dtype=np.intp), on, snapshot, programs
                    )
                except Exception as error:  # noqa: BLE001 - the row carries its error
                    errors[row] = f"could not be scored: {type(error).__name__}: {error}"
    return to_table(pa.array(ids, type=pa.string()), scores, errors, programs), scores.notes


def score_profiles(
    scores: Scores,
    profiles: Sequence[Profile],
    rows: npt.NDArray[np.intp],
    on: date,
    snapshot: Snapshot,
    programs: tuple[str, ...],
) -> None:
    """The CRS and each program's verdict for profiles, written at `rows` of `scores`.

    A failing CRS raises (the caller retries row by row); a program that fails for a single
    profile leaves its verdict null and a note, so one program's fault never costs the CRS.
    """
    from canpath.programs import all_programs

    facts = Facts.of(profiles, on, snapshot)
    for name, values in crs_parts(facts).items():
        scores.crs[name][rows] = values
    registry = {program.id: program for program in all_programs()}
    for program_id in programs:
        try:
            scores.eligible[program_id][rows] = registry[program_id].evaluated(facts).eligible
        except Exception as error:
            if len(profiles) > 1:
                raise
            scores.note(program_id, f"{type(error).__name__}: {error}", 1)
