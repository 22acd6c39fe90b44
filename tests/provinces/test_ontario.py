"""Ontario: Human Capital Priorities tech draws, Employer Job Offer Foreign Worker, Workforce Priority.

Numbers come from shared/research/provincial.md (sections 2.1 to 2.6), never from the code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from canpath.params import RULES
from canpath.profile import Profile

from .helpers import criterion, person, stream

HCP, FW, OWP = "on.hcp_tech", "on.employer_foreign_worker", "on.workforce_priority"


def ontario(noc: str = "21231", clb: int = 9, **changes: Any) -> Profile:
    """A worker in Ontario since 2017 with an Ontario master's and a permanent offer from the employer."""
    fields: dict[str, Any] = {
        "in_canada": {"status": "worker", "permit": "open_work_permit"},
        "intended_province": "ON",
        "languages": [{"test": "clb", "listening": clb, "reading": clb, "writing": clb, "speaking": clb}],
        "education": [{"level": "masters", "country": "CA", "province": "ON", "completed": "2016-12-15", "length_years": 2}],
        "work": [{"noc": noc, "employer": "Acme", "country": "CA", "province": "ON", "start": "2017-02-01", "hours_per_week": 40}],
        "job_offer": {
            "noc": noc, "employer": "Acme", "province": "ON", "city": "Toronto", "hourly_wage_cad": 50,
            "prevailing_wage_hourly_cad": 45, "hours_per_week": 40, "permanent": True,
        },
        "canadian_earnings": [{"year": 2022, "amount_cad": 80000}],
    }  # fmt: skip
    fields.update(changes)
    return person(**fields)


def offer(**changes: Any) -> dict[str, Any]:
    found: dict[str, Any] = {
        "noc": "21231",
        "employer": "Acme",
        "province": "ON",
        "city": "Toronto",
        "hourly_wage_cad": 50,
        "prevailing_wage_hourly_cad": 45,
        "hours_per_week": 40,
        "permanent": True,
    }
    found.update(changes)
    return found


# --- Human Capital Priorities, tech draws ---------------------------------------------------


def test_the_tech_draw_lists() -> None:
    assert RULES.at(date(2020, 5, 13))["provinces.on.hcp.tech_occupations"].value[
        "occupations"
    ] == ["0213", "2147", "2172", "2173", "2174", "2175"]
    nine = RULES.at(date(2023, 1, 1))["provinces.on.hcp.tech_occupations"].value["occupations"]
    assert set(nine) == {
        "20012",
        "21211",
        "21223",
        "21230",
        "21231",
        "21232",
        "21233",
        "21234",
        "21311",
    }


@pytest.mark.parametrize(
    ("noc", "before", "after"),
    [("21211", None, True), ("21231", True, True), ("21220", False, False), ("21311", True, True)],
)
def test_tech_occupation_on_the_day_before_and_of_noc_2021(
    noc: str, before: bool | None, after: bool
) -> None:
    profile = ontario(noc)
    assert criterion(stream(profile, "2022-11-15", HCP), "tech_occupation").met is before
    assert criterion(stream(profile, "2022-11-16", HCP), "tech_occupation").met is after


def test_six_months_in_the_primary_occupation_from_2024_07_25() -> None:
    work = [
        {
            "noc": "21222",
            "country": "CA",
            "province": "ON",
            "start": "2022-06-01",
            "end": "2023-11-30",
            "hours_per_week": 40,
        },
        {
            "noc": "21231",
            "country": "CA",
            "province": "ON",
            "start": "2023-12-01",
            "hours_per_week": 40,
        },
    ]
    profile = ontario(work=work)
    before, after = stream(profile, "2024-07-24", HCP), stream(profile, "2024-07-25", HCP)
    assert criterion(before, "tech_occupation").met is False
    assert criterion(after, "tech_occupation").met is True
    assert any(
        w.parameter_id == "provinces.on.hcp.requirements" and w.code == "unconfirmed"
        for w in after.warnings
    )


def test_stream_is_encoded_from_2019_07_08_and_closed_effective_2026_06_26() -> None:
    profile = ontario()
    early = stream(profile, "2019-07-07", HCP)
    assert early.status == "not_yet_open"
    assert "2019-07-08" in early.criteria[0].reason.render()
    last = stream(profile, "2026-06-25", HCP)
    assert last.status == "open"
    assert last.facts["closes_on"] == "2026-06-26"
    closed = stream(profile, "2026-06-26", HCP)
    assert closed.status == "closed"
    assert closed.eligible is False
    assert "2026-06-26" in closed.criteria[0].reason.render()


@pytest.mark.parametrize(
    ("changes", "name", "met"),
    [
        ({"clb": 6}, "language", False),
        (
            {
                "education": [
                    {
                        "level": "two_year",
                        "country": "CA",
                        "province": "ON",
                        "completed": "2016-12-15",
                        "length_years": 2,
                    }
                ]
            },
            "education",
            False,
        ),
        ({"intended_province": "BC"}, "intent_to_reside", False),
        ({"intended_province": None}, "intent_to_reside", None),
        ({"funds_cad": 1000}, "settlement_funds", False),
    ],
)
def test_requirements(changes: dict[str, Any], name: str, met: bool | None) -> None:
    assert criterion(stream(ontario(**changes), "2023-06-01", HCP), name).met is met


def test_toronto_data_scientist_in_the_pool_in_2023(toronto: Profile) -> None:
    result = stream(toronto, "2023-06-01", HCP)
    assert result.eligible is True
    assert result.facts["nomination"] == "enhanced"
    assert result.facts["crs_points_on_nomination"] == 600
    assert result.facts["apply_within_days"] == 45
    assert result.score["scale"] == "crs"
    draws = result.score["draws"]["recent"]
    assert [(row["date"], row["min_score"]) for row in draws] == [
        ("2023-05-05", 475),
        ("2023-03-10", 479),
        ("2023-02-02", 481),
    ]
    assert all(row["meets"] == (result.score["points"] >= row["min_score"]) for row in draws)


def test_toronto_data_scientist_after_the_closure(toronto: Profile) -> None:
    assert stream(toronto, "2026-11-25", HCP).status == "closed"


# --- OINP EOI grid, Foreign Worker factors (2022-11-16 version) -------------------------------


def fw_score(profile: Profile, on: str = "2026-04-01") -> dict[str, Any]:
    score = stream(profile, on, FW).score
    assert score is not None
    return score


def test_foreign_worker_maximum_is_76() -> None:
    assert fw_score(ontario())["maximum"] == 76


@pytest.mark.parametrize(
    ("wage", "points"),
    [(19.99, 0), (20, 5), (24.99, 5), (25, 6), (30, 7), (35, 8), (39.99, 8), (40, 10)],
)
def test_hourly_wage_bands(wage: float, points: int) -> None:
    assert (
        fw_score(ontario(job_offer=offer(hourly_wage_cad=wage)))["factors"]["hourly_wage_cad"]
        == points
    )


@pytest.mark.parametrize(
    ("noc", "teer", "broad"),
    [("21231", 10, 10), ("22220", 8, 10), ("62010", 8, 3), ("64100", 0, 3), ("72010", 8, 7)],
)
def test_teer_and_broad_category(noc: str, teer: int, broad: int) -> None:
    factors = fw_score(ontario(job_offer=offer(noc=noc)))["factors"]
    assert (factors["noc_teer"], factors["broad_occupational_category"]) == (teer, broad)


@pytest.mark.parametrize(("clb", "points"), [(9, 10), (8, 6), (7, 4), (6, 0)])
def test_language_points(clb: int, points: int) -> None:
    assert fw_score(ontario(clb=clb))["factors"]["language_lowest_clb"] == points


def test_knowledge_of_official_languages() -> None:
    assert fw_score(ontario())["factors"]["official_languages"] == 5
    both = [
        {"test": "clb", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
        {"test": "nclc", "listening": 6, "reading": 6, "writing": 6, "speaking": 6},
    ]
    assert fw_score(ontario(languages=both))["factors"]["official_languages"] == 10


@pytest.mark.parametrize(
    ("region", "city", "points"),
    [
        ("", "Toronto", 0),
        ("gta_except_toronto", "", 3),
        ("outside_gta", "", 8),
        ("northern_ontario", "", 10),
    ],
)
def test_job_location(region: str, city: str, points: int) -> None:
    assert (
        fw_score(ontario(job_offer=offer(region=region or None, city=city or None)))["factors"][
            "job_location"
        ]
        == points
    )


def test_permit_tenure_and_earnings() -> None:
    factors = fw_score(ontario())["factors"]
    assert (factors["permit_status"], factors["job_tenure"], factors["earnings_history"]) == (
        10,
        3,
        3,
    )
    factors = fw_score(ontario(in_canada=None, job_offer=offer(employer="Other Co")))["factors"]
    assert (factors["permit_status"], factors["job_tenure"]) == (0, 0)


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"job_offer": offer(hourly_wage_cad=None)}, "job_offer.hourly_wage_cad"),
        ({"job_offer": offer(city="Ottawa")}, "job_offer.region"),
        ({"canadian_earnings": []}, "canadian_earnings"),
        ({"job_offer": offer(employer=None)}, "job_offer.is_current_employer"),
    ],
)
def test_missing_answers_are_named_not_scored_zero(changes: dict[str, Any], missing: str) -> None:
    score = fw_score(ontario(**changes))
    assert score["points"] is None
    assert missing in score["missing"]


def test_earnings_are_zero_for_someone_who_never_worked_in_canada() -> None:
    profile = ontario(
        work=[{"noc": "21231", "country": "IN", "start": "2017-02-01", "hours_per_week": 40}],
        canadian_earnings=[],
    )
    assert fw_score(profile)["factors"]["earnings_history"] == 0


def test_toronto_data_scientist_eoi_score_and_april_2026_draws(toronto: Profile) -> None:
    score = fw_score(toronto, "2026-05-01")
    # TEER 1: 10, category 2: 10, $55: 10, permit: 10, tenure: 3, earnings: 3, CLB 9: 10, one language: 5, Toronto: 0
    assert score["points"] == 61
    draws = {row["date"]: row for row in score["draws"]["recent"]}
    assert draws["2026-04-30"]["min_score"] == 57
    assert draws["2026-04-30"]["meets"] is True
    assert draws["2026-04-23"]["meets"] is False  # an Eastern Ontario draw; the offer is in the GTA


# --- Foreign Worker stream criteria and dates -------------------------------------------------


def test_foreign_worker_requirements(toronto: Profile) -> None:
    result = stream(toronto, "2026-04-01", FW)
    assert result.eligible is True
    assert result.facts["nomination"] == "base"
    assert (
        criterion(stream(ontario(job_offer=offer(noc="64100")), "2026-04-01", FW), "job_offer").met
        is False
    )
    assert (
        criterion(
            stream(ontario(job_offer=offer(permanent=False, duration_months=24)), "2026-04-01", FW),
            "job_offer",
        ).met
        is False
    )
    wage = criterion(
        stream(ontario(job_offer=offer(prevailing_wage_hourly_cad=None)), "2026-04-01", FW), "wage"
    )
    assert wage.met is None
    assert "job_offer.prevailing_wage_hourly_cad" in wage.reason.render()
    assert (
        criterion(
            stream(ontario(job_offer=offer(hourly_wage_cad=40)), "2026-04-01", FW), "wage"
        ).met
        is False
    )
    recent = ontario(
        work=[
            {
                "noc": "21231",
                "country": "CA",
                "province": "ON",
                "start": "2025-04-01",
                "hours_per_week": 40,
            }
        ]
    )
    assert criterion(stream(recent, "2026-04-01", FW), "work_experience").met is False


def test_foreign_worker_dates() -> None:
    profile = ontario()
    assert stream(profile, "2022-11-15", FW).status == "not_yet_open"
    assert stream(profile, "2025-06-30", FW).facts["entry"] == "eoi"
    assert stream(profile, "2025-07-01", FW).facts["entry"] == "employer_portal_then_eoi"
    assert stream(profile, "2026-06-25", FW).status == "open"
    assert stream(profile, "2026-06-26", FW).status == "closed"


# --- Ontario Workforce Priority (provisional) ----------------------------------------------


def test_workforce_priority_opens_2026_06_26_and_is_flagged_provisional() -> None:
    profile = ontario()
    assert stream(profile, "2026-06-25", OWP).status == "not_yet_open"
    result = stream(profile, "2026-06-26", OWP)
    assert result.status == "open"
    assert any(
        w.parameter_id == "provinces.on.workforce_priority.requirements" and w.code == "unconfirmed"
        for w in result.warnings
    )
    assert result.facts["provisional"] is True


def test_workforce_priority_grid_values() -> None:
    factors = stream(
        ontario(job_offer=offer(region="northern_ontario", city=None, hourly_wage_cad=40)),
        "2026-11-25",
        OWP,
    ).score["factors"]
    assert factors == {
        "noc_teer": 9, "broad_occupational_category": 6, "hourly_wage_cad": 15, "months_in_job_offer_position": 18,
        "job_location": 15, "annual_earnings_cad": 8, "permit_status": 10, "education_level": 8,
        "canadian_credentials": 5, "language_lowest_clb": 15, "official_languages": 5,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("wage", "points"), [(19.99, 0), (20, 5), (25, 8), (30, 10), (35, 12), (40, 15)]
)
def test_workforce_priority_wage_bands(wage: float, points: int) -> None:
    assert (
        stream(ontario(job_offer=offer(hourly_wage_cad=wage)), "2026-11-25", OWP).score["factors"][
            "hourly_wage_cad"
        ]
        == points
    )


@pytest.mark.parametrize(
    ("start", "points"),
    [("2026-08-01", 0), ("2026-05-01", 12), ("2025-10-01", 15), ("2024-10-01", 18)],
)
def test_workforce_priority_months_in_position(start: str, points: int) -> None:
    work = [
        {
            "noc": "21231",
            "employer": "Acme",
            "country": "CA",
            "province": "ON",
            "start": start,
            "hours_per_week": 40,
        }
    ]
    assert (
        stream(ontario(work=work), "2026-11-25", OWP).score["factors"][
            "months_in_job_offer_position"
        ]
        == points
    )


@pytest.mark.parametrize(
    ("noc", "clb", "met"),
    [
        ("21231", 6, True),
        ("21231", 5, False),
        ("72010", 5, True),
        ("72600", 5, None),
        ("64100", 4, True),
    ],
)
def test_workforce_priority_language_by_pathway(noc: str, clb: int, met: bool | None) -> None:
    profile = ontario(
        noc=noc,
        clb=clb,
        education=[
            {
                "level": "masters",
                "country": "IN",
                "completed": "2016-12-15",
                "length_years": 2,
                "eca": True,
            }
        ],
    )
    assert criterion(stream(profile, "2026-11-25", OWP), "language").met is met


def test_workforce_priority_experience_in_the_position() -> None:
    short = [
        {
            "noc": "21231",
            "employer": "Acme",
            "country": "CA",
            "province": "ON",
            "start": "2026-08-01",
            "hours_per_week": 40,
        }
    ]
    assert criterion(stream(ontario(work=short), "2026-11-25", OWP), "work_experience").met is False
    graduate = [
        {
            "level": "masters",
            "country": "CA",
            "province": "ON",
            "completed": "2025-12-15",
            "length_years": 2,
        }
    ]
    assert (
        criterion(
            stream(ontario(work=short, education=graduate), "2026-11-25", OWP), "work_experience"
        ).met
        is True
    )
    assert criterion(stream(ontario(), "2026-11-25", OWP), "work_experience").met is True


def test_workforce_priority_nomination_is_the_applicants_choice() -> None:
    in_pool = stream(ontario(), "2026-11-25", OWP)
    assert in_pool.facts["nomination"] == "enhanced"
    assert in_pool.facts["nomination_options"] == ["base", "enhanced"]
    outside = stream(ontario(noc="64100", clb=4), "2026-11-25", OWP)
    assert outside.facts["nomination"] == "base"


def test_the_earnings_window_follows_each_rows_own_date() -> None:
    # The planner assesses rows on their own dates under one snapshot: a 2022 income counts on a
    # 2025 row (inside the window of `window_years` tax years) but not on a row after the window.
    from canpath.facts import Facts
    from canpath.rules.provinces.on.eoi_grid import GRID, earnings_points

    snapshot = RULES.at(date(2025, 1, 1))
    rule = snapshot.value(GRID)["earnings_history"]
    late = date(2022 + int(rule["window_years"]) + 1, 1, 1)
    facts = Facts(
        date(2025, 1, 1), snapshot, profiles=[ontario()] * 2, row_dates=[date(2025, 1, 1), late]
    )
    points, _ = earnings_points(
        facts, float(rule["min_cad"]), int(rule["window_years"]), int(rule["points"])
    )
    assert points.tolist() == [rule["points"], 0]
