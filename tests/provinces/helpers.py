"""Helpers for the provincial-stream tests: profiles, assessing one stream, finding a criterion."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from canpath.api import assess
from canpath.profile import Profile, load_profile, parse_profile
from canpath.results import Criterion, ProgramResult

PROFILES = Path(__file__).parent / "profiles"

BASE: dict[str, Any] = {
    "birth_date": "1994-03-01",
    "citizenships": ["IN"],
    "education": [
        {
            "level": "bachelors",
            "country": "IN",
            "completed": "2016-05-31",
            "length_years": 4,
            "eca": True,
        }
    ],
    "languages": [{"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}],
    "work": [],
    "funds_cad": 50000,
    "family_size": 1,
}


def person(**changes: Any) -> Profile:
    """The base profile with top-level fields replaced."""
    data = copy.deepcopy(BASE)
    data.update(changes)
    return parse_profile(data)


def scenario(name: str) -> Profile:
    return load_profile(PROFILES / f"{name}.yaml")


def stream(profile: Profile, on: str, program_id: str) -> ProgramResult:
    """One stream's result for one person on a date."""
    return assess(profile, on=on, programs=[program_id]).program(program_id)


def criterion(result: ProgramResult, name: str) -> Criterion:
    """The criterion whose rule id ends with `.name`."""
    found = [item for item in result.criteria if item.rule.endswith("." + name)]
    assert len(found) == 1, (
        f"{result.id}: no single criterion {name} in {[c.rule for c in result.criteria]}"
    )
    return found[0]
