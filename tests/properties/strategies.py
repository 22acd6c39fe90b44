"""Hypothesis strategies for profiles in the contract format."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

NOCS = ["21231", "21232", "21211", "21220", "22220", "00012", "31102", "72200", "65201", "41200"]
LEVELS = ["secondary", "one_year", "two_year", "bachelors", "masters", "doctoral"]
ABILITIES = ("listening", "reading", "writing", "speaking")


def days(start: date, end: date) -> st.SearchStrategy[date]:
    return st.integers(0, (end - start).days).map(lambda n: start + timedelta(days=n))


@st.composite
def jobs(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(days(date(2010, 1, 1), date(2026, 1, 1)))
    end = draw(st.none() | days(start, date(2026, 6, 1)))
    return {
        "noc": draw(st.sampled_from(NOCS)),
        "country": draw(st.sampled_from(["CA", "IN", "US"])),
        "start": start.isoformat(),
        "end": end.isoformat() if end else None,
        "hours_per_week": draw(st.sampled_from([10, 20, 30, 37.5, 40, 60])),
        "student": draw(st.booleans()),
    }


@st.composite
def credentials(draw: st.DrawFn) -> dict[str, Any]:
    country = draw(st.sampled_from(["CA", "IN"]))
    return {
        "level": draw(st.sampled_from(LEVELS)),
        "country": country,
        "completed": draw(days(date(2000, 1, 1), date(2026, 1, 1))).isoformat(),
        "length_years": draw(st.sampled_from([1, 2, 3, 4])),
        "eca": draw(st.booleans()),
    }


def levels(test: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"test": st.just(test), **{a: st.integers(0, 12) for a in ABILITIES}}
    )


@st.composite
def spouses(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "accompanying": draw(st.booleans()),
        "canadian_citizen_or_pr": draw(st.booleans()),
        "education": draw(st.lists(credentials(), max_size=2)),
        "languages": draw(st.lists(levels("clb"), max_size=1)),
        "work": draw(st.lists(jobs(), max_size=2)),
    }


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    married = draw(st.booleans())
    data: dict[str, Any] = {
        "birth_date": draw(days(date(1960, 1, 1), date(2008, 1, 1))).isoformat(),
        "citizenships": ["IN"],
        "marital_status": "married" if married else "single",
        "education": draw(st.lists(credentials(), max_size=3)),
        "languages": draw(st.lists(levels("clb"), max_size=1))
        + draw(st.lists(levels("nclc"), max_size=1)),
        "work": draw(st.lists(jobs(), max_size=3)),
        "sibling_in_canada": draw(st.booleans()),
        "first_official_language": draw(st.sampled_from([None, "english", "french"])),
    }
    if married:
        data["spouse"] = draw(spouses())
    if draw(st.booleans()):
        data["provincial_nomination"] = {"province": "ON", "enhanced": draw(st.booleans())}
    if draw(st.booleans()):
        data["certificate_of_qualification"] = {"trade": "Electrician", "province": "AB"}
    return data
