"""Points grids over columns, with factors a profile cannot be scored on kept apart (never zero).

A provincial grid scores a factor per row, or marks the row unknown for that factor and names the
profile answer that is missing (`job_offer.region`, `job_offer.hourly_wage_cad`, ...) or the part
of the rule the research lacks. The total is known only when every factor is; otherwise the detail
gives the range the missing factors leave open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.params import InForce
from canpath.params.lookup import number

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
UNKNOWN_SCORE = -1


def threshold_points(in_force: InForce, values: npt.ArrayLike, *path: str) -> IntArray:
    """Points from a table keyed by lower bounds (wage, months, level): the row of the largest key not above the value."""

    def build() -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        table: Mapping[float, int] = number(in_force, *path)
        keys = sorted(table)
        return np.asarray(keys, dtype=float), np.asarray(
            [table[key] for key in keys], dtype=np.int64
        )

    keys, points = in_force.cached("threshold:" + ".".join(path), build)
    position = (
        np.searchsorted(
            keys,
            np.where(np.isnan(numbers := np.asarray(values, dtype=float)), -np.inf, numbers),
            side="right",
        )
        - 1
    )
    return np.where(position >= 0, points[np.maximum(position, 0)], 0)


@dataclass
class GridScore:
    """Points per factor for every row; rows a factor cannot score, and which answer is missing."""

    maximum: int
    factors: dict[str, IntArray] = field(default_factory=dict)
    maxima: dict[str, int] = field(default_factory=dict)
    missing: dict[str, tuple[BoolArray, str]] = field(default_factory=dict)
    not_asked: tuple[str, ...] = ()

    def add(
        self,
        name: str,
        points: npt.ArrayLike,
        maximum: int,
        unknown: npt.ArrayLike | None = None,
        answer: str = "",
    ) -> None:
        """Record a factor; rows in `unknown` cannot be scored because `answer` is missing."""
        values = np.asarray(points, dtype=np.int64)
        self.factors[name] = np.minimum(values, maximum)
        self.maxima[name] = maximum
        if unknown is not None and np.asarray(unknown).any():
            self.missing[name] = (np.asarray(unknown, dtype=bool), answer)

    @cached_property
    def known(self) -> BoolArray:
        """Rows whose every factor could be scored."""
        size = len(next(iter(self.factors.values())))
        found = np.ones(size, dtype=bool)
        for rows, _ in self.missing.values():
            found &= ~rows
        return found

    @cached_property
    def low(self) -> IntArray:
        """The score counting unknown factors as 0 (the low end of the range)."""
        points = sum(
            np.where(self.missing[name][0], 0, values) if name in self.missing else values
            for name, values in self.factors.items()
        )
        return np.minimum(np.asarray(points, dtype=np.int64), self.maximum)

    @cached_property
    def total(self) -> IntArray:
        """The score per row, or -1 where some factor cannot be scored."""
        return np.where(self.known, self.low, UNKNOWN_SCORE)

    def answers_missing(self, row: int) -> list[str]:
        """The answers a row lacks, for its unknown factors."""
        return sorted({answer for rows, answer in self.missing.values() if rows[row]})

    def high(self, row: int) -> int:
        """The score counting unknown factors at their maximum (the high end of the range)."""
        extra = sum(self.maxima[name] for name, (rows, _) in self.missing.items() if rows[row])
        return min(int(self.low[row]) + extra, self.maximum)

    def detail(self, row: int) -> dict[str, Any]:
        """The public score shape: points (None when unknown), maximum, factors, missing answers, range."""
        unknown = {name for name, (rows, _) in self.missing.items() if rows[row]}
        found: dict[str, Any] = {
            "points": int(self.total[row]) if self.known[row] else None,
            "maximum": self.maximum,
            "factors": {
                name: (None if name in unknown else int(values[row]))
                for name, values in self.factors.items()
            },
        }
        if unknown:
            found["missing"] = self.answers_missing(row)
            found["range"] = [int(self.low[row]), self.high(row)]
        if self.not_asked:
            found["not_asked"] = list(self.not_asked)
        return found
