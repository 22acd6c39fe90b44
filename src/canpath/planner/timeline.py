"""The rules re-run on each month of a route: CRS, program eligibility, round types open."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from canpath.facts import Facts
from canpath.params import RULES
from canpath.planner.projection import Projection
from canpath.programs import TRUE, UNKNOWN, Program, all_programs
from canpath.rules.federal.express_entry.crs.score import crs_of
from canpath.timeutil import add_months

PLANNED_KINDS = ("permanent_residence", "express_entry_category", "provincial_nomination")
# Program ids whose eligibility opens a type of Express Entry round (rounds feed categories).
PROGRAM_ROUNDS = {
    "express_entry.fsw": "fsw",
    "express_entry.cec": "cec",
    "express_entry.fst": "fst",
}
CATEGORY_PREFIX = "express_entry.category."


@dataclass(frozen=True)
class Month:
    """One month of a route: the CRS, each program's verdict and the round types open."""

    day: date
    crs: int
    eligible: dict[str, bool | None]
    round_types: tuple[str, ...]
    in_pool: bool

    def is_eligible(self, program_id: str) -> bool:
        return self.eligible.get(program_id) is True


def month_dates(on: date, months: int) -> list[date]:
    return [add_months(on, month) for month in range(months + 1)]


def planned_programs() -> list[Program]:
    return [program for program in all_programs() if program.kind in PLANNED_KINDS]


def round_type_programs() -> list[str]:
    """The programs whose verdicts decide which rounds of invitations a person can be invited in."""
    return [
        p.id
        for p in planned_programs()
        if p.id in PROGRAM_ROUNDS or p.id.startswith(CATEGORY_PREFIX)
    ]


def _epochs(days: Sequence[date]) -> list[list[int]]:
    """Rows grouped so that no rule changes inside a group (one snapshot serves it)."""
    changes = RULES.change_dates()
    groups: dict[int, list[int]] = {}
    for row, day in enumerate(days):
        groups.setdefault(bisect.bisect_right(changes, day), []).append(row)
    return list(groups.values())


def _round_types(eligible: dict[str, bool | None], has_nomination: bool) -> tuple[str, ...]:
    found = [rounds for program, rounds in PROGRAM_ROUNDS.items() if eligible.get(program) is True]
    found += [
        pid.removeprefix(CATEGORY_PREFIX)
        for pid, ok in eligible.items()
        if pid.startswith(CATEGORY_PREFIX) and ok
    ]
    if has_nomination and found:
        found.append("pnp")
    return tuple(found)


def evaluate(
    projection: Projection, days: Sequence[date], only: Sequence[str] | None = None
) -> list[Month]:
    """The months of a route: every planned program (or those in `only`) and the CRS on each day."""
    programs = [p for p in planned_programs() if only is None or p.id in only]
    months: list[Month | None] = [None] * len(days)
    for rows in _epochs(days):
        first = days[rows[0]]
        snapshot = RULES.at(first)
        if not snapshot.is_in_force("federal.express_entry.crs.caps"):
            raise ValueError(f"no CRS rules on {first}")
        facts = Facts(
            first, snapshot,
            profiles=[projection.on(days[row]) for row in rows],
            row_dates=[days[row] for row in rows],
        )  # fmt: skip
        totals = crs_of(facts).total
        verdicts = {program.id: program.evaluated(facts).eligible for program in programs}
        nominated = facts["has_enhanced_nomination"]
        for position, row in enumerate(rows):
            eligible = {
                pid: None if v[position] == UNKNOWN else bool(v[position] == TRUE)
                for pid, v in verdicts.items()
            }
            in_pool = any(eligible.get(pid) is True for pid in PROGRAM_ROUNDS)
            months[row] = Month(
                day=days[row],
                crs=int(totals[position]),
                eligible=eligible,
                round_types=_round_types(eligible, bool(np.asarray(nominated)[position])),
                in_pool=in_pool,
            )
    return [month for month in months if month is not None]
