"""Facts: what the rules read about people on a date, held as columns (one row per person).

Rules are functions over columns, so one person is a batch of one and a million people are the
same code. Columns come from two places:

* derivers, registered with `@deriver`, compute facts from a `Profile` (age on the date, CLB per
  ability, years of experience inside a window, ...); a column is derived on first use, for every
  row, and kept;
* tables already in the flat layout (batch input) provide columns directly.

A deriver also returns a `detail` object per person (which test was used, which jobs counted),
which explanations show; rows built from flat tables have no detail.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.errors import UnknownNameError
from canpath.params import Snapshot
from canpath.profile import Profile

Array = npt.NDArray[Any]


@dataclass(frozen=True)
class Column:
    """A fact column: name, NumPy dtype, width (1 = a plain column; 4 = per language ability)."""

    name: str
    dtype: str
    description: str
    width: int = 1
    missing: Any = 0


@dataclass(frozen=True)
class Deriver:
    """A function that derives a group of columns (and one detail object) from one profile."""

    group: str
    columns: tuple[Column, ...]
    function: Callable[[Profile, date, Snapshot], tuple[Mapping[str, Any], Any]]


# Packages whose `DERIVER_MODULES` list the modules that register derivers; imported on the
# first miss, so a column is always findable.
DERIVER_PACKAGES = (
    "canpath.rules",
    "canpath.rules.federal.express_entry",
    "canpath.rules.federal.work_permits",
    "canpath.rules.provinces",
)

DERIVERS: dict[str, Deriver] = {}
COLUMNS: dict[str, Column] = {}
_BY_COLUMN: dict[str, Deriver] = {}


def deriver(
    group: str, columns: Sequence[Column]
) -> Callable[
    [Callable[[Profile, date, Snapshot], tuple[Mapping[str, Any], Any]]],
    Callable[[Profile, date, Snapshot], tuple[Mapping[str, Any], Any]],
]:
    """Register a function deriving `columns` for one profile on a date: (values, detail)."""

    def register(
        function: Callable[[Profile, date, Snapshot], tuple[Mapping[str, Any], Any]],
    ) -> Callable[[Profile, date, Snapshot], tuple[Mapping[str, Any], Any]]:
        found = Deriver(group, tuple(columns), function)
        DERIVERS[group] = found
        for column in columns:
            owner = _BY_COLUMN.get(column.name)
            if owner is not None and owner.group != group:
                raise ValueError(
                    f"fact column {column.name!r} is derived by both {owner.group} and {group}"
                )
            COLUMNS[column.name] = column
            _BY_COLUMN[column.name] = found
        return function

    return register


def _column_array(values: list[Any], dtype: str, shape: tuple[int, ...]) -> Array:
    """A column from per-row values; object columns keep each value whole (tuples stay tuples)."""
    if dtype == "object":
        column = np.empty(len(values), dtype=object)
        for index, value in enumerate(values):
            column[index] = value
        return column
    return np.asarray(values, dtype=dtype).reshape(shape)


def load_derivers() -> None:
    """Import every module that registers derivers."""
    for package in DERIVER_PACKAGES:
        for module in getattr(importlib.import_module(package), "DERIVER_MODULES", ()):
            importlib.import_module(module)


class Facts:
    """The facts about a batch of people on one date, under one rules snapshot."""

    def __init__(
        self,
        on: date,
        snapshot: Snapshot,
        profiles: Sequence[Profile] | None = None,
        columns: Mapping[str, Array] | None = None,
        size: int | None = None,
        row_dates: Sequence[date] | None = None,
    ) -> None:
        self.on = on
        self.snapshot = snapshot
        self.profiles = list(profiles) if profiles is not None else None
        # Each row may be derived on its own date (the planner's months), under one snapshot whose
        # values hold on all of them. Rules read dates from columns, never from `on`, except to
        # word a message.
        self.row_dates = list(row_dates) if row_dates is not None else None
        self._columns: dict[str, Array] = dict(columns or {})
        self._details: dict[str, list[Any]] = {}
        self._memo: dict[str, Any] = {}
        if size is None:
            if self.profiles is not None:
                size = len(self.profiles)
            elif self._columns:
                size = len(next(iter(self._columns.values())))
            else:
                size = 0
        self.size = size

    @classmethod
    def of(cls, profiles: Sequence[Profile], on: date, snapshot: Snapshot) -> Facts:
        return cls(on, snapshot, profiles=profiles)

    def __len__(self) -> int:
        return self.size

    def days(self) -> list[date]:
        """The date each row is assessed on: `on` for all, or each row's own (the planner's)."""
        return list(self.row_dates) if self.row_dates is not None else [self.on] * self.size

    def __contains__(self, name: str) -> bool:
        return name in self._columns or (self.profiles is not None and name in _BY_COLUMN)

    def __getitem__(self, name: str) -> Array:
        found = self._columns.get(name)
        if found is None:
            self._derive(name)
            found = self._columns[name]
        return found

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """Compute something once per batch (e.g. a program other programs depend on)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def detail(self, group: str, row: int) -> Any:
        """The detail object a deriver group produced for one row (None for flat-table rows)."""
        if self.profiles is None:
            return None
        if group not in self._details:
            self._run(DERIVERS[group])
        return self._details[group][row]

    def _derive(self, name: str) -> None:
        if name not in _BY_COLUMN:
            load_derivers()
        found = _BY_COLUMN.get(name)
        if found is None:
            raise UnknownNameError("fact column", name, COLUMNS)
        if self.profiles is None:
            column = COLUMNS[name]
            raise KeyError(f"column {name!r} ({column.description}) is not in the input table")
        self._run(found)

    def _run(self, found: Deriver) -> None:
        assert self.profiles is not None
        values: dict[str, list[Any]] = {column.name: [] for column in found.columns}
        details: list[Any] = []
        dates = self.days()
        for profile, day in zip(self.profiles, dates, strict=True):
            row, detail = found.function(profile, day, self.snapshot)
            for column in found.columns:
                values[column.name].append(row[column.name])
            details.append(detail)
        for column in found.columns:
            if column.name not in self._columns:
                shape = (self.size, column.width) if column.width > 1 else (self.size,)
                self._columns[column.name] = _column_array(values[column.name], column.dtype, shape)
        self._details[found.group] = details
