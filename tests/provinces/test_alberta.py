"""Alberta: the Alberta Opportunity Stream, the Accelerated Tech Pathway and the Worker EOI grid.

Numbers come from shared/research/provincial.md (sections 1.1 to 1.5), never from the code.
"""

from __future__ import annotations

from typing import Any

import pytest

from canpath.params import RULES
from canpath.profile import Profile

from .helpers import criterion, person, stream

AOS, ATP = "ab.aos", "ab.accelerated_tech"


def worker(noc: str = "21232", clb: int = 9, **changes: Any) -> Profile:
    """A worker in Alberta since 2024-01-08 on an LMIA permit, with a permanent Alberta offer."""
    fields: dict[str, Any] = {
        "in_canada": {"status": "worker", "permit": "lmia"},
        "languages": [{"test": "clb", "listening": clb, "reading": clb, "writing": clb, "speaking": clb}],
        "work": [{"noc": noc, "country": "CA", "province": "AB", "start": "2017-01-09", "hours_per_week": 40}],
        "job_offer": {
            "noc": noc, "province": "AB", "city": "Calgary", "hourly_wage_cad": 45, "hours_per_week": 40,
            "permanent": True, "employer_in_tech_industry": True,
        },
    }  # fmt: skip
    fields.update(changes)
    return person(**fields)


# --- Alberta Opportunity Stream -------------------------------------------------------------


def test_the_ineligible_list_is_the_research_list() -> None:
    value = RULES.at(__import__("datetime").date(2026, 11, 25))[
        "provinces.ab.aos.ineligible_occupations"
    ].value
    assert len(value["occupations"]) == 34
    spot_checks = {
        "00010",
        "40021",
        "40030",
        "40041",
        "41220",
        "41221",
        "43109",
        "53200",
        "63101",
        "44100",
    }
    assert spot_checks <= set(value["occupations"])
    assert set(value["partial"]) == {"60040", "42200", "42202", "33100"}


@pytest.mark.parametrize(
    ("noc", "met"), [("21232", True), ("41220", False), ("63101", False), ("60040", None)]
)
def test_occupation_against_the_ineligible_list(noc: str, met: bool | None) -> None:
    assert criterion(stream(worker(noc), "2026-11-25", AOS), "occupation").met is met


@pytest.mark.parametrize(
    ("noc", "clb", "met"),
    [
        ("22220", 5, True),
        ("22220", 4, False),
        ("64100", 4, True),
        ("64100", 3, False),
        ("33102", 6, False),
        ("33102", 7, True),
    ],
)
def test_language_minimum_by_teer_and_the_nurse_aide_override(
    noc: str, clb: int, met: bool
) -> None:
    assert criterion(stream(worker(noc, clb), "2026-11-25", AOS), "language").met is met


def test_language_rises_to_clb_5_for_skilled_work_on_2020_01_01() -> None:
    profile = worker(clb=4)
    assert criterion(stream(profile, "2019-12-31", AOS), "language").met is True
    assert criterion(stream(profile, "2020-01-01", AOS), "language").met is False


def test_the_nurse_aide_override_starts_with_noc_2021() -> None:
    profile = worker("33102", clb=5)
    assert criterion(stream(profile, "2022-11-15", AOS), "language").met is True
    assert criterion(stream(profile, "2022-11-16", AOS), "language").met is False


def test_education_rule_is_known_from_2021_01_01() -> None:
    profile = worker()
    assert criterion(stream(profile, "2020-12-31", AOS), "education").met is None
    assert criterion(stream(profile, "2021-01-01", AOS), "education").met is True


def test_the_noc_2011_ineligible_list_is_not_encoded_before_2022_11_16() -> None:
    profile = worker()
    before = criterion(stream(profile, "2022-11-15", AOS), "occupation")
    assert before.met is None
    assert before.unconfirmed
    assert criterion(stream(profile, "2022-11-16", AOS), "occupation").met is True


def test_stream_opens_on_2018_06_14() -> None:
    assert stream(worker(), "2018-06-13", AOS).status == "not_yet_open"
    assert stream(worker(), "2018-06-14", AOS).status == "open"


def test_intake_paused_2024_02_15_and_reopened_2024_06_11() -> None:
    profile = worker()
    assert stream(profile, "2024-02-14", AOS).status == "open"
    paused = stream(profile, "2024-02-15", AOS)
    assert paused.status == "closed"
    assert "2024-02-15" in paused.criteria[0].reason.render()
    assert stream(profile, "2024-06-10", AOS).status == "closed"
    assert stream(profile, "2024-06-11", AOS).status == "open"


def test_worker_eoi_scores_the_stream_from_2024_09_30() -> None:
    profile = worker()
    before, after = stream(profile, "2024-09-29", AOS), stream(profile, "2024-09-30", AOS)
    assert before.score is None
    assert before.facts["entry"] == "application"
    assert after.score is not None
    assert after.score["grid"] == "ab.worker_eoi"
    assert after.facts["entry"] == "worker_eoi"


@pytest.mark.parametrize(
    ("in_canada", "education_province", "met"),
    [
        ({"status": "worker", "permit": "lmia"}, None, True),
        ({"status": "worker", "permit": "spousal_open"}, None, False),
        ({"status": "worker", "permit": "pgwp"}, None, False),
        ({"status": "worker", "permit": "pgwp"}, "AB", None),
        ({"status": "worker", "permit": "open_work_permit"}, None, None),
        ({"status": "worker", "permit": "lmia", "permit_expiry": "2026-01-31"}, None, False),
        (None, None, False),
    ],
)
def test_work_permit_basis(
    in_canada: dict[str, Any] | None, education_province: str | None, met: bool | None
) -> None:
    education = [
        {
            "level": "two_year",
            "country": "CA",
            "province": education_province or "BC",
            "completed": "2016-05-31",
            "length_years": 2,
        }
    ]
    profile = worker(in_canada=in_canada, education=education)
    assert criterion(stream(profile, "2026-11-25", AOS), "work_permit").met is met


def test_job_offer_must_be_a_year_or_more_and_in_alberta() -> None:
    short = worker(
        job_offer={
            "noc": "21232",
            "province": "AB",
            "hours_per_week": 40,
            "permanent": False,
            "duration_months": 6,
        }
    )
    assert criterion(stream(short, "2026-11-25", AOS), "job_offer").met is False
    year = worker(
        job_offer={
            "noc": "21232",
            "province": "AB",
            "hours_per_week": 40,
            "permanent": False,
            "duration_months": 12,
        }
    )
    assert criterion(stream(year, "2026-11-25", AOS), "job_offer").met is True
    somewhere = worker(job_offer={"noc": "21232", "hours_per_week": 40})
    unknown = criterion(stream(somewhere, "2026-11-25", AOS), "job_offer")
    assert unknown.met is None
    assert "job_offer.province" in unknown.reason.render()


def test_calgary_developer_after_a_year_in_alberta(calgary: Profile) -> None:
    result = stream(calgary, "2026-11-25", AOS)
    assert result.eligible is True
    assert result.facts["nomination"] == "base"
    assert result.facts["province"] == "AB"
    assert result.facts["months_in_province_required"] == 12
    assert result.facts["crs_points_on_nomination"] == 0
    draws = result.score["draws"]
    assert [row["date"] for row in draws["recent"]] == ["2026-06-05", "2026-05-27", "2026-05-06"]
    assert draws["at_or_above"] == sum(result.score["points"] >= cut for cut in (50, 51, 54))


def test_calgary_developer_six_months_in_is_short_of_alberta_experience(calgary: Profile) -> None:
    result = stream(calgary, "2026-06-01", AOS)
    assert criterion(result, "work_experience").met is False
    assert result.eligible is False


# --- Worker EOI grid (2025-08-07 version) -------------------------------------------------


def eoi(profile: Profile) -> dict[str, Any]:
    score = stream(profile, "2026-11-25", AOS).score
    assert score is not None
    return score


@pytest.mark.parametrize(("clb", "points"), [(3, 0), (4, 5), (5, 8), (6, 10), (9, 10)])
def test_english_language_points(clb: int, points: int) -> None:
    assert eoi(worker(clb=clb))["factors"]["language"] == points


@pytest.mark.parametrize(("nclc", "points", "bilingual"), [(4, 5, 3), (5, 5, 3), (6, 8, 3)])
def test_french_column_and_bilingual_bonus(nclc: int, points: int, bilingual: int) -> None:
    languages = [
        {"test": "nclc", "listening": nclc, "reading": nclc, "writing": nclc, "speaking": nclc},
        {"test": "clb", "listening": 4, "reading": 4, "writing": 4, "speaking": 4},
    ]
    factors = eoi(worker(languages=languages))["factors"]
    assert (
        factors["language"] == points
    )  # the English column (CLB 4 = 5) or the French one, whichever is more
    assert factors["bilingual_bonus"] == bilingual


def test_french_only_column() -> None:
    languages = [{"test": "nclc", "listening": 6, "reading": 6, "writing": 6, "speaking": 6}]
    factors = eoi(worker(languages=languages))["factors"]
    assert factors["language"] == 8
    assert factors["bilingual_bonus"] == 0


@pytest.mark.parametrize(
    ("birth_date", "points"),
    [
        ("2008-11-26", 0),
        ("2008-11-25", 3),
        ("2005-11-26", 3),
        ("2005-11-25", 5),
        ("1991-11-26", 5),
        ("1991-11-25", 4),
        ("1976-11-26", 4),
        ("1976-11-25", 3),
    ],
)
def test_age_points(birth_date: str, points: int) -> None:
    assert eoi(worker(birth_date=birth_date))["factors"]["age"] == points


@pytest.mark.parametrize(
    ("start", "points"), [("2026-07-01", 3), ("2026-04-01", 7), ("2025-10-01", 11)]
)
def test_total_work_experience_points(start: str, points: int) -> None:
    work = [
        {"noc": "21232", "country": "CA", "province": "AB", "start": start, "hours_per_week": 40}
    ]
    assert eoi(worker(work=work))["factors"]["total_work_experience"] == points


def test_no_experience_scores_the_lowest_row() -> None:
    assert eoi(worker(work=[]))["factors"]["total_work_experience"] == 3


def test_canadian_experience_in_alberta_or_another_province() -> None:
    alberta = [
        {
            "noc": "21232",
            "country": "CA",
            "province": "AB",
            "start": "2026-04-01",
            "hours_per_week": 40,
        }
    ]
    elsewhere = [
        {
            "noc": "21232",
            "country": "CA",
            "province": "BC",
            "start": "2026-04-01",
            "hours_per_week": 40,
        }
    ]
    assert eoi(worker(work=alberta))["factors"]["canadian_work_experience"] == 10
    assert eoi(worker(work=elsewhere))["factors"]["canadian_work_experience"] == 6


def test_education_level_and_place() -> None:
    doctorate = [
        {
            "level": "doctoral",
            "country": "CA",
            "province": "AB",
            "completed": "2020-05-01",
            "length_years": 4,
        }
    ]
    factors = eoi(worker(education=doctorate))["factors"]
    assert (factors["education_level"], factors["education_location"]) == (12, 10)
    masters = [
        {
            "level": "masters",
            "country": "CA",
            "province": "ON",
            "completed": "2020-05-01",
            "length_years": 2,
        }
    ]
    factors = eoi(worker(education=masters))["factors"]
    assert (factors["education_level"], factors["education_location"]) == (10, 6)
    diploma = [
        {
            "level": "two_year",
            "country": "IN",
            "completed": "2020-05-01",
            "length_years": 2,
            "eca": True,
        }
    ]
    factors = eoi(worker(education=diploma))["factors"]
    assert (factors["education_level"], factors["education_location"]) == (4, 0)


def test_family_job_offer_and_job_location() -> None:
    score = eoi(worker(close_family_in_provinces=["AB"]))
    assert score["factors"]["family_in_alberta"] == 8
    assert score["factors"]["job_offer"] == 10
    assert score["factors"]["job_location"] == 0  # Calgary CMA
    offer = {
        "noc": "21232",
        "province": "AB",
        "region": "other_alberta",
        "hourly_wage_cad": 45,
        "hours_per_week": 40,
    }
    assert eoi(worker(job_offer=offer))["factors"]["job_location"] == 5


def test_a_job_location_the_grid_cannot_place_is_unknown_not_zero() -> None:
    offer = {
        "noc": "21232",
        "province": "AB",
        "city": "Red Deer",
        "hourly_wage_cad": 45,
        "hours_per_week": 40,
    }
    score = eoi(worker(job_offer=offer))
    assert score["points"] is None
    assert score["factors"]["job_location"] is None
    assert score["missing"] == ["job_offer.region"]
    low, high = score["range"]
    assert high - low == 5


def test_grid_maximum_is_100() -> None:
    assert eoi(worker())["maximum"] == 100


# --- Accelerated Tech Pathway -------------------------------------------------------------


def test_pathway_opens_in_december_2021_flagged_unconfirmed() -> None:
    assert stream(worker(), "2021-11-30", ATP).status == "not_yet_open"
    opened = stream(worker(), "2021-12-01", ATP)
    assert opened.status == "open"
    assert any(
        w.parameter_id == "provinces.ab.express_entry.accelerated_tech_pathway"
        for w in opened.warnings
    )


def test_minimum_crs_is_300() -> None:
    assert (
        RULES.parameter("provinces.ab.express_entry.accelerated_tech_pathway")
        .at(__import__("datetime").date(2026, 1, 1))
        .value["min_crs"]
        == 300
    )
    low = worker(
        birth_date="1975-01-01",
        clb=5,
        education=[],
        work=[
            {
                "noc": "21232",
                "country": "CA",
                "province": "AB",
                "start": "2025-10-01",
                "hours_per_week": 40,
            }
        ],
    )
    result = stream(low, "2026-11-25", ATP)
    assert result.score["crs"] < 300
    assert criterion(result, "minimum_crs").met is False
    assert criterion(stream(worker(), "2026-11-25", ATP), "minimum_crs").met is True


def test_occupation_list_before_and_after_noc_2021() -> None:
    assert (
        criterion(stream(worker("20012"), "2022-11-15", ATP), "occupation").met is True
    )  # 0213 recovered
    assert (
        criterion(stream(worker("21231"), "2022-11-15", ATP), "occupation").met is None
    )  # 2173 not recovered
    assert criterion(stream(worker("21231"), "2022-11-16", ATP), "occupation").met is True
    assert criterion(stream(worker("21399"), "2022-11-16", ATP), "occupation").met is False


def test_the_list_has_44_codes_and_flags_official_only_codes() -> None:
    value = RULES.at(__import__("datetime").date(2026, 11, 25))[
        "provinces.ab.express_entry.accelerated_tech_pathway_occupations"
    ].value
    assert len(value["occupations"]) == 44
    confirmed = set(value["occupations"]) - set(value["unconfirmed"])
    assert confirmed == {
        "20012",
        "21211",
        "21220",
        "21221",
        "21222",
        "21223",
        "21230",
        "21231",
        "21232",
        "21233",
        "21234",
        "22220",
        "22221",
    }
    assert criterion(stream(worker("72200"), "2026-11-25", ATP), "occupation").unconfirmed
    assert not criterion(stream(worker("21232"), "2026-11-25", ATP), "occupation").unconfirmed


def test_tech_industry_answer_missing_is_unknown_and_named() -> None:
    offer = {
        "noc": "21232",
        "province": "AB",
        "city": "Calgary",
        "hourly_wage_cad": 45,
        "hours_per_week": 40,
    }
    found = criterion(stream(worker(job_offer=offer), "2026-11-25", ATP), "tech_industry_employer")
    assert found.met is None
    assert "job_offer.employer_in_tech_industry" in found.reason.render()


def test_pathway_scores_with_the_worker_eoi_from_2024_09_30() -> None:
    assert stream(worker(), "2024-09-29", ATP).score["scale"] == "crs"
    assert stream(worker(), "2024-09-30", ATP).score["grid"] == "ab.worker_eoi"


def test_calgary_developer_qualifies_for_the_tech_pathway(calgary: Profile) -> None:
    result = stream(calgary, "2026-11-25", ATP)
    assert result.eligible is True
    assert result.facts["nomination"] == "enhanced"
    assert result.facts["crs_points_on_nomination"] == 600
    assert result.facts["in_pool"] is True
    assert [row["min_score"] for row in result.score["draws"]["recent"]] == [55, 57, 59]


def test_pathway_start_is_confirmed_from_the_2022_01_13_announcement() -> None:
    parameter = "provinces.ab.express_entry.accelerated_tech_pathway"
    before = stream(worker(), "2022-01-12", ATP).warnings
    after = stream(worker(), "2022-01-13", ATP).warnings
    assert any(w.parameter_id == parameter and w.code == "unconfirmed" for w in before)
    assert not any(w.parameter_id == parameter for w in after)
