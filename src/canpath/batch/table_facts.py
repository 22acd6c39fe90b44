"""Facts over a flat chunk: columns always known, columns some rows lack, columns built on demand.

`row_groups` splits a chunk by which "unknown when empty" columns its rows lack; `facts_of` gives
the `Facts` of one group without those columns, so a program that needs one raises `KeyError`
for that group (its verdict is null there) and is evaluated for the other rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.facts import Facts
from canpath.params import Snapshot

Array = npt.NDArray[Any]
Rows = npt.NDArray[np.intp] | None
Builder = Callable[[], Array]


@dataclass
class FlatFacts:
    """A chunk's Facts columns: always known, known per row (with the rows lacking them), built lazily."""

    size: int
    columns: dict[str, Array]
    optional: dict[str, tuple[Builder, Array]] = field(default_factory=dict)


class TableFacts(Facts):
    """Facts over flat-table columns, some built on first use (object columns cost per row)."""

    def __init__(self, on: date, snapshot: Snapshot, columns: dict[str, Array],
                 lazy: dict[str, Callable[[], Array]], size: int) -> None:  # fmt: skip
        super().__init__(on, snapshot, columns=columns, size=size)
        self._lazy = lazy
        self._built: dict[str, Array] = {}

    def __contains__(self, name: str) -> bool:
        return name in self._lazy or super().__contains__(name)

    def __getitem__(self, name: str) -> Array:
        found = self._built.get(name)
        if found is None:
            build = self._lazy.get(name)
            if build is None:
                return super().__getitem__(name)
            found = self._built[name] = build()
        return found


def row_groups(flat: FlatFacts) -> list[tuple[Rows, frozenset[str]]]:
    """Rows that lack the same optional columns, with those columns: (row indexes or None for all)."""
    names = list(flat.optional)
    masks = [flat.optional[name][1] for name in names]
    if not any(mask.any() for mask in masks):
        return [(None, frozenset())]
    if all(mask.all() or not mask.any() for mask in masks):
        return [(None, frozenset(n for n, m in zip(names, masks, strict=True) if m.all()))]
    code = np.zeros(flat.size, dtype=np.int64)
    for bit, mask in enumerate(masks):
        code |= mask.astype(np.int64) << bit
    groups: list[tuple[Rows, frozenset[str]]] = []
    for value in np.unique(code).tolist():
        rows = np.flatnonzero(code == value)
        groups.append((rows, frozenset(n for bit, n in enumerate(names) if value >> bit & 1)))
    return groups


def facts_of(flat: FlatFacts, on: date, snapshot: Snapshot, rows: Rows = None,
             excluded: frozenset[str] = frozenset()) -> TableFacts:  # fmt: skip
    """Facts over some rows of a chunk, without the columns those rows lack."""
    if rows is None:
        columns = dict(flat.columns)
        lazy = {name: build for name, (build, _) in flat.optional.items() if name not in excluded}
        return TableFacts(on, snapshot, columns, lazy, flat.size)
    columns = {name: _take(values, rows) for name, values in flat.columns.items()}
    lazy = {
        name: _taking(build, rows)
        for name, (build, _) in flat.optional.items()
        if name not in excluded
    }
    return TableFacts(on, snapshot, columns, lazy, len(rows))


def _taking(build: Builder, rows: npt.NDArray[np.intp]) -> Builder:
    return lambda: _take(build(), rows)


def _take(values: Array, rows: npt.NDArray[np.intp]) -> Array:
    taken = values[rows]
    return np.asfortranarray(taken) if taken.ndim == 2 else taken
