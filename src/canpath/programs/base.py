"""The program interface: criteria as tri-state columns, explained row by row.

`met` columns hold TRUE (1), FALSE (0) or UNKNOWN (-1: the profile lacks what the criterion
needs, or the rule's data is not confirmed). A program is eligible when every criterion is met,
not eligible when any is not met, and unknown otherwise.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.params import RuleWarning, Snapshot
from canpath.results import Citation, Criterion, ProgramKind, ProgramResult

TRUE, FALSE, UNKNOWN = 1, 0, -1
Tristate = npt.NDArray[np.int8]


def tristate(met: npt.ArrayLike, known: npt.ArrayLike | None = None) -> Tristate:
    """TRUE/FALSE from a boolean column, UNKNOWN where `known` is False."""
    values = np.where(np.asarray(met, dtype=bool), TRUE, FALSE).astype(np.int8)
    if known is not None:
        values = np.where(np.asarray(known, dtype=bool), values, UNKNOWN).astype(np.int8)
    return values


def as_eligible(value: int) -> bool | None:
    return None if value == UNKNOWN else bool(value)


def cite(snapshot: Snapshot, parameter_id: str) -> Citation | None:
    """The first reference of a parameter in force, as a citation (None if not in force)."""
    if not snapshot.is_in_force(parameter_id):
        return None
    in_force = snapshot[parameter_id]
    return in_force.cached("citation", lambda: Citation.of(in_force.reference))  # type: ignore[no-any-return]


@dataclass
class CriterionColumn:
    """One criterion over all rows: the rule, met per row, and how to explain a row."""

    rule: str
    met: Tristate
    reason: Callable[[int], Message]
    reference: Citation | None = None
    needed: Callable[[int], Message | None] | None = None
    unconfirmed: bool = False

    def at(self, row: int) -> Criterion:
        met = int(self.met[row])
        return Criterion(
            rule=self.rule,
            met=as_eligible(met),
            reason=self.reason(row),
            reference=self.reference,
            needed=self.needed(row) if self.needed is not None and met != TRUE else None,
            unconfirmed=self.unconfirmed,
        )


@dataclass
class ProgramColumns:
    """A program evaluated over every row."""

    id: str
    kind: ProgramKind
    criteria: list[CriterionColumn]
    size: int
    score: npt.NDArray[np.integer[Any]] | None = None
    score_detail: Callable[[int], dict[str, Any]] | None = None
    facts: Callable[[int], dict[str, Any]] | None = None
    warnings: list[RuleWarning] = field(default_factory=list)
    status: str = "open"

    @cached_property
    def eligible(self) -> Tristate:
        if not self.criteria:
            return np.full(self.size, UNKNOWN, dtype=np.int8)
        # Order the verdicts FALSE < UNKNOWN < TRUE and take the lowest of the criteria.
        lowest = np.full(self.size, TRUE, dtype=np.int8)
        for criterion in self.criteria:
            np.minimum(lowest, np.where(criterion.met == FALSE, -2, criterion.met), out=lowest)
        return np.where(lowest == -2, FALSE, lowest).astype(np.int8)

    def result(self, row: int) -> ProgramResult:
        return ProgramResult(
            id=self.id,
            kind=self.kind,
            eligible=as_eligible(int(self.eligible[row])),
            criteria=[criterion.at(row) for criterion in self.criteria],
            score=self.score_detail(row) if self.score_detail is not None else None,
            facts=self.facts(row) if self.facts is not None else {},
            warnings=list(self.warnings),
            status=self.status,  # type: ignore[arg-type]
        )


class Program(ABC):
    """An immigration program or stream canpath assesses."""

    id: str
    kind: ProgramKind
    uses: tuple[str, ...] = ()

    @abstractmethod
    def evaluate(self, facts: Facts) -> ProgramColumns:
        """Evaluate every row of `facts` (on `facts.on`, under `facts.snapshot`)."""

    def evaluated(self, facts: Facts) -> ProgramColumns:
        """`evaluate`, computed once per batch of facts (programs may depend on each other)."""
        return facts.memo(f"program:{self.id}", lambda: self.evaluate(facts))  # type: ignore[no-any-return]

    def warnings(self, snapshot: Snapshot) -> list[RuleWarning]:
        return snapshot.warnings(set(self.uses))


def closed_program(
    program: Program, facts: Facts, parameter_id: str, status: str = "closed"
) -> ProgramColumns:
    """A program whose defining parameter is not in force on the date: closed (or not yet open)."""
    parameter = facts.snapshot.store.parameter(parameter_id)
    key = "program.not_yet_open" if status == "not_yet_open" else "program.closed"
    reason = msg(key, opens=parameter.first_date.isoformat(), closed=str(parameter.ended or ""))
    criterion = CriterionColumn(
        rule=f"{program.id}.in_force",
        met=np.full(facts.size, FALSE, dtype=np.int8),
        reason=lambda row: reason,
        reference=Citation.of(
            parameter.content.references[next(iter(parameter.content.references))]
        ),
    )
    return ProgramColumns(program.id, program.kind, [criterion], facts.size, status=status)
