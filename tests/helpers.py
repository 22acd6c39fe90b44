"""Small builders for test profiles in the contract format."""

from __future__ import annotations

from typing import Any

from canpath.profile import Profile, parse_profile


def job(
    noc: str = "21231",
    country: str = "IN",
    start: str = "2015-01-05",
    end: str | None = None,
    hours: float = 40,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "noc": noc,
        "country": country,
        "start": start,
        "end": end,
        "hours_per_week": hours,
        **extra,
    }


def language_result(test: str = "clb", taken: str | None = None, **levels: float) -> dict[str, Any]:
    scores = {"listening": 9, "reading": 9, "writing": 9, "speaking": 9}
    scores.update(levels)
    found: dict[str, Any] = {"test": test, **scores}
    if taken is not None:
        found["taken"] = taken
    return found


def person(**overrides: Any) -> Profile:
    """A single software engineer abroad with a master's, CLB 9, five years of work; override anything."""
    data: dict[str, Any] = {
        "birth_date": "1996-03-14",
        "citizenships": ["IN"],
        "marital_status": "single",
        "education": [
            {
                "level": "masters",
                "country": "IN",
                "completed": "2019-06-30",
                "length_years": 2,
                "eca": True,
            }
        ],
        "languages": [language_result()],
        "work": [job(start="2019-07-01")],
        "funds_cad": 30000,
        "family_size": 1,
    }
    data.update(overrides)
    return parse_profile(data)
