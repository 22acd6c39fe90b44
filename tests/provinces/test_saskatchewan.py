"""Saskatchewan: the Tech Talent Pathway and its renamed, expanded successor (2026-01-01).

Numbers come from shared/research/provincial.md (section 4.1), never from the code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from canpath.params import RULES

from .helpers import criterion, person, stream

SK = "sk.tech_talent"


def offer(**changes: Any) -> dict[str, Any]:
    found: dict[str, Any] = {
        "noc": "21232",
        "employer": "Acme",
        "province": "SK",
        "city": "Saskatoon",
        "hourly_wage_cad": 42,
        "hours_per_week": 40,
        "permanent": True,
    }
    found.update(changes)
    return found


def saskatchewan(
    noc: str = "21232", clb: int = 9, work: list[dict[str, Any]] | None = None, **changes: Any
) -> Any:
    """A person with four years in the occupation abroad and a permanent Saskatchewan offer."""
    fields: dict[str, Any] = {
        "languages": [
            {"test": "clb", "listening": clb, "reading": clb, "writing": clb, "speaking": clb}
        ],
        "work": work
        if work is not None
        else [{"noc": noc, "country": "IN", "start": "2018-01-08", "hours_per_week": 40}],
        "job_offer": offer(noc=noc),
    }
    fields.update(changes)
    return person(**fields)


def test_the_lists_by_date() -> None:
    launch = RULES.at(date(2022, 3, 7))["provinces.sk.tech_talent.occupations"].value["occupations"]
    assert sorted(launch) == [
        "0213",
        "2133",
        "2147",
        "2171",
        "2172",
        "2173",
        "2174",
        "2175",
        "2281",
        "2282",
        "2283",
    ]
    assert (
        len(
            RULES.at(date(2022, 11, 16))["provinces.sk.tech_talent.occupations"].value[
                "occupations"
            ]
        )
        == 16
    )
    assert (
        len(RULES.at(date(2026, 1, 1))["provinces.sk.tech_talent.occupations"].value["occupations"])
        == 32
    )


def test_pathway_launches_2022_03_07() -> None:
    assert stream(saskatchewan("21211"), "2022-03-06", SK).status == "not_yet_open"
    assert criterion(stream(saskatchewan("21211"), "2022-03-07", SK), "occupation").met is True


def test_the_2026_expansion_adds_science_occupations() -> None:
    profile = saskatchewan("21100")
    before, after = (
        criterion(stream(profile, "2025-12-31", SK), "occupation"),
        criterion(stream(profile, "2026-01-01", SK), "occupation"),
    )
    assert before.met is False
    assert after.met is True
    assert after.unconfirmed  # the 32 codes are official-only


def test_the_2022_noc_2021_list_is_derived_and_flagged() -> None:
    found = criterion(stream(saskatchewan(), "2023-06-01", SK), "occupation")
    assert found.met is True
    assert found.unconfirmed


def test_the_rename_on_2026_01_01() -> None:
    before, after = (
        stream(saskatchewan(), "2025-12-31", SK),
        stream(saskatchewan(), "2026-01-01", SK),
    )
    assert (before.facts["pathway_name"], after.facts["pathway_name"]) == (
        "tech_talent_pathway",
        "innovation_and_tech_talent_pathway",
    )
    assert (before.facts["employer_approval"], after.facts["employer_approval"]) == (
        "job_approval_letter",
        "employer_position_assessment",
    )
    assert after.facts["fee_cad"] == 500


@pytest.mark.parametrize(
    ("noc", "on", "met"),
    [
        ("21310", "2026-06-01", None),
        ("21112", "2026-06-01", None),
        ("21231", "2025-12-31", True),
        ("21231", "2026-01-01", None),
        ("21232", "2026-06-01", True),
    ],
)
def test_licensing(noc: str, on: str, met: bool | None) -> None:
    assert criterion(stream(saskatchewan(noc), on, SK), "licensing").met is met


def in_saskatchewan(start: str) -> list[dict[str, Any]]:
    return [
        {
            "noc": "21232",
            "employer": "Acme",
            "country": "CA",
            "province": "SK",
            "start": start,
            "hours_per_week": 40,
        }
    ]


def test_language_none_needed_when_working_for_the_supporting_employer() -> None:
    assert (
        criterion(
            stream(saskatchewan(clb=4, work=in_saskatchewan("2026-01-05")), "2026-11-25", SK),
            "language",
        ).met
        is True
    )
    assert criterion(stream(saskatchewan(clb=4), "2026-11-25", SK), "language").met is False
    assert criterion(stream(saskatchewan(clb=5), "2026-11-25", SK), "language").met is True


def test_experience_with_the_employer_or_in_the_occupation() -> None:
    assert (
        criterion(
            stream(saskatchewan(work=in_saskatchewan("2026-05-01")), "2026-11-25", SK),
            "work_experience",
        ).met
        is True
    )
    assert (
        criterion(
            stream(saskatchewan(work=in_saskatchewan("2026-08-01")), "2026-11-25", SK),
            "work_experience",
        ).met
        is False
    )
    assert criterion(stream(saskatchewan(), "2026-11-25", SK), "work_experience").met is True
    old = [
        {
            "noc": "21232",
            "country": "IN",
            "start": "2015-01-05",
            "end": "2020-12-31",
            "hours_per_week": 40,
        }
    ]
    assert (
        criterion(stream(saskatchewan(work=old), "2026-11-25", SK), "work_experience").met is False
    )


@pytest.mark.parametrize(
    ("level", "met"), [("two_year", True), ("one_year", False), ("masters", True)]
)
def test_post_secondary_of_two_years_or_more(level: str, met: bool) -> None:
    education = [
        {
            "level": level,
            "country": "CA",
            "province": "SK",
            "completed": "2016-05-01",
            "length_years": 2,
        }
    ]
    assert (
        criterion(stream(saskatchewan(education=education), "2026-11-25", SK), "education").met
        is met
    )


def test_the_offer_must_be_permanent_and_in_saskatchewan() -> None:
    assert criterion(stream(saskatchewan(), "2026-11-25", SK), "job_offer").met is True
    fixed = saskatchewan(job_offer=offer(permanent=False, duration_months=24))
    assert criterion(stream(fixed, "2026-11-25", SK), "job_offer").met is False
    elsewhere = saskatchewan(job_offer=offer(province="MB"))
    assert criterion(stream(elsewhere, "2026-11-25", SK), "job_offer").met is False


def test_no_points_grid_and_the_nomination_is_the_applicants_choice() -> None:
    result = stream(saskatchewan(), "2026-11-25", SK)
    assert result.eligible is True
    assert result.score is None
    assert result.facts["province"] == "SK"
    assert result.facts["nomination_options"] == ["base", "enhanced"]
    assert result.facts["processing_weeks"] == 2
