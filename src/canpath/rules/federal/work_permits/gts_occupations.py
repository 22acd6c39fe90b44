"""The Global Talent Occupations List (GTS Category B): is an offer's occupation on it, and if not,
which listed occupations are nearest.

Lists before 2022-12-22 are written in NOC 2016 codes. An offer's NOC 2021 code is on such a
list when every NOC 2016 code it comes from is listed, off it when none is, and undecided (the
duties decide) when only some are. Subset rows cover part of a unit group: the position must meet
ESDC's condition, which canpath takes from the offer (`gts_subset_condition_met`) or leaves unknown.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canpath.programs import FALSE, TRUE, UNKNOWN
from canpath.reference.noc import title_of, unit_groups
from canpath.rules.federal.work_permits.noc2016 import noc2016_codes, noc2021_codes
from canpath.rules.registry import rule

LIST = "federal.tfwp.global_talent_stream.category_b_occupations"
Occupation = Mapping[str, Any]


@dataclass(frozen=True)
class ListMatch:
    """Where an offer stands on the list: listed (tri-state), the rows it matches, the codes used."""

    listed: int
    rows: tuple[Occupation, ...]
    noc2016: tuple[str, ...] = ()
    subset_blocked: str = ""

    @property
    def row(self) -> Occupation | None:
        """The row that sets the wage floor (the first non-subset row, else the first row)."""
        plain = [item for item in self.rows if not item["subset"]] or list(self.rows)
        return plain[0] if plain else None


def _title_excluded(title: str, terms: Sequence[str]) -> bool:
    lowered = title.lower()
    return any(term in lowered for term in terms)


@rule(uses=(LIST,))
def match_list(noc: str, title: str, subset_condition: int, value: Mapping[str, Any]) -> ListMatch:
    """Whether the offer's occupation is on the Global Talent Occupations List in force."""
    if not noc:
        return ListMatch(FALSE, ())
    occupations: Sequence[Occupation] = value["occupations"]
    old: tuple[str, ...] = ()
    if value["noc_version"] == "2021":
        rows = tuple(item for item in occupations if noc in item["noc"])
        listed = TRUE if rows else FALSE
    else:
        codes = noc2016_codes(noc)
        rows = tuple(item for item in occupations if set(item["noc"]) & codes)
        covered = {code for item in rows for code in item["noc"]}
        listed = TRUE if codes and codes <= covered else UNKNOWN if codes & covered else FALSE
        old = tuple(sorted(codes))
    if listed == FALSE or not all(item["subset"] for item in rows):
        return ListMatch(listed, rows, old)
    terms = [term for item in rows for term in item["exclude_title_terms"]]
    if title and _title_excluded(title, terms):
        return ListMatch(FALSE, rows, old, "excluded_title")
    if subset_condition == 0:
        return ListMatch(FALSE, rows, old, "condition_not_met")
    if subset_condition == -1:
        return ListMatch(UNKNOWN if listed == TRUE else listed, rows, old, "condition_unknown")
    return ListMatch(listed, rows, old)


def listed_codes(value: Mapping[str, Any]) -> set[str]:
    """Every NOC 2021 code of the list (NOC 2016 lists mapped through the concordance)."""
    codes: set[str] = set()
    for item in value["occupations"]:
        for code in item["noc"]:
            codes |= {code} if value["noc_version"] == "2021" else set(noc2021_codes(code))
    return codes


def nearest_listed(noc: str, value: Mapping[str, Any], limit: int = 3) -> list[str]:
    """Listed occupations nearest an unlisted one: same minor group, then major group, then title."""
    groups = unit_groups()
    own = groups.get(noc)
    if own is None:
        return []
    scored = []
    for code in listed_codes(value) - {noc}:
        other = groups.get(code)
        if other is None:
            continue
        similarity = difflib.SequenceMatcher(None, own.title.lower(), other.title.lower()).ratio()
        scored.append(
            (
                other.minor_group != own.minor_group,
                other.major_group != own.major_group,
                -similarity,
                code,
            )
        )
    return [item[-1] for item in sorted(scored)[:limit]]


def describe(codes: Sequence[str]) -> str:
    """NOC codes with their titles, for messages."""
    return "; ".join(f"{code} {title_of(code)}" for code in codes)
