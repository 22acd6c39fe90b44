"""The public Python API: load a profile, score it, assess every program, in one call each.

    >>> import canpath
    >>> person = canpath.load_profile("examples/profiles/bangalore-software-engineer.yaml")
    >>> canpath.crs(person, on="2026-06-01").total
    486

Every function takes an assessment date (`on`: a date or ISO string; default today). The single
path is a batch of one: `crs_batch` and `assess_batch` run the same rules over many people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from canpath.errors import ParameterNotInForce, Problem, ProfileError, UnknownNameError
from canpath.facts import Facts
from canpath.params import RULES, Snapshot
from canpath.profile import Profile, load_profile, parse_profile
from canpath.programs import ProgramColumns, all_programs
from canpath.results import Assessment, CrsResult
from canpath.rules.federal.express_entry.crs.explain import explain_row
from canpath.rules.federal.express_entry.crs.score import (
    CAPS,
    CrsColumns,
    crs_columns,
    crs_of,
    parameters_used,
)
from canpath.timeutil import parse_date

ProfileLike = Profile | Mapping[str, Any] | str | Path


def resolve_date(on: date | str | None) -> date:
    """An assessment date from a date, an ISO string, or None (today)."""
    if on is None:
        return date.today()
    if isinstance(on, date):
        return on
    try:
        return parse_date(on)
    except ValueError as error:
        raise ProfileError([Problem("on", str(error))]) from None


def as_profile(profile: ProfileLike) -> Profile:
    """A validated profile from a Profile, a mapping, or a path to a YAML/JSON file."""
    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, Mapping):
        return parse_profile(dict(profile))
    return load_profile(profile)


def snapshot_on(on: date) -> Snapshot:
    return RULES.at(on)


def facts_for(profiles: Sequence[Profile], on: date) -> Facts:
    """The facts of a batch of profiles on a date (derived lazily, column by column)."""
    snapshot = snapshot_on(on)
    if not snapshot.is_in_force(CAPS):
        first = snapshot.store.parameter(CAPS).first_date
        raise ParameterNotInForce(CAPS, on, first, None)
    return Facts.of(profiles, on, snapshot)


def crs_batch(profiles: Sequence[Profile], on: date | str | None = None) -> CrsColumns:
    """The CRS of many profiles at once: points per factor, part and total, as columns."""
    day = resolve_date(on)
    facts = facts_for(profiles, day)
    return crs_columns(facts, facts.snapshot)


def crs(profile: ProfileLike, on: date | str | None = None) -> CrsResult:
    """The Comprehensive Ranking System score of one person on a date, explained by factor."""
    person = as_profile(profile)
    day = resolve_date(on)
    facts = facts_for([person], day)
    return explain_row(facts, crs_columns(facts, facts.snapshot), 0, person.id)


def select_programs(program_ids: Iterable[str] | None = None) -> list[Any]:
    """The programs to run: all, or those whose id equals or starts with one of `program_ids`."""
    if program_ids is None:
        return all_programs()
    return list(_selected(tuple(program_ids)))


@cache
def _selected(wanted: tuple[str, ...]) -> tuple[Any, ...]:
    programs = all_programs()
    chosen = tuple(
        p for p in programs if any(p.id == w or p.id.startswith(w + ".") for w in wanted)
    )
    for wanted_id in wanted:
        if not any(p.id == wanted_id or p.id.startswith(wanted_id + ".") for p in programs):
            raise UnknownNameError("program", wanted_id, [p.id for p in programs])
    return chosen


def evaluate_programs(
    facts: Facts, program_ids: Iterable[str] | None = None
) -> list[ProgramColumns]:
    """Every chosen program evaluated over every row of `facts`."""
    return [program.evaluated(facts) for program in select_programs(program_ids)]


def assess(
    profile: ProfileLike, on: date | str | None = None, programs: Iterable[str] | None = None
) -> Assessment:
    """Every program (or those named) for one person on a date, with the CRS."""
    person = as_profile(profile)
    day = resolve_date(on)
    facts = facts_for([person], day)
    columns = crs_of(facts)
    crs_result = explain_row(facts, columns, 0, person.id)
    results = [evaluated.result(0) for evaluated in evaluate_programs(facts, programs)]
    return Assessment(
        on=day,
        crs=crs_result,
        programs=results,
        warnings=crs_result.warnings,
        profile_id=person.id,
    )


def warnings_on(on: date | str | None = None) -> list[Any]:
    """Warnings that apply to every CRS on a date (unconfirmed rules, announced changes)."""
    return snapshot_on(resolve_date(on)).warnings(parameters_used())
