"""GTS Category A and B for a worker: the scenarios of issue 3 and the dated changes.

Amounts are those of research/work-permits.md sections 1.2 to 1.7 (ESDC pages dated 2025-11);
prevailing wages are rows of the Job Bank 2025 file (reference/data).
"""

from __future__ import annotations

from datetime import date

from canpath.params import RULES
from tests.work_permits.support import criterion, offer, person, result

ON = "2026-11-25"


def test_a_category_b_offer_below_the_floor_fails_with_the_floor_named() -> None:
    tester = person(
        job_offer=offer("22222", title="QA analyst", hourly_wage_cad=40.00, annual_salary_cad=None)
    )
    found = result(tester, ON, "gts.category_b")
    wage = criterion(found, "category_b.wage")
    assert found.eligible is False and wage.met is False
    assert "41.03" in wage.reason.render() and "41.03" in wage.needed.render()  # type: ignore[union-attr]


def test_a_category_b_offer_at_the_floor_and_above_the_median_passes() -> None:
    tester = person(
        job_offer=offer("22222", title="QA analyst", hourly_wage_cad=45.00, annual_salary_cad=None)
    )
    assert result(tester, ON, "gts.category_b").eligible is True


def test_an_occupation_not_on_the_list_fails_with_nearest_listed_occupations() -> None:
    tester = person(job_offer=offer("21399", title="Robotics engineer"))
    found = result(tester, ON, "gts.category_b")
    listed = criterion(found, "occupation_list")
    assert found.eligible is False and listed.met is False
    assert listed.needed is not None and "21390 Aerospace engineers" in listed.needed.render()


def test_the_wage_test_uses_the_higher_of_floor_and_prevailing_wage() -> None:
    # Job Bank 2025, NOC 22222 in Toronto: no figure for the region, so the Ontario median applies.
    tester = person(
        job_offer=offer(
            "22222", hourly_wage_cad=41.10, annual_salary_cad=None, prevailing_wage_hourly_cad=50.0
        )
    )
    wage = criterion(result(tester, ON, "gts.category_b"), "category_b.wage")
    assert wage.met is False and "50.00" in wage.reason.render()


def test_without_a_prevailing_wage_the_criterion_is_unknown_and_asks_for_it() -> None:
    # NOC 21390 (aerospace engineers) is listed but not in canpath's Job Bank subset.
    tester = person(job_offer=offer("21390", title="Aerospace engineer"))
    wage = criterion(result(tester, ON, "gts.category_b"), "category_b.wage")
    assert wage.met is None
    assert "prevailing_wage_hourly_cad" in wage.needed.render()  # type: ignore[union-attr]
    given = person(
        job_offer=offer("21390", title="Aerospace engineer", prevailing_wage_hourly_cad=60.0)
    )
    assert criterion(result(given, ON, "gts.category_b"), "category_b.wage").met is True


def test_without_a_region_a_wage_between_regional_medians_is_unknown() -> None:
    # NOC 21231 in Ontario: regional medians range from 48.08 (Northeast) to 57.69 (Windsor--Sarnia).
    middle = person(
        job_offer=offer(
            "21231", region=None, city=None, hourly_wage_cad=52.0, annual_salary_cad=None
        )
    )
    wage = criterion(result(middle, ON, "gts.category_b"), "category_b.wage")
    assert wage.met is None and "region" in wage.needed.render()  # type: ignore[union-attr]
    high = person(
        job_offer=offer(
            "21231", region=None, city=None, hourly_wage_cad=58.0, annual_salary_cad=None
        )
    )
    assert criterion(result(high, ON, "gts.category_b"), "category_b.wage").met is True
    low = person(
        job_offer=offer(
            "21231", region=None, city=None, hourly_wage_cad=47.0, annual_salary_cad=None
        )
    )
    assert criterion(result(low, ON, "gts.category_b"), "category_b.wage").met is False


def test_the_city_can_name_the_economic_region() -> None:
    tester = person(
        job_offer=offer(
            "21231", region=None, city="Toronto", hourly_wage_cad=56.50, annual_salary_cad=None
        )
    )
    wage = criterion(result(tester, ON, "gts.category_b"), "category_b.wage")
    assert (
        wage.met is True and "56.49" in wage.reason.render() and "Toronto" in wage.reason.render()
    )


def test_job_bank_wages_apply_from_their_publication_on_2025_11_19() -> None:
    tester = person(job_offer=offer("21231", hourly_wage_cad=60.0, annual_salary_cad=None))
    assert criterion(result(tester, "2025-11-18", "gts.category_b"), "category_b.wage").met is None
    assert criterion(result(tester, "2025-11-19", "gts.category_b"), "category_b.wage").met is True


def test_category_b_planner_facts() -> None:
    facts = result(person(), ON, "gts.category_b").facts
    assert facts["permit"] == "gts" and facts["employer_specific"] is True
    assert facts["lmia_processing_weeks"] == 2 and facts["work_permit_processing_weeks"] == 2
    assert facts["processing_weeks"] == 4 and facts["permit_length_months"] == 36
    assert facts["counts_as_skilled_canadian_experience"] is True
    assert any("skills and training" in item for item in facts["labour_market_benefits_plan"])


def test_the_three_year_employment_maximum_is_read_from_the_2025_11_06_page() -> None:
    assert result(person(), "2025-11-05", "gts.category_b").facts["permit_length_months"] is None
    assert result(person(), "2025-11-06", "gts.category_b").facts["permit_length_months"] == 36


def test_gts_opens_on_2017_06_12() -> None:
    assert result(person(), "2017-06-11", "gts.category_b").status == "not_yet_open"
    assert result(person(), "2017-06-12", "gts.category_b").status == "open"
    assert result(person(), "2017-06-11", "gts.category_a").status == "not_yet_open"


def _category_a(day: str, **changes: object) -> object:
    data = {
        "noc": "21399",
        "title": "Robotics engineer",
        "gts_referral_partner": "Communitech",
        **changes,
    }
    return result(person(job_offer=offer(**data)), day, "gts.category_a")  # type: ignore[arg-type]


def test_category_a_needs_a_designated_partner() -> None:
    found = _category_a(ON)
    assert criterion(found, "referral").met is True  # type: ignore[arg-type]
    assert "Communitech Corporation" in criterion(found, "referral").reason.render()  # type: ignore[arg-type]
    other = _category_a(ON, gts_referral_partner="Acme Consulting")
    assert criterion(other, "referral").met is False  # type: ignore[arg-type]


def test_the_partner_list_is_known_from_april_2025() -> None:
    assert criterion(_category_a("2025-03-31"), "referral").met is None  # type: ignore[arg-type]
    assert criterion(_category_a("2025-04-01"), "referral").met is True  # type: ignore[arg-type]


def test_category_a_wage_needs_both_the_hourly_and_the_annual_floor() -> None:
    # First two positions of a year: 38.46 $/h and 80,000 $ (ESDC), both.
    assert (
        criterion(
            _category_a(ON, annual_salary_cad=80000, gts_category_a_prior_positions_this_year=0),
            "category_a.wage",
        ).met
        is None
    )  # type: ignore[arg-type]
    with_prevailing = {
        "prevailing_wage_hourly_cad": 30.0,
        "gts_category_a_prior_positions_this_year": 0,
    }
    assert (
        criterion(
            _category_a(ON, annual_salary_cad=80000, **with_prevailing), "category_a.wage"
        ).met
        is True
    )  # type: ignore[arg-type]
    short_week = {"annual_salary_cad": None, "hourly_wage_cad": 38.46, "hours_per_week": 37.5}
    assert (
        criterion(_category_a(ON, **short_week, **with_prevailing), "category_a.wage").met is False
    )  # type: ignore[arg-type]


def test_a_third_category_a_position_needs_150000() -> None:
    third = {"prevailing_wage_hourly_cad": 30.0, "gts_category_a_prior_positions_this_year": 2}
    assert (
        criterion(_category_a(ON, annual_salary_cad=100000, **third), "category_a.wage").met
        is False
    )  # type: ignore[arg-type]
    assert (
        criterion(_category_a(ON, annual_salary_cad=150000, **third), "category_a.wage").met is True
    )  # type: ignore[arg-type]
    unknown_count = {"prevailing_wage_hourly_cad": 30.0}
    assert (
        criterion(_category_a(ON, annual_salary_cad=100000, **unknown_count), "category_a.wage").met
        is None
    )  # type: ignore[arg-type]


def test_the_additional_position_floor_is_read_from_2025_11_20() -> None:
    third = {
        "annual_salary_cad": 100000,
        "prevailing_wage_hourly_cad": 30.0,
        "gts_category_a_prior_positions_this_year": 5,
    }
    assert criterion(_category_a("2025-11-19", **third), "category_a.wage").met is None  # type: ignore[arg-type]
    assert criterion(_category_a("2025-11-20", **third), "category_a.wage").met is False  # type: ignore[arg-type]


def test_a_listed_occupation_goes_to_category_b() -> None:
    found = _category_a(ON, noc="21231")
    assert criterion(found, "not_on_occupations_list").met is False  # type: ignore[arg-type]


def test_category_a_candidate_needs_an_advanced_degree_or_five_years() -> None:
    junior = person(
        work=[{"noc": "21399", "country": "US", "start": "2023-01-01", "hours_per_week": 40}],
        job_offer=offer("21399", gts_referral_partner="MaRS Discovery District"),
    )
    assert criterion(result(junior, ON, "gts.category_a"), "specialized_candidate").met is False
    masters = [{"level": "masters", "country": "US", "completed": "2020-05-01", "length_years": 2}]
    graduate = person(
        education=masters,
        work=[],
        job_offer=offer("21399", gts_referral_partner="MaRS Discovery District"),
    )
    assert criterion(result(graduate, ON, "gts.category_a"), "specialized_candidate").met is True
    senior = person(
        work=[{"noc": "21399", "country": "US", "start": "2019-01-01", "hours_per_week": 40}],
        job_offer=offer("21399", gts_referral_partner="MaRS Discovery District"),
    )
    assert criterion(result(senior, ON, "gts.category_a"), "specialized_candidate").met is True


def test_the_labour_market_benefits_plan_checklist_by_category_and_date() -> None:
    a = result(person(), ON, "gts.category_a").facts["labour_market_benefits_plan"]
    b = result(person(), ON, "gts.category_b").facts["labour_market_benefits_plan"]
    assert "job creation" in a[0] and "skills and training" in b[0]
    assert any("At least 2 complementary benefits" in item for item in a)
    assert any("2 years" in item for item in b)
    before = result(person(), "2025-11-19", "gts.category_b").facts["labour_market_benefits_plan"]
    assert len(before) == 2 and "not known" in before[1]
    plan = "federal.tfwp.global_talent_stream.labour_market_benefits_plan"
    assert RULES.at(date(2025, 11, 19))[plan].status == "unconfirmed"
    assert RULES.at(date(2025, 11, 20))[plan].status == "confirmed"
