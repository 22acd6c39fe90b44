"""What every provincial stream shares: whether it is open, Express Entry eligibility, nomination facts.

A stream whose defining parameter is not in force on the date is shown closed (naming the day it
closed) or not yet open; a stream with an intake pause is shown closed with the pause date. The
facts each stream gives the planner (nomination type, province, processing, closing date) are
built here so every province says them the same way.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.params import Snapshot
from canpath.programs import (
    FALSE,
    TRUE,
    UNKNOWN,
    CriterionColumn,
    Program,
    ProgramColumns,
    all_programs,
)
from canpath.results import Citation, Criterion

Array = npt.NDArray[Any]
Tristate = npt.NDArray[np.int8]

NOMINATION_EFFECT = "provinces.nomination_effect"
PROCESSING = "provinces.processing_times"
CRS_NOMINATION = "federal.express_entry.crs.additional.provincial_nomination"
SKILLED_WORK = "federal.express_entry.skilled_work"
EXPRESS_ENTRY = {"fsw": "express_entry.fsw", "cec": "express_entry.cec", "fst": "express_entry.fst"}
SHARED = (NOMINATION_EFFECT, PROCESSING)
WEEKS_PER_MONTH = 52 / 12  # calendar fact, to state months of processing in weeks
STATE = {
    TRUE: "met",
    FALSE: "not_met",
    UNKNOWN: "unknown",
}  # message-key suffix per tri-state value


@dataclass
class RowCriterion(CriterionColumn):
    """A criterion whose data is unconfirmed for some rows only (one code of a list, say)."""

    unconfirmed_rows: npt.NDArray[np.bool_] | None = None

    def at(self, row: int) -> Criterion:
        found = super().at(row)
        if self.unconfirmed_rows is not None and bool(self.unconfirmed_rows[row]):
            return dataclasses.replace(found, unconfirmed=True)
        return found


def blocked(
    program: Program, facts: Facts, reason: Message, status: str, reference: Citation | None
) -> ProgramColumns:
    """A stream that takes no applications on the date: one unmet criterion saying why."""
    criterion = CriterionColumn(
        rule=f"provinces.{program.id}.in_force",
        met=np.full(facts.size, FALSE, dtype=np.int8),
        reason=lambda row: reason,
        reference=reference,
    )
    return ProgramColumns(program.id, program.kind, [criterion], facts.size, status=status)


def unavailable(
    program: Program, facts: Facts, parameter_id: str, modelled_from: bool = False
) -> ProgramColumns | None:
    """Closed or not-yet-open columns when the stream's defining parameter is not in force, else None.

    `modelled_from` says the first date is where canpath's encoding starts, not the stream's launch.
    """
    snapshot = facts.snapshot
    if snapshot.is_in_force(parameter_id):
        return None
    parameter = snapshot.store.parameter(parameter_id)
    if facts.on < parameter.first_date:
        key = "provincial.not_modelled_before" if modelled_from else "provincial.not_yet_open"
        entry = parameter.content.values[parameter.first_date]
        reason = msg(key, opens=parameter.first_date.isoformat())
        status = "not_yet_open"
    else:
        ended = max(
            day
            for day in parameter.dates
            if day <= facts.on and parameter.content.values[day].value is None
        )
        entry = parameter.content.values[ended]
        reason = msg(
            "provincial.closed",
            closed=ended.isoformat(),
            last_day=date.fromordinal(ended.toordinal() - 1).isoformat(),
        )
        status = "closed"
    reference = Citation.of(parameter.content.references[entry.refs[0]])
    return blocked(program, facts, reason, status, reference)


def closes_on(snapshot: Snapshot, parameter_id: str) -> str | None:
    """The day the stream's rules end (a later `null` entry), if the parameters record one."""
    ended = snapshot.store.parameter(parameter_id).ended
    return ended.isoformat() if ended is not None and ended > snapshot.on else None


def combine_any(columns: Iterable[Tristate]) -> Tristate:
    """TRUE where any column is TRUE, else UNKNOWN where any is UNKNOWN, else FALSE."""
    stacked = np.stack(list(columns))
    return np.where(
        (stacked == TRUE).any(axis=0),
        TRUE,
        np.where((stacked == UNKNOWN).any(axis=0), UNKNOWN, FALSE),
    ).astype(np.int8)


def express_entry_eligibility(facts: Facts, programs: Iterable[str]) -> Tristate:
    """Eligible for at least one of the named Express Entry programs (fsw, cec, fst)."""

    def build() -> dict[str, Tristate]:
        registry = {program.id: program for program in all_programs()}
        return {
            name: registry[pid].evaluated(facts).eligible for name, pid in EXPRESS_ENTRY.items()
        }

    eligible: dict[str, Tristate] = facts.memo("provinces.express_entry_eligibility", build)
    return combine_any(eligible[name] for name in programs)


def member(values: Array, allowed: Iterable[Any]) -> npt.NDArray[np.bool_]:
    """Whether each value is among `allowed` (cheaper than np.isin for small batches and object columns)."""
    chosen = set(allowed)
    return np.fromiter(
        (value in chosen for value in values.tolist()), dtype=bool, count=len(values)
    )


def filled(values: Array, fill: float = 0.0) -> Array:
    """A float column with NaN (not given) replaced by `fill`."""
    return np.where(np.isnan(values), fill, values)


def lowest_level(facts: Facts) -> Array:
    """The lowest of the four abilities in the better official language (CLB or NCLC)."""
    found: Array = np.maximum(facts["english_clb"].min(axis=1), facts["french_nclc"].min(axis=1))
    return found


def hours_per_month(snapshot: Snapshot) -> float:
    """A month of full-time work, in hours: a twelfth of IRCC's full-time year (interpretation)."""
    return float(snapshot.value(SKILLED_WORK)["hours_per_year"]) / 12


def normalize(text: str) -> str:
    """A region or city as a code: lower case, words joined by underscores."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def region_of(
    region: str,
    city: str,
    options: Iterable[str],
    cities: Mapping[str, str],
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The grid's region code for an offer: its `region` if it names one, else its city's; '' if unknown."""
    known = set(options)
    code = normalize(region)
    code = (aliases or {}).get(code, code)
    if code in known:
        return code
    return cities.get(normalize(city), "") if not region else ""


def nomination_facts(
    facts: Facts,
    row: int,
    province: str,
    nomination: str,
    months_in_province: float | None,
    closing: str | None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What the planner needs from a provincial stream's result for one person."""
    snapshot = facts.snapshot
    options = ["base", "enhanced"] if nomination == "applicant_choice" else [nomination]
    if nomination == "applicant_choice":
        eligible = express_entry_eligibility(facts, ("fsw", "cec", "fst"))
        nomination = "enhanced" if eligible[row] == TRUE else "base"
    effect = snapshot.value(NOMINATION_EFFECT)
    crs_points = (
        int(snapshot.value(CRS_NOMINATION))
        if nomination == "enhanced"
        else int(effect["base"]["crs_points"])
    )
    found: dict[str, Any] = {
        "leads_to": "provincial_nomination",
        "province": province,
        "nomination": nomination,
        "nomination_options": options,
        "crs_points_on_nomination": crs_points,
        "then": "express_entry_invitation"
        if nomination == "enhanced"
        else effect["base"]["application"],
        "ircc_service_standard_months": effect[nomination]["ircc_service_standard_months"],
        "months_in_province_required": months_in_province,
        "closes_on": closing,
        "processing_weeks": None,
        "federal_processing_months": None,
    }
    if snapshot.is_in_force(PROCESSING):
        observed = snapshot.value(PROCESSING)
        found["federal_processing_months"] = observed["federal_months"][nomination]
        provincial = observed["provincial"].get(province)
        if provincial is not None:
            weeks = provincial.get("weeks")
            found["processing_weeks"] = (
                weeks if weeks is not None else round(provincial["months"] * WEEKS_PER_MONTH)
            )
    found.update(extra or {})
    return found
