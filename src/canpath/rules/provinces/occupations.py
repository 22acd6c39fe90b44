"""Whether an occupation is on a provincial occupation list in force on the date.

Profiles hold NOC 2021 codes. A NOC 2021 list is read directly. A NOC 2016 list (in force before
2022-11-16) is read through Statistics Canada's NOC 2016 to NOC 2021 correspondence table: a code
is listed when every NOC 2016 group it came from is listed, not listed when none is (and the list
is complete), and unknown otherwise. Codes marked `partial` cover only a named sub-occupation, so
the code alone cannot settle them. A list that the research lacks (`occupations: null`) gives
unknown.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.params import InForce
from canpath.programs import FALSE, TRUE, UNKNOWN
from canpath.reference.noc import DATA
from canpath.rules.registry import rule

CONCORDANCE = DATA / "noc2016v1_3-noc2021v1_0-eng.csv"


@functools.cache
def _concordance() -> dict[str, frozenset[str]]:
    """NOC 2021 code to the NOC 2016 codes it came from, read once from the correspondence table."""
    found: dict[str, set[str]] = {}
    with CONCORDANCE.open(encoding="utf-8-sig", newline="") as handle:
        for line in csv.DictReader(handle):
            code_2021 = line["NOC 2021 V1.0 Code"].strip().zfill(5)
            found.setdefault(code_2021, set()).add(line["NOC 2016 V1.3 Code"].strip().zfill(4))
    return {code: frozenset(codes) for code, codes in found.items()}


def predecessors(code: str) -> frozenset[str]:
    """The NOC 2016 unit groups a NOC 2021 unit group was formed from."""
    return _concordance().get(code, frozenset())


def _sets(listing: InForce) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A list's codes, partial codes and unconfirmed codes as sets, built once per value."""

    def build() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        value = listing.value
        return (
            frozenset(value["occupations"] or ()),
            frozenset(value["partial"] or ()),
            frozenset(value["unconfirmed"] or ()),
        )

    return listing.cached("provinces.occupation_sets", build)  # type: ignore[no-any-return]


@rule()
def list_membership(code: str, listing: InForce) -> tuple[int, bool]:
    """Whether a NOC 2021 code is on the list (TRUE, FALSE or UNKNOWN), and whether that rests on unconfirmed codes."""
    value: Mapping[str, Any] = listing.value
    if not code or value["occupations"] is None:
        return (FALSE if not code else UNKNOWN), False
    listed, partial, unconfirmed = _sets(listing)
    complete = bool(value["complete"])
    if value["noc_version"] == 2021:
        if code in partial:
            return UNKNOWN, code in unconfirmed
        if code in listed:
            return TRUE, code in unconfirmed
        return (FALSE if complete else UNKNOWN), False
    sources = predecessors(code)
    hits = sources & listed
    flagged = bool(hits & unconfirmed)
    if sources and hits == sources and not hits & partial:
        return TRUE, flagged
    if not hits:
        return (FALSE if complete else UNKNOWN), False
    return UNKNOWN, flagged


def membership(
    codes: Sequence[str] | npt.NDArray[Any], listing: InForce
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.bool_]]:
    """`list_membership` for a column of codes: (tri-state column, unconfirmed column)."""
    pairs = [list_membership(str(code), listing) for code in codes]
    met = np.array([pair[0] for pair in pairs], dtype=np.int8)
    flagged = np.array([pair[1] for pair in pairs], dtype=bool)
    return met, flagged


def listed_codes(listing: InForce) -> list[str]:
    """The codes of a list, for `needed` messages (empty when the list is not known)."""
    return list(listing.value["occupations"] or ())
