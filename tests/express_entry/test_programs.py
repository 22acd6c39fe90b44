"""FSW, CEC and FST eligibility, proof of funds, and category-based selection over time."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from canpath.api import assess
from tests.helpers import job, language_result, person


def program(profile: Any, program_id: str, on: str) -> Any:
    return assess(profile, on=on, programs=[program_id]).program(program_id)


def criterion(result: Any, name: str) -> Any:
    return next(c for c in result.criteria if c.rule.endswith("." + name))


def test_fsw_grid_for_a_32_year_old_masters_graduate() -> None:
    # Age 30 on 2026-06-01: 12; master's: 23; 5+ years of work in 10: 13 (4-5 years band) or 15;
    # CLB 9 all four: 24; no offer; no adaptability. 2019-07-01 to 2026-06-01 is 6 years -> 15.
    result = program(person(), "express_entry.fsw", "2026-06-01")
    assert result.score["factors"] == {
        "language": 24, "education": 23, "work_experience": 15, "age": 12,
        "arranged_employment": 0, "adaptability": 0,
    }  # fmt: skip
    assert result.score["points"] == 74 and result.eligible is True


def test_fsw_age_points_drop_by_one_a_year_after_35() -> None:
    # Born 1996-03-14: 36 on 2032-03-14 -> 11 points (research §2.1).
    young = program(person(birth_date="1990-03-14"), "express_entry.fsw", "2026-03-13")
    older = program(person(birth_date="1990-03-14"), "express_entry.fsw", "2026-03-14")
    assert young.score["factors"]["age"] == 12  # 35
    assert older.score["factors"]["age"] == 11  # 36


def test_fsw_needs_clb_7_in_every_ability() -> None:
    result = program(
        person(languages=[language_result(writing=6)]), "express_entry.fsw", "2026-06-01"
    )
    assert result.eligible is False
    language = criterion(result, "language")
    assert language.met is False and "CLB 7" in language.reason.render()


def test_fsw_pass_mark_is_67() -> None:
    # 47-year-old, secondary school, CLB 7, one year of work: 16 + 5 + 9 + 0 = 30 points.
    weak = person(
        birth_date="1979-01-01",
        education=[
            {
                "level": "secondary",
                "country": "IN",
                "completed": "1997-06-30",
                "length_years": 4,
                "eca": True,
            }
        ],
        languages=[language_result(listening=7, reading=7, writing=7, speaking=7)],
        work=[job(start="2025-01-01")],
    )
    result = program(weak, "express_entry.fsw", "2026-06-01")
    assert result.score["points"] == 16 + 5 + 9 + 0
    assert criterion(result, "selection_grid").met is False


@pytest.mark.parametrize(
    ("day_before", "day_of", "single_before", "single_after"),
    [
        ("2023-04-24", "2023-04-25", 13_310, 13_757),
        ("2024-05-27", "2024-05-28", 13_757, 14_690),
        ("2025-07-27", "2025-07-28", 14_690, 15_263),
    ],
)
def test_proof_of_funds_tables_change_on_their_dates(
    day_before: str, day_of: str, single_before: int, single_after: int
) -> None:
    between = (single_before + single_after) // 2
    profile = person(funds_cad=between)
    assert (
        criterion(program(profile, "express_entry.fsw", day_before), "proof_of_funds").met is True
    )
    assert criterion(program(profile, "express_entry.fsw", day_of), "proof_of_funds").met is False


def test_proof_of_funds_per_family_size_and_above_seven() -> None:
    # 2025 table: family of 4 needs 28,362; of 9 needs 40,392 + 2 x 4,112 = 48,616.
    four = criterion(
        program(person(family_size=4, funds_cad=28_361), "express_entry.fsw", "2026-06-01"),
        "proof_of_funds",
    )
    nine = criterion(
        program(person(family_size=9, funds_cad=48_616), "express_entry.fsw", "2026-06-01"),
        "proof_of_funds",
    )
    assert four.met is False and "28362" in four.reason.render()
    assert nine.met is True


def test_proof_of_funds_is_not_required_with_a_work_permit_and_a_valid_offer() -> None:
    offer = {
        "noc": "21231",
        "province": "ON",
        "lmia": "approved",
        "hours_per_week": 40,
        "permanent": True,
    }
    profile = person(funds_cad=0, job_offer=offer, in_canada={"status": "worker", "permit": "lmia"})
    assert (
        criterion(program(profile, "express_entry.fsw", "2026-06-01"), "proof_of_funds").met is True
    )


def test_proof_of_funds_unknown_without_funds_or_before_2022_06_09() -> None:
    profile = person(funds_cad=None)
    assert (
        criterion(program(profile, "express_entry.fsw", "2026-06-01"), "proof_of_funds").met is None
    )
    assert (
        criterion(program(person(), "express_entry.fsw", "2022-06-08"), "proof_of_funds").met
        is None
    )
    assert (
        criterion(program(person(), "express_entry.fsw", "2022-06-09"), "proof_of_funds").met
        is True
    )


def canadian_worker(noc: str = "21231", start: str = "2024-01-08", **extra: Any) -> Any:
    return person(
        work=[job(noc=noc, country="CA", start=start, **extra)],
        in_canada={"status": "worker", "permit": "pgwp"},
    )


def test_cec_needs_a_year_of_canadian_work() -> None:
    # 2024-01-08 + 363 days = 2025-01-05 is the 364th day: 1,560 hours.
    assert program(canadian_worker(), "express_entry.cec", "2025-01-04").eligible is False
    assert program(canadian_worker(), "express_entry.cec", "2025-01-05").eligible is True


def test_cec_language_depends_on_teer() -> None:
    clb6 = [language_result(listening=6, reading=6, writing=6, speaking=6)]
    teer1 = person(work=[job(noc="21231", country="CA", start="2023-01-02")], languages=clb6)
    teer2 = person(work=[job(noc="22220", country="CA", start="2023-01-02")], languages=clb6)
    assert program(teer1, "express_entry.cec", "2026-06-01").eligible is False
    assert program(teer2, "express_entry.cec", "2026-06-01").eligible is True


def test_cec_excludes_work_while_a_full_time_student() -> None:
    assert (
        program(canadian_worker(student=True), "express_entry.cec", "2026-06-01").eligible is False
    )


def test_fst_needs_two_years_in_a_trade_and_an_offer_or_certificate() -> None:
    electrician = person(
        work=[job(noc="72200", country="CA", start="2022-01-03")],
        languages=[language_result(listening=5, reading=4, writing=4, speaking=5)],
        certificate_of_qualification={"trade": "Electrician", "province": "AB"},
    )
    assert program(electrician, "express_entry.fst", "2026-06-01").eligible is True
    no_certificate = electrician.model_copy(update={"certificate_of_qualification": None})
    result = program(no_certificate, "express_entry.fst", "2026-06-01")
    assert criterion(result, "job_offer_or_certificate").met is False


def test_fst_trade_groups_exclude_726_and_932() -> None:
    from canpath.params import RULES
    from canpath.rules.federal.express_entry.eligibility_facts import is_trade

    snapshot = RULES.at(date(2026, 6, 1))
    assert (
        is_trade("72200", snapshot) and is_trade("63200", snapshot) and is_trade("62200", snapshot)
    )
    assert (
        not is_trade("72600", snapshot)
        and not is_trade("93200", snapshot)
        and not is_trade("21231", snapshot)
    )


def test_fst_trade_list_is_flagged_before_noc_2021() -> None:
    from canpath.params import RULES

    trades = "federal.express_entry.fst.trade_occupations"
    assert RULES.at(date(2022, 11, 15))[trades].status == "unconfirmed"
    assert RULES.at(date(2022, 11, 16))[trades].status == "confirmed"
    skilled = "federal.express_entry.skilled_work"
    assert RULES.at(date(2022, 11, 15))[skilled].status == "unconfirmed"
    assert RULES.at(date(2022, 11, 16))[skilled].status == "confirmed"


def stem_worker(noc: str) -> Any:
    return person(work=[job(noc=noc, country="IN", start="2020-01-06")])


def test_category_selection_starts_on_2023_05_31() -> None:
    assert (
        program(stem_worker("21231"), "express_entry.category.stem", "2023-05-30").status
        == "not_yet_open"
    )
    assert (
        program(stem_worker("21231"), "express_entry.category.stem", "2023-05-31").eligible is True
    )


def test_software_engineers_left_the_stem_list_on_2025_02_27() -> None:
    assert (
        program(stem_worker("21231"), "express_entry.category.stem", "2025-02-26").eligible is True
    )
    assert (
        program(stem_worker("21231"), "express_entry.category.stem", "2025-02-27").eligible is False
    )
    assert (
        program(stem_worker("21220"), "express_entry.category.stem", "2025-02-27").eligible is True
    )


def test_physicians_category_starts_on_2025_12_08() -> None:
    doctor = person(work=[job(noc="31102", country="CA", start="2023-01-02")])
    assert program(doctor, "express_entry.category.physicians", "2025-12-07").status == "closed"
    assert program(doctor, "express_entry.category.physicians", "2025-12-08").eligible is True


def test_2026_categories_need_12_months_and_retire_agriculture() -> None:
    # Seven months of cybersecurity work: enough under the 6-month rule, not under the 12-month one.
    earlier = job(noc="21231", country="IN", start="2018-01-01", end="2025-06-30")
    seven_months = person(
        work=[earlier, job(noc="21220", country="CA", start="2025-07-01", end="2026-01-31")]
    )
    assert program(seven_months, "express_entry.category.stem", "2026-02-17").eligible is True
    stem_2026 = program(seven_months, "express_entry.category.stem", "2026-02-18")
    assert stem_2026.eligible is None  # the 2026 STEM list is not confirmed
    assert (
        program(seven_months, "express_entry.category.agriculture", "2026-02-17").status == "open"
    )
    assert (
        program(seven_months, "express_entry.category.agriculture", "2026-02-18").status == "closed"
    )
    researcher = person(
        work=[earlier, job(noc="41200", country="CA", start="2025-07-01", end="2026-01-31")]
    )
    assert program(researcher, "express_entry.category.researchers", "2026-02-18").eligible is False


def test_french_category_needs_nclc_7_in_all_four() -> None:
    francophone = person(
        languages=[
            language_result(),
            language_result(test="nclc", speaking=7, writing=7, reading=7, listening=7),
        ]
    )
    weaker = person(languages=[language_result(), language_result(test="nclc", speaking=6)])
    assert program(francophone, "express_entry.category.french", "2026-06-01").eligible is True
    assert program(weaker, "express_entry.category.french", "2026-06-01").eligible is False
