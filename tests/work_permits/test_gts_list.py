"""The Global Talent Occupations List (GTS Category B), checked against the research table.

Expected values are copied from the ESDC table reproduced in research/work-permits.md, section
1.3 (list effective 2022-12-22, page dated 2025-11-20) and the revision timeline of section 1.1.
"""

from __future__ import annotations

from datetime import date

import pytest

from canpath.params import RULES
from canpath.programs import FALSE, TRUE, UNKNOWN
from canpath.rules.federal.work_permits.gts import FLOORS, category_b_floor
from canpath.rules.federal.work_permits.gts_occupations import LIST, match_list, nearest_listed

# (title, NOC 2021 codes, hourly floor or None for "prevailing wage", subset) per ESDC row.
OFFICIAL_2022 = [
    ("Computer and information systems managers", {"20012"}, None, False),
    ("Civil engineers", {"21300"}, None, False),
    ("Electrical and electronics engineers", {"21310"}, None, False),
    ("Mining engineers", {"21330"}, None, False),
    ("Aerospace engineers", {"21390"}, None, False),
    ("Computer engineers (except software engineers and designers)", {"21311"}, None, False),
    ("Mathematicians and statisticians", {"21210"}, None, True),
    (
        "Information systems analysts and consultants",
        {"21211", "21220", "21221", "21222", "21233"},
        None,
        False,
    ),
    ("Database analysts and data administrators", {"21211", "21223"}, None, False),
    ("Software engineers and designers", {"21231", "21211"}, None, False),
    (
        "Computer programmers and interactive media developers",
        {"21230", "21232", "21234"},
        None,
        False,
    ),
    ("Web designers and developers", {"21233", "21234"}, None, False),
    (
        "Electrical and electronics engineering technologists and technicians",
        {"22310"},
        41.35,
        False,
    ),
    ("Computer network and web technicians", {"22220"}, 40.87, False),
    ("Information systems testing technicians", {"22222"}, 41.03, False),
    (
        "Producer, technical, creative and artistic director and project manager - Visual effects and video game",
        {"51120"},
        40.87,
        True,
    ),
    ("Digital media designers", {"52120"}, 38.46, True),
]
ON = date(2026, 11, 25)


def _value(day: date) -> dict:  # type: ignore[type-arg]
    return RULES.at(day).value(LIST)  # type: ignore[no-any-return]


def test_the_2022_list_has_the_17_official_rows_and_their_codes() -> None:
    rows = _value(ON)["occupations"]
    assert len(rows) == 17
    assert [(row["title"], set(row["noc"]), row["subset"]) for row in rows] == [
        (title, codes, subset) for title, codes, _, subset in OFFICIAL_2022
    ]


@pytest.mark.parametrize(
    ("title", "codes", "floor", "subset"), OFFICIAL_2022, ids=[r[0][:40] for r in OFFICIAL_2022]
)
def test_every_listed_code_is_on_the_list_with_its_floor(
    title: str, codes: set[str], floor: float | None, subset: bool
) -> None:
    floors = RULES.at(ON).value(FLOORS)
    for code in codes:
        found = match_list(code, "", 1, _value(ON))
        assert found.listed == TRUE
        assert title in [row["title"] for row in found.rows]
        expected = 0.0 if floor is None else floor
        if len(found.rows) == 1:
            assert category_b_floor(found, "ON", floors) == expected


def test_annual_floors_are_illustrative_figures_from_esdc() -> None:
    floors = RULES.at(ON).value(FLOORS)["floors"]
    annual = {
        key: value["annual_illustrative"]
        for key, value in floors.items()
        if isinstance(value, dict)
    }
    assert sorted(annual.values()) == [80_000, 85_000, 85_000, 85_000, 86_000]


def test_quebec_floors_are_set_by_the_mifi_and_not_known() -> None:
    found = match_list("22222", "", -1, _value(ON))
    assert category_b_floor(found, "QC", RULES.at(ON).value(FLOORS)) is None


def test_subset_occupations_need_their_condition() -> None:
    assert match_list("52120", "UX designer", -1, _value(ON)).listed == UNKNOWN
    assert match_list("52120", "UX designer", 1, _value(ON)).listed == TRUE
    assert match_list("52120", "UX designer", 0, _value(ON)).listed == FALSE
    assert match_list("21210", "Senior actuary", -1, _value(ON)).listed == FALSE


def test_an_unlisted_occupation_gets_the_nearest_listed_ones() -> None:
    assert match_list("21399", "", -1, _value(ON)).listed == FALSE
    near = nearest_listed("21399", _value(ON))
    assert near[0] == "21390"  # same minor group 2139: Aerospace engineers
    listed = {code for _, codes, _, _ in OFFICIAL_2022 for code in codes}
    assert set(near) <= listed and all(code.startswith("21") for code in near)


# Revisions: (day before, day of, NOC 2021 code, listed before, listed on the day).
REVISIONS = [
    (date(2018, 6, 11), date(2018, 6, 12), "22310", TRUE, FALSE),  # 2241 removed
    (date(2018, 6, 11), date(2018, 6, 12), "20010", FALSE, TRUE),  # 0211 engineering managers added
    (
        date(2018, 6, 11),
        date(2018, 6, 12),
        "20011",
        FALSE,
        TRUE,
    ),  # 0212 architecture and science managers added
    (date(2019, 7, 4), date(2019, 7, 5), "20010", TRUE, FALSE),  # 0211 removed
    (
        date(2019, 7, 4),
        date(2019, 7, 5),
        "22220",
        FALSE,
        TRUE,
    ),  # 2281 computer network technicians added
    (date(2022, 12, 21), date(2022, 12, 22), "21300", FALSE, TRUE),  # civil engineers added
    (date(2022, 12, 21), date(2022, 12, 22), "21310", FALSE, TRUE),
    (date(2022, 12, 21), date(2022, 12, 22), "21330", FALSE, TRUE),
    (date(2022, 12, 21), date(2022, 12, 22), "21390", FALSE, TRUE),
    (date(2022, 12, 21), date(2022, 12, 22), "22310", FALSE, TRUE),  # re-added
]


@pytest.mark.parametrize(("before", "day", "code", "was", "now"), REVISIONS)
def test_list_revision_day_before_and_day_of(
    before: date, day: date, code: str, was: int, now: int
) -> None:
    assert match_list(code, "", -1, _value(before)).listed == was
    assert match_list(code, "", -1, _value(day)).listed == now


def test_the_2018_revision_adds_the_mathematicians_subset() -> None:
    assert match_list("21210", "Statistician", 1, _value(date(2018, 6, 11))).listed == FALSE
    assert match_list("21210", "Statistician", 1, _value(date(2018, 6, 12))).listed == TRUE


def test_noc_2016_lists_are_read_through_the_concordance() -> None:
    # 21211 data scientists come from NOC 2016 2171, 2172 and 2173, all listed since 2017.
    found = match_list("21211", "", -1, _value(date(2020, 1, 1)))
    assert found.listed == TRUE and set(found.noc2016) == {"2171", "2172", "2173"}
    assert _value(date(2022, 12, 21))["noc_version"] == "2016"
    assert _value(date(2022, 12, 22))["noc_version"] == "2021"


def test_floors_by_revision() -> None:
    """Floors before 2022-12-22 were not found (unknown); from 2022-12-22 the ESDC amounts."""
    tester = "22222"
    before, day = date(2022, 12, 21), date(2022, 12, 22)
    assert (
        category_b_floor(
            match_list(tester, "", -1, _value(before)), "ON", RULES.at(before).value(FLOORS)
        )
        is None
    )
    assert (
        category_b_floor(match_list(tester, "", -1, _value(day)), "ON", RULES.at(day).value(FLOORS))
        == 41.03
    )
    # 2018-06-12 and 2019-07-05 revisions change which rows have (unknown) floors.
    assert (
        "electrical_electronics_engineering_technologists_technicians"
        in RULES.at(date(2018, 6, 11)).value(FLOORS)["floors"]
    )
    assert (
        "electrical_electronics_engineering_technologists_technicians"
        not in RULES.at(date(2018, 6, 12)).value(FLOORS)["floors"]
    )
    assert "computer_network_technicians" not in RULES.at(date(2019, 7, 4)).value(FLOORS)["floors"]
    assert (
        RULES.at(date(2019, 7, 5)).value(FLOORS)["floors"]["computer_network_technicians"] is None
    )


def test_the_2017_list_and_2019_day_are_flagged_unconfirmed() -> None:
    assert RULES.at(date(2017, 6, 12))[LIST].status == "unconfirmed"
    assert RULES.at(date(2018, 6, 12))[LIST].status == "confirmed"
    assert RULES.at(date(2019, 7, 5))[LIST].status == "unconfirmed"
    assert RULES.at(date(2022, 12, 22))[LIST].status == "confirmed"
