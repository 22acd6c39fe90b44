"""CUSMA professionals and intra-company transferees, and the general ICT route, for a worker.

Rules from research/work-permits.md sections 3.1 to 3.4 and 4.1 (IRCC PDIs dated 2024-10 to 2025-01).
"""

from __future__ import annotations

from tests.work_permits.support import criterion, offer, person, result

ON = "2026-11-25"


def test_a_us_citizen_with_a_cs_degree_and_a_software_engineer_offer_qualifies() -> None:
    found = result(person(), ON, "cusma.professional")
    assert found.eligible is True
    professions = {item["id"] for item in found.facts["candidate_professions"]}
    assert {"computer_systems_analyst", "engineer"} <= professions
    # Software engineer is an alternative title: flagged for the officer's judgement.
    assert criterion(found, "profession").unconfirmed is True


def test_a_us_permanent_resident_who_is_not_a_citizen_does_not_qualify() -> None:
    resident = person(
        citizenships=["IN"], country_of_residence="US", us_status="permanent_resident"
    )
    found = result(resident, ON, "cusma.professional")
    citizenship = criterion(found, "citizenship")
    assert found.eligible is False and citizenship.met is False
    assert "not their permanent residents" in citizenship.reason.render()


def test_a_mexican_citizen_qualifies_too() -> None:
    assert (
        result(
            person(citizenships=["MX"], country_of_residence="MX"), ON, "cusma.professional"
        ).eligible
        is True
    )


def test_a_civil_engineer_matches_engineer_by_noc_without_a_flag() -> None:
    found = result(
        person(job_offer=offer("21300", title="Structural engineer")), ON, "cusma.professional"
    )
    assert found.eligible is True and criterion(found, "profession").unconfirmed is False
    assert found.facts["candidate_professions"][0]["match"] == "noc"


def test_an_offer_in_no_profession_fails() -> None:
    found = result(
        person(job_offer=offer("64100", title="Retail salesperson")), ON, "cusma.professional"
    )
    assert criterion(found, "profession").met is False and found.eligible is False


def test_professionals_need_a_teer_0_to_3_offer() -> None:
    found = result(
        person(job_offer=offer("64100", title="Retail salesperson")), ON, "cusma.professional"
    )
    assert criterion(found, "teer").met is False


def test_a_diploma_holder_needs_three_years_for_computer_systems_analyst() -> None:
    diploma = [{"level": "two_year", "country": "CA", "completed": "2020-05-01", "length_years": 2}]
    work = [
        {"noc": "21222", "country": "MX", "start": "2024-06-01", "end": None, "hours_per_week": 40}
    ]
    junior = person(
        citizenships=["MX"],
        education=diploma,
        work=work,
        job_offer=offer("21222", title="Systems analyst"),
    )
    assert criterion(result(junior, ON, "cusma.professional"), "credential").met is False
    work[0]["start"] = "2020-06-01"
    senior = person(
        citizenships=["MX"],
        education=diploma,
        work=work,
        job_offer=offer("21222", title="Systems analyst"),
    )
    assert criterion(result(senior, ON, "cusma.professional"), "credential").met is True


def test_no_offer_means_no_pre_arranged_employment() -> None:
    found = result(person(job_offer=None), ON, "cusma.professional")
    assert criterion(found, "prearranged_employment").met is False


def test_cusma_starts_on_2020_07_01() -> None:
    assert result(person(), "2020-06-30", "cusma.professional").status == "not_yet_open"
    assert result(person(), "2020-07-01", "cusma.professional").eligible is True


def test_exemption_codes_change_on_2022_12_15() -> None:
    assert result(person(), "2022-12-14", "cusma.professional").facts["exemption_code"] == "T23"
    assert result(person(), "2022-12-15", "cusma.professional").facts["exemption_code"] == "T36"


def test_professional_permit_facts() -> None:
    facts = result(person(), ON, "cusma.professional").facts
    assert facts["permit"] == "cusma" and facts["permit_length_months"] == 36
    assert facts["renewable"] is True and facts["extension_months"] == 36
    assert facts["employer_specific"] is True and facts["processing_weeks"] == 2  # GSS, TEER 1
    assert "port_of_entry" in facts["apply_at"]["US"]


def test_mexican_port_of_entry_rules_from_2024_02_29() -> None:
    before = result(person(), "2024-02-28", "cusma.professional").facts["apply_at"]["MX"]
    after = result(person(), "2024-02-29", "cusma.professional").facts["apply_at"]["MX"]
    assert "port_of_entry" in before and "port_of_entry" not in after
    assert "port_of_entry_if_eta_eligible_by_air" in after


def test_the_flagpoling_exemption_from_2024_12_23() -> None:
    from datetime import date

    from canpath.params import RULES

    application = "federal.imp.cusma.application"
    assert RULES.at(date(2024, 12, 22)).value(application)["flagpoling_allowed_for"] is None
    assert (
        "fta_professionals"
        in RULES.at(date(2024, 12, 23)).value(application)["flagpoling_allowed_for"]
    )


def _transferee(**changes: object) -> object:
    data = {
        "noc": "21231",
        "intra_company_transfer": True,
        "ict_capacity": "specialized_knowledge",
        **changes,
    }
    return person(job_offer=offer(**data))  # type: ignore[arg-type]


def test_cusma_transferee_with_a_year_abroad() -> None:
    found = result(_transferee(), ON, "cusma.intra_company_transferee")  # type: ignore[arg-type]
    assert found.eligible is True
    assert found.facts["exemption_code"] == "T38" and found.facts["cap_months"] == 60
    manager = result(
        _transferee(ict_capacity="manager", noc="20012"), ON, "cusma.intra_company_transferee"
    )  # type: ignore[arg-type]
    assert (
        manager.eligible is True
        and manager.facts["exemption_code"] == "T37"
        and manager.facts["cap_months"] == 84
    )


def test_a_manager_capacity_needs_teer_0_or_1() -> None:
    found = result(
        _transferee(ict_capacity="manager", noc="22220"), ON, "cusma.intra_company_transferee"
    )  # type: ignore[arg-type]
    assert criterion(found, "capacity").met is False


def test_prior_employment_must_be_a_continuous_year_in_three() -> None:
    short = person(
        work=[{"noc": "21231", "country": "US", "start": "2026-06-01", "hours_per_week": 40}],
        job_offer=offer("21231", intra_company_transfer=True, ict_capacity="specialized_knowledge"),
    )
    assert criterion(result(short, ON, "ict.general"), "prior_employment").met is False
    part_time = person(
        work=[{"noc": "21231", "country": "US", "start": "2020-06-01", "hours_per_week": 20}],
        job_offer=offer("21231", intra_company_transfer=True, ict_capacity="specialized_knowledge"),
    )
    assert criterion(result(part_time, ON, "ict.general"), "prior_employment").met is False


def test_general_transferees_of_any_nationality_and_their_codes() -> None:
    indian = person(
        citizenships=["IN"],
        job_offer=offer("21231", intra_company_transfer=True, ict_capacity="specialized_knowledge"),
    )
    assert result(indian, ON, "ict.general").eligible is True
    assert result(indian, "2022-12-14", "ict.general").facts["exemption_code"] == "C12"
    assert result(indian, "2022-12-15", "ict.general").facts["exemption_code"] == "C63"
    startup = person(
        citizenships=["IN"],
        job_offer=offer("20012", intra_company_transfer=True, ict_capacity="startup"),
    )
    found = result(startup, ON, "ict.general")
    assert found.facts["exemption_code"] == "C61" and found.facts["permit_length_months"] == 12


def test_specialized_knowledge_must_be_paid_the_prevailing_wage() -> None:
    # Job Bank 2025: NOC 21231 in Toronto, median 56.49 $/h.
    low = person(
        citizenships=["IN"],
        job_offer=offer(
            "21231",
            hourly_wage_cad=50.0,
            annual_salary_cad=None,
            intra_company_transfer=True,
            ict_capacity="specialized_knowledge",
        ),
    )
    assert criterion(result(low, ON, "ict.general"), "specialized_knowledge_wage").met is False
    manager = person(
        citizenships=["IN"],
        job_offer=offer(
            "20012",
            hourly_wage_cad=50.0,
            annual_salary_cad=None,
            intra_company_transfer=True,
            ict_capacity="manager",
        ),
    )
    assert criterion(result(manager, ON, "ict.general"), "specialized_knowledge_wage").met is True


def test_an_unstated_transfer_is_unknown() -> None:
    found = result(person(), ON, "ict.general")
    assert found.eligible is None and criterion(found, "transfer").met is None
