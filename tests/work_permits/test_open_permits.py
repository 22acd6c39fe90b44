"""Post-graduation, IEC and spousal open work permits, with each dated change.

Rules from research/work-permits.md sections 4.2 (IEC, PDI dated 2025-12-24), 4.3 (PGWP, PDI
dated 2025-12-11), 1.8 and 4.4 (spousal permits, PDIs dated 2025-01/02).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from canpath.params import RULES
from canpath.programs import TRUE, UNKNOWN
from canpath.rules.federal.work_permits.derived import Credential
from canpath.rules.federal.work_permits.pgwp import FIELD, field_status
from tests.work_permits.support import criterion, person, result


def graduate(
    level: str = "masters",
    completed: str = "2024-09-01",
    years: float = 1.0,
    clb: int = 9,
    **extra: Any,
) -> Any:
    study = {
        "level": level,
        "country": "CA",
        "province": "ON",
        "completed": completed,
        "length_years": years,
        "pgwp_eligible_program": True,
    }
    tests = [{"test": "clb", "listening": clb, "reading": clb, "writing": clb, "speaking": clb}]
    return person(
        citizenships=["IN"],
        education=[study],
        languages=tests,
        job_offer=None,
        in_canada={"status": "student", "permit": "study"},
        **extra,
    )


def test_a_recent_graduate_qualifies_and_the_permit_follows_the_program() -> None:
    found = result(
        graduate(level="two_year", completed="2024-09-01", years=2.0), "2024-10-01", "pgwp"
    )
    assert found.eligible is True and found.facts["permit_length_months"] == 36
    one_year = result(
        graduate(level="one_year", completed="2024-09-01", years=1.0), "2024-10-01", "pgwp"
    )
    assert one_year.facts["permit_length_months"] == 12
    assert found.facts["permit"] == "pgwp" and found.facts["employer_specific"] is False


def test_short_masters_get_three_years_from_2024_02_15() -> None:
    tester = graduate(completed="2024-01-20")
    assert result(tester, "2024-02-14", "pgwp").facts["permit_length_months"] == 12
    assert result(tester, "2024-02-15", "pgwp").facts["permit_length_months"] == 36


def test_apply_within_180_days_of_completion() -> None:
    tester = graduate(completed="2024-01-01")
    assert criterion(result(tester, "2024-06-29", "pgwp"), "apply_within").met is True
    assert criterion(result(tester, "2024-06-30", "pgwp"), "apply_within").met is False


def test_once_in_a_lifetime() -> None:
    holder = person(
        citizenships=["MX"],
        in_canada={"status": "worker", "permit": "pgwp", "permit_expiry": "2027-05-31"},
    )
    assert criterion(result(holder, "2026-11-25", "pgwp"), "once_per_lifetime").met is False


def test_language_minimums_from_2024_11_01() -> None:
    tester = graduate(level="bachelors", completed="2024-10-15", years=4.0, clb=6)
    assert criterion(result(tester, "2024-10-31", "pgwp"), "language").met is True
    assert (
        criterion(result(tester, "2024-11-01", "pgwp"), "language").met is None
    )  # university 7, other degree 5


def test_non_university_degrees_need_clb_7_from_2025_03_11() -> None:
    tester = graduate(level="bachelors", completed="2025-03-01", years=4.0, clb=6)
    assert criterion(result(tester, "2025-03-10", "pgwp"), "language").met is None
    assert criterion(result(tester, "2025-03-11", "pgwp"), "language").met is False
    college = graduate(level="two_year", completed="2025-03-01", years=2.0, clb=5)
    assert criterion(result(college, "2025-03-11", "pgwp"), "language").met is True


def test_field_of_study_list_applies_to_non_degree_programs_started_from_2024_11_01() -> None:
    diploma = Credential("two_year", "Web development", "CA", date(2026, 11, 1), 2.0, True)
    degree = Credential("bachelors", "Computer science", "CA", date(2028, 11, 1), 4.0, True)
    assert field_status(diploma, RULES.at(date(2024, 10, 31)).value(FIELD)) == TRUE
    assert field_status(diploma, RULES.at(date(2024, 11, 1)).value(FIELD)) == UNKNOWN
    assert field_status(degree, RULES.at(date(2024, 11, 1)).value(FIELD)) == TRUE


def test_no_port_of_entry_applications_from_2024_06_21() -> None:
    tester = graduate(completed="2024-06-01")
    assert result(tester, "2024-06-20", "pgwp").facts["port_of_entry"] is True
    assert result(tester, "2024-06-21", "pgwp").facts["port_of_entry"] is False


def test_the_dli_status_must_be_stated() -> None:
    study = [{"level": "masters", "country": "CA", "completed": "2024-09-01", "length_years": 1}]
    found = result(person(education=study, job_offer=None), "2024-10-01", "pgwp")
    assert criterion(found, "designated_institution").met is None


# IEC partner countries (research table 4.2): citizenship, Working Holiday age range and maximum length.
IEC_ROWS = [
    ("AD", 30, 12), ("AU", 35, 24), ("AT", 30, 12), ("BE", 30, 12), ("CL", 35, 12), ("CR", 35, 12),
    ("HR", 35, 12), ("CZ", 35, 12), ("DK", 35, 12), ("EE", 35, 12), ("FI", 35, 12), ("FR", 35, 24),
    ("DE", 35, 12), ("GR", 35, 12), ("HK", 30, 12), ("IS", 30, 12), ("IE", 35, 24), ("IT", 35, 12),
    ("JP", 30, 12), ("LV", 35, 12), ("LT", 35, 12), ("LU", 35, 12), ("NL", 30, 12), ("NZ", 35, 23),
    ("NO", 35, 12), ("PL", 35, 12), ("PT", 35, 24), ("SM", 35, 12), ("SK", 35, 12), ("SI", 35, 12),
    ("KR", 35, 24), ("ES", 35, 12), ("SE", 30, 12), ("TW", 35, 12), ("GB", 35, 24),
]  # fmt: skip


def youth(country: str, born: str = "1996-06-01", **extra: Any) -> Any:
    return person(citizenships=[country], country_of_residence=country, birth_date=born, **extra)


@pytest.mark.parametrize(("country", "max_age", "months"), IEC_ROWS)
def test_every_working_holiday_country_age_and_length(
    country: str, max_age: int, months: int
) -> None:
    # Born 1996-06-01: 29 on 2025-12-24, so eligible in every country (18-30 or 18-35).
    found = result(youth(country), "2025-12-24", "iec.working_holiday")
    assert found.eligible is True and found.facts["permit_length_months"] == months
    older = youth(country, born=f"{2025 - max_age - 1}-06-01")
    assert criterion(result(older, "2025-12-24", "iec.working_holiday"), "age").met is False


def test_switzerland_has_no_working_holiday_but_young_professionals() -> None:
    assert (
        criterion(result(youth("CH"), "2025-12-24", "iec.working_holiday"), "citizenship").met
        is False
    )
    assert (
        result(youth("CH"), "2025-12-24", "iec.young_professionals").facts["permit_length_months"]
        == 18
    )


def test_the_iec_table_is_known_from_the_pdi_dated_2025_12_24() -> None:
    assert result(youth("FR"), "2025-12-23", "iec.working_holiday").eligible is None
    assert result(youth("FR"), "2025-12-24", "iec.working_holiday").eligible is True
    requirements = "federal.imp.iec.requirements"
    assert RULES.at(date(2025, 12, 23))[requirements].status == "unconfirmed"
    assert RULES.at(date(2025, 12, 24))[requirements].status == "confirmed"


def test_iec_needs_2500_dollars_and_coop_needs_a_student() -> None:
    poor = youth("FR", funds_cad=2000)
    assert criterion(result(poor, "2026-01-10", "iec.working_holiday"), "funds").met is False
    assert (
        criterion(result(youth("FR"), "2026-01-10", "iec.international_coop"), "student").met
        is False
    )
    assert result(youth("FR"), "2026-01-10", "iec.working_holiday").facts["processing_weeks"] == 8


def worker(noc: str, expiry: str, permit: str = "lmia", **extra: Any) -> Any:
    spouse = {"accompanying": True, "canadian_citizen_or_pr": False}
    return person(
        citizenships=["IN"], marital_status="married", spouse=spouse, job_offer=None,
        work=[{"noc": noc, "country": "CA", "start": "2023-01-01", "hours_per_week": 40}],
        in_canada={"status": "worker", "permit": permit, "permit_expiry": expiry}, **extra,
    )  # fmt: skip


def test_spouses_need_16_months_of_validity_from_2025_01_21() -> None:
    tester = worker("21231", "2025-11-30")
    assert (
        result(tester, "2025-01-20", "spousal_open_work_permit").eligible is True
    )  # 6 months needed
    assert result(tester, "2025-01-21", "spousal_open_work_permit").eligible is False


def test_select_teer_2_and_3_occupations_from_2025_01_21() -> None:
    technician = worker("22220", "2028-01-01")
    found = result(technician, "2025-01-21", "spousal_open_work_permit")
    assert found.eligible is True and criterion(found, "principal").unconfirmed is True
    designer = worker("52120", "2028-01-01")
    assert result(designer, "2025-01-20", "spousal_open_work_permit").eligible is True
    assert result(designer, "2025-01-21", "spousal_open_work_permit").eligible is None


def test_teer_4_and_5_families_from_2023_01_30() -> None:
    cashier = worker("65100", "2028-01-01")
    assert (
        criterion(result(cashier, "2023-01-29", "spousal_open_work_permit"), "principal").met
        is False
    )
    assert (
        criterion(result(cashier, "2023-01-30", "spousal_open_work_permit"), "principal").met
        is None
    )


def test_cusma_workers_spouses_keep_the_earlier_rules() -> None:
    tester = worker("22222", "2025-10-01", permit="cusma")
    assert result(tester, "2025-02-01", "spousal_open_work_permit").eligible is True


def student(level: str, years: float) -> Any:
    spouse = {"accompanying": True, "canadian_citizen_or_pr": False}
    study = [{"level": level, "country": "CA", "completed": None, "length_years": years}]
    return person(
        citizenships=["IN"],
        marital_status="married",
        spouse=spouse,
        education=study,
        job_offer=None,
        in_canada={"status": "student", "permit": "study"},
    )


def test_students_spouses_by_program_and_date() -> None:
    masters = student("masters", 1.0)
    assert result(masters, "2024-03-18", "spousal_open_work_permit").eligible is None
    assert result(masters, "2024-03-19", "spousal_open_work_permit").eligible is True
    assert result(masters, "2025-01-20", "spousal_open_work_permit").eligible is True
    assert (
        result(masters, "2025-01-21", "spousal_open_work_permit").eligible is False
    )  # less than 16 months
    bachelors = student("bachelors", 4.0)
    assert result(bachelors, "2024-04-29", "spousal_open_work_permit").eligible is False
    assert result(bachelors, "2024-04-30", "spousal_open_work_permit").eligible is None  # pilots


def test_the_spousal_permit_is_the_family_members() -> None:
    facts = result(worker("21231", "2029-01-01"), "2026-11-25", "spousal_open_work_permit").facts
    assert facts["leads_to"] == "family_work_permit" and facts["permit"] == "spousal_open"
    assert facts["children_eligible"] is False
