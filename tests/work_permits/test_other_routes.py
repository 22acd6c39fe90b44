"""Short-term work without a permit, the closed 2023 H-1B permit, fees, service standards and
reference wages. Values from research/work-permits.md sections 2, 4.5, 6 and 7, and rows of the
Job Bank 2025 file shipped in reference/data.
"""

from __future__ import annotations

from datetime import date

from canpath.params import RULES
from canpath.reference import wages
from tests.work_permits.support import criterion, offer, person, result


def test_short_term_work_is_for_teer_0_and_1_on_entry() -> None:
    found = result(person(), "2026-11-25", "gss.short_duration_exemption")
    assert criterion(found, "occupation").met is True and criterion(found, "on_entry").met is True
    assert criterion(found, "frequency").met is None  # canpath cannot know the last use
    technician = person(job_offer=offer("22220"))
    assert (
        criterion(
            result(technician, "2026-11-25", "gss.short_duration_exemption"), "occupation"
        ).met
        is False
    )
    inside = person(in_canada={"status": "visitor"})
    assert (
        criterion(result(inside, "2026-11-25", "gss.short_duration_exemption"), "on_entry").met
        is False
    )
    facts = found.facts
    assert facts["max_days"] == [15, 30] and facts["leads_to"] == "work_permit_exemption"


def test_short_term_work_dates() -> None:
    assert result(person(), "2017-06-11", "gss.short_duration_exemption").status == "not_yet_open"
    short_term = "federal.imp.global_skills_strategy.short_term_work"
    # Before 2022-11-16 the rule named NOC 2016 skill type 0 or level A; canpath notes its approximation.
    assert RULES.at(date(2022, 11, 15))[short_term].note is not None
    assert RULES.at(date(2022, 11, 16))[short_term].note is None


def h1b_holder() -> object:
    return person(citizenships=["IN"], country_of_residence="US", us_status="h1b", job_offer=None)


def test_the_h1b_permit_was_open_on_2023_07_16_and_17_only() -> None:
    tester = h1b_holder()
    assert result(tester, "2023-07-15", "h1b_open_work_permit_2023").status == "not_yet_open"  # type: ignore[arg-type]
    assert result(tester, "2023-07-16", "h1b_open_work_permit_2023").eligible is True  # type: ignore[arg-type]
    last = result(tester, "2023-07-17", "h1b_open_work_permit_2023")  # type: ignore[arg-type]
    assert last.eligible is True and last.facts["permit_length_months"] == 36
    closed = result(tester, "2023-07-18", "h1b_open_work_permit_2023")  # type: ignore[arg-type]
    assert closed.status == "closed" and closed.eligible is False
    assert (
        "2023-07-17" in closed.criteria[0].reason.render()
        and "10,000" in closed.criteria[0].reason.render()
    )
    assert closed.facts["closes_on"] == "2023-07-17"


def test_a_non_h1b_holder_did_not_qualify() -> None:
    found = result(person(job_offer=None), "2023-07-16", "h1b_open_work_permit_2023")
    assert found.eligible is None  # status in the US not given
    other = person(us_status="other", job_offer=None)
    assert result(other, "2023-07-16", "h1b_open_work_permit_2023").eligible is False


def test_the_budget_2025_pathway_is_a_warning_from_2025_11_04() -> None:
    before = result(h1b_holder(), "2025-11-03", "h1b_open_work_permit_2023").warnings  # type: ignore[arg-type]
    after = result(h1b_holder(), "2025-11-04", "h1b_open_work_permit_2023").warnings  # type: ignore[arg-type]
    assert not before and any("budget_2025_h1b_pathway" in w.code for w in after)


def test_irpr_fees() -> None:
    fees = RULES.at(date(2026, 11, 25)).value("federal.imp.fees")
    assert (
        fees["work_permit"],
        fees["open_work_permit_holder"],
        fees["employer_compliance"],
        fees["biometrics"],
    ) == (155, 100, 230, 85)
    assert (
        RULES.at(date(2017, 6, 12)).value("federal.tfwp.global_talent_stream.fees")[
            "lmia_per_position"
        ]
        == 1000
    )


def test_fees_are_confirmed_as_of_the_irpr_version_of_2026_03_17() -> None:
    assert RULES.at(date(2026, 3, 16))["federal.imp.fees"].status == "unconfirmed"
    assert RULES.at(date(2026, 3, 17))["federal.imp.fees"].status == "confirmed"


def test_service_standards() -> None:
    standards = "federal.imp.processing_standards"
    value = RULES.at(date(2024, 4, 5)).value(standards)
    assert (
        value["work_permit_outside_canada"]["days"] == 60
        and value["work_permit_extension_in_canada"]["days"] == 120
    )
    assert value["iec"]["days"] == 56
    assert RULES.at(date(2024, 4, 4))[standards].status == "unconfirmed"
    assert RULES.at(date(2024, 4, 5))[standards].status == "confirmed"
    gts = RULES.at(date(2024, 4, 5)).value("federal.tfwp.global_talent_stream.processing")
    assert gts["lmia"]["business_days"] == 10 and gts["lmia"]["share_met"] == 0.80


def test_prevailing_wage_release_from_2025_11_19() -> None:
    rule = "federal.tfwp.prevailing_wage"
    assert RULES.at(date(2025, 11, 18)).value(rule)["job_bank_release"] is None
    assert RULES.at(date(2025, 11, 19)).value(rule)["job_bank_release"] == "2025"


def test_job_bank_medians_and_the_fallback() -> None:
    toronto = wages.median_for("21231", "ON", "Toronto", "2025")
    assert (
        toronto is not None
        and toronto.median_hourly_cad == 56.49
        and toronto.reference_period == "2023-2024"
    )
    # NOC 20012 in South Coast--Burin Peninsula (NL) is N/A: the Newfoundland and Labrador figure applies.
    burin = wages.median_for("20012", "NL", "South Coast--Burin Peninsula", "2025")
    assert (
        burin is not None
        and burin.geography == "Newfoundland and Labrador"
        and burin.median_hourly_cad == 54.5
    )
    # NOC 22222 in Prince Edward Island has no figure: the national one applies.
    island = wages.median_for("22222", "PE", None, "2025")
    assert island is not None and island.level == "national" and island.median_hourly_cad == 35.0
    medians = [row.median_hourly_cad for row in wages.possible_medians("21231", "ON", "2025")]
    assert min(medians) == 48.08 and max(medians) == 57.69  # type: ignore[type-var]


def test_region_names_match_without_accents_case_or_dashes() -> None:
    assert wages.find_region("QC", "montreal") == "Montréal"
    assert wages.find_region("ON", "Kitchener-Waterloo-Barrie") == "Kitchener--Waterloo--Barrie"
    assert wages.find_region("ON", "Calgary") is None
    assert not wages.has_occupation("21390", "2025")


def test_gts_precedent_counts_noc_2021_quarters() -> None:
    found = wages.gts_precedent_2024("21231", "ON")
    assert found.positions >= found.lmias >= found.employers > 0
    assert wages.gts_precedent_2024("21231", "NU").positions == 0
