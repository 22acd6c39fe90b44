"""NOC 2016 and NOC 2021 codes of the same occupations (Statistics Canada concordance).

Lists written before ESDC and IRCC moved to NOC 2021 (2022-11-16) name NOC 2016 codes; canpath
holds NOC 2021 codes. This module reads `reference/data/noc2016v1_3-noc2021v1_0-eng.csv` once,
on first use, and maps codes both ways. A NOC 2021 code that comes from several NOC 2016 codes
maps to all of them; the caller decides what a partial overlap means.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import canpath.reference

CONCORDANCE = Path(canpath.reference.__file__).parent / "data" / "noc2016v1_3-noc2021v1_0-eng.csv"


@functools.cache
def _pairs() -> tuple[tuple[str, str], ...]:
    with CONCORDANCE.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(handle)
        return tuple(
            (row["NOC 2016 V1.3 Code"].strip().zfill(4), row["NOC 2021 V1.0 Code"].strip().zfill(5))
            for row in rows
        )


@functools.cache
def _to_2016() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for old, new in _pairs():
        found.setdefault(new, set()).add(old)
    return {code: frozenset(olds) for code, olds in found.items()}


@functools.cache
def _to_2021() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for old, new in _pairs():
        found.setdefault(old, set()).add(new)
    return {code: frozenset(news) for code, news in found.items()}


def noc2016_codes(code: str) -> frozenset[str]:
    """The NOC 2016 unit groups a NOC 2021 unit group draws from (empty if unknown)."""
    return _to_2016().get(code, frozenset())


def noc2021_codes(code: str) -> frozenset[str]:
    """The NOC 2021 unit groups a NOC 2016 unit group went to (empty if unknown)."""
    return _to_2021().get(code, frozenset())
