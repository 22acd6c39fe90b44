"""Which credentials count and the education level they give (research express-entry.md §1.2, §1.5)."""

from __future__ import annotations

from datetime import date

from canpath.params import RULES
from canpath.profile import Education
from canpath.rules.federal.express_entry.education import count_education

ON = date(2026, 6, 1)


def credentials(*entries: dict[str, object]) -> list[Education]:
    base = {"country": "CA", "completed": "2020-05-01", "length_years": 4}
    return [Education.model_validate({**base, **e}) for e in entries]


def test_two_credentials_one_of_three_years_make_two_or_more() -> None:
    found = count_education(
        credentials({"level": "bachelors"}, {"level": "one_year", "length_years": 1}),
        ON,
        RULES.at(ON),
    )
    assert found.level == "two_or_more"


def test_two_short_credentials_do_not_make_two_or_more() -> None:
    found = count_education(
        credentials(
            {"level": "one_year", "length_years": 1}, {"level": "two_year", "length_years": 2}
        ),
        ON,
        RULES.at(ON),
    )
    assert found.level == "two_year"


def test_a_masters_outranks_two_or_more() -> None:
    found = count_education(
        credentials({"level": "bachelors"}, {"level": "masters", "length_years": 2}),
        ON,
        RULES.at(ON),
    )
    assert found.level == "masters"


def test_a_foreign_credential_needs_an_eca() -> None:
    found = count_education(credentials({"level": "doctoral", "country": "FR"}), ON, RULES.at(ON))
    assert found.level == "less_than_secondary"
    assert found.not_counted == ((0, "foreign credential without an ECA"),)


def test_an_eca_expires_after_five_years() -> None:
    entry = {"level": "masters", "country": "IN", "eca": True, "eca_date": "2021-06-01"}
    assert (
        count_education(credentials(entry), date(2026, 5, 31), RULES.at(date(2026, 5, 31))).level
        == "masters"
    )
    assert (
        count_education(credentials(entry), date(2026, 6, 1), RULES.at(date(2026, 6, 1))).level
        == "less_than_secondary"
    )


def test_a_credential_completed_after_the_date_does_not_count_yet() -> None:
    found = count_education(
        credentials({"level": "masters", "completed": "2026-08-01"}), ON, RULES.at(ON)
    )
    assert found.level == "less_than_secondary"


def test_canadian_credentials_band_for_additional_points() -> None:
    short = count_education(credentials({"level": "two_year", "length_years": 2}), ON, RULES.at(ON))
    long = count_education(credentials({"level": "masters", "length_years": 1}), ON, RULES.at(ON))
    foreign = count_education(
        credentials({"level": "masters", "country": "IN", "eca": True}), ON, RULES.at(ON)
    )
    assert (short.canadian_credential, long.canadian_credential, foreign.canadian_credential) == (
        "one_or_two_years",
        "three_years_or_more",
        "none",
    )
