"""Builders for work-permit tests: a person with a job offer, and one program's result for them."""

from __future__ import annotations

from datetime import date
from typing import Any

from canpath.api import assess
from canpath.profile import Profile, parse_profile
from canpath.results import Criterion, ProgramResult


def offer(noc: str = "21231", **extra: Any) -> dict[str, Any]:
    """A permanent full-time offer in Toronto at 150,000 $ a year (override anything)."""
    found: dict[str, Any] = {
        "noc": noc,
        "title": "Software engineer",
        "province": "ON",
        "region": "Toronto",
        "annual_salary_cad": 150000,
        "hours_per_week": 40,
    }
    found.update(extra)
    return found


def person(**overrides: Any) -> Profile:
    """A US citizen with a bachelor's in computer science, six years as a developer, an offer."""
    data: dict[str, Any] = {
        "birth_date": "1994-05-01",
        "citizenships": ["US"],
        "country_of_residence": "US",
        "education": [
            {
                "level": "bachelors",
                "field": "Computer Science",
                "country": "US",
                "completed": "2016-05-15",
                "length_years": 4,
            }
        ],
        "languages": [{"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}],
        "work": [
            {
                "noc": "21231",
                "country": "US",
                "start": "2016-07-01",
                "end": None,
                "hours_per_week": 40,
            }
        ],
        "job_offer": offer(),
        "funds_cad": 20000,
    }
    data.update(overrides)
    return parse_profile(data)


def result(profile: Profile, on: str | date, program_id: str) -> ProgramResult:
    """One program's verdict for one person on a date."""
    return assess(profile, on, [program_id]).program(program_id)


def criterion(found: ProgramResult, suffix: str) -> Criterion:
    """The criterion whose rule id ends with `suffix`."""
    matches = [item for item in found.criteria if item.rule.endswith(suffix)]
    assert matches, f"no criterion ending in {suffix!r}: {[c.rule for c in found.criteria]}"
    return matches[0]
