"""Table lookups over NumPy columns, built once per parameter value and reused.

Integer-keyed tables (age, CLB, years) clip to their first and last keys: the first key covers
every lower value, the last every higher one. Name-keyed tables (education levels) are indexed by
a column of level codes in a fixed order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.errors import ParameterError
from canpath.params.store import InForce

IntArray = npt.NDArray[np.integer[Any]]


def _dig(value: Any, path: Sequence[str], parameter_id: str) -> Any:
    for key in path:
        try:
            value = value[key]
        except (KeyError, TypeError):
            raise ParameterError(f"{parameter_id}: no key {'.'.join(path)} in the value") from None
    return value


def by_integer(in_force: InForce, values: IntArray, *path: str) -> IntArray:
    """Look up each value in an integer-keyed table, clipping to the table's key range."""

    def build() -> tuple[npt.NDArray[np.int32], int, int]:
        table: Mapping[int, int] = _dig(in_force.value, path, in_force.parameter_id)
        low, high = min(table), max(table)
        dense = np.zeros(high - low + 1, dtype=np.int32)
        last = table[low]
        for key in range(low, high + 1):
            last = table.get(key, last)
            dense[key - low] = last
        return dense, low, high

    dense, low, high = in_force.cached("int:" + ".".join(path), build)
    return dense[np.minimum(np.maximum(values, low), high) - low]  # type: ignore[no-any-return]


def by_name(in_force: InForce, codes: IntArray, names: Sequence[str], *path: str) -> IntArray:
    """Look up level codes (positions in `names`) in a table keyed by those names."""

    def build() -> npt.NDArray[np.int32]:
        table: Mapping[str, int] = _dig(in_force.value, path, in_force.parameter_id)
        missing = [name for name in names if name not in table]
        if missing:
            raise ParameterError(f"{in_force.parameter_id}: {'.'.join(path)} lacks {missing}")
        return np.array([table[name] for name in names], dtype=np.int32)

    dense = in_force.cached("name:" + ".".join(path), build)
    return dense[codes]  # type: ignore[no-any-return]


def number(in_force: InForce, *path: str) -> Any:
    """A scalar from a parameter's value."""
    return _dig(in_force.value, path, in_force.parameter_id)
