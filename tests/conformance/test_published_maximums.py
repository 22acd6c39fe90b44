"""The published maximums of the CRS (research express-entry.md §1.1 and §1.6)."""

from __future__ import annotations

from canpath.api import crs
from tests.helpers import job, language_result, person

ON = "2026-06-01"


def strongest(**overrides: object) -> object:
    return person(
        birth_date="2000-01-01",
        education=[
            {"level": "doctoral", "country": "CA", "completed": "2020-05-01", "length_years": 4},
            {"level": "masters", "country": "CA", "completed": "2018-05-01", "length_years": 2},
        ],
        languages=[language_result(**dict.fromkeys(("listening", "reading", "writing", "speaking"), 12)),
                   language_result(test="nclc", **dict.fromkeys(("listening", "reading", "writing", "speaking"), 12))],
        work=[job(country="CA", start="2015-01-05"), job(noc="21232", country="US", start="2012-01-02", end="2014-12-31")],
        certificate_of_qualification={"trade": "Electrician", "province": "ON"},
        provincial_nomination={"province": "ON", "enhanced": True},
        sibling_in_canada=True,
        **overrides,
    )  # fmt: skip


def test_maximum_without_spouse_is_500_plus_100_plus_600() -> None:
    result = crs(strongest(), on=ON)
    assert result.breakdown == {"core": 500, "spouse": 0, "transferability": 100, "additional": 600}
    assert result.total == 1200
    core = {f.name: f.points for f in result.parts["core"].factors}
    assert core == {"age": 110, "education": 150, "first_official_language": 136,
                    "second_official_language": 24, "canadian_work_experience": 80}  # fmt: skip


def test_maximum_with_spouse_is_460_plus_40() -> None:
    spouse = {
        "accompanying": True, "canadian_citizen_or_pr": False,
        "education": [{"level": "doctoral", "country": "CA", "completed": "2020-01-01", "length_years": 4}],
        "languages": [language_result(**dict.fromkeys(("listening", "reading", "writing", "speaking"), 10))],
        "work": [job(country="CA", start="2015-01-05")],
    }  # fmt: skip
    result = crs(strongest(marital_status="married", spouse=spouse), on=ON)
    assert result.breakdown == {
        "core": 460,
        "spouse": 40,
        "transferability": 100,
        "additional": 600,
    }
    assert result.total == 1200
