"""Round names to category ids: every shipped name, spelling variants, unknown names."""

from __future__ import annotations

import json

import pytest

from canpath.draws.classify import (
    CATEGORY_IDS,
    NAME_TO_CATEGORY,
    OTHER,
    classify,
    normalise_name,
    unknown_names,
)
from canpath.draws.store import SNAPSHOT_FILENAME, packaged_feed_path


def _shipped_names() -> set[str]:
    names: set[str] = set()
    for path in (packaged_feed_path(), packaged_feed_path().with_name(SNAPSHOT_FILENAME)):
        names |= {entry["drawName"] for entry in json.loads(path.read_text())["rounds"]}
    return names


def test_every_shipped_name_is_recognised() -> None:
    unknown = unknown_names(_shipped_names())
    assert unknown == [], f"round names without a category: {unknown}"


# Every distinct drawName in both shipped feeds, with the category a reader would give it.
SHIPPED = {
    "No Program Specified": "general",
    "General": "general",
    "Canadian Experience Class": "cec",
    "Federal Skilled Worker": "fsw",
    "Federal Skilled Trades": "fst",
    "Provincial Nominee Program": "pnp",
    "STEM occupations (Version 1)": "stem",
    "STEM occupations (2023-1)": "stem",
    "French language proficiency (Version 1)": "french",
    "French language proficiency (2023-1)": "french",
    "French language proficiency (2024-1)": "french",
    "French-Language proficiency 2026-Version 2": "french",
    "Healthcare occupations (Version 1)": "healthcare",
    "Healthcare occupations (2023-1)": "healthcare",
    "Healthcare and social services occupations (Version 2)": "healthcare",
    "Healthcare and Social Services Occupations, 2026-Version 3": "healthcare",
    "Trade occupations (Version 1)": "trades",
    "Trade occupations (Version 2)": "trades",
    "Trade occupations (2023-1)": "trades",
    "Trades Occupations, 2026-Version 3": "trades",
    "Transport occupations (Version 1)": "transport",
    "Transport occupations (2023-1)": "transport",
    "Transport occupations (2024-1)": "transport",
    "Transport Occupations, 2026-Version 2": "transport",
    "Agriculture and agri-food occupations (Version 1)": "agriculture",
    "Agriculture and agri-food occupations (2023-1)": "agriculture",
    "Education occupations (Version 1)": "education",
    "Physicians with Canadian Work Experience, 2026-Version 1": "physicians",
    "Senior managers with Canadian Work Experience, 2026-Version 1": "senior_managers",
    "Skilled Military Recruits, 2026-Version 1": "military",
}


def test_the_table_above_covers_every_shipped_name() -> None:
    assert set(SHIPPED) == _shipped_names()


@pytest.mark.parametrize(("name", "category"), sorted(SHIPPED.items()))
def test_shipped_name(name: str, category: str) -> None:
    assert classify(name) == category


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("  Canadian Experience Class ", "cec"),
        ("CANADIAN EXPERIENCE CLASS", "cec"),
        ("Federal Skilled Worker Program", "fsw"),
        ("Healthcare and Social Services Occupations (2027-1)", "healthcare"),
        ("STEM occupations, 2026-Version 4", "stem"),
        ("Researchers with Canadian Work Experience, 2026-Version 1", "researchers"),
        ("French-language proficiency (Version 12)", "french"),
    ],
)
def test_plausible_future_spellings(name: str, category: str) -> None:
    assert classify(name) == category


@pytest.mark.parametrize("name", ["Aviation occupations (Version 1)", "", "Version 1", "CEC"])
def test_unknown_names_are_other(name: str) -> None:
    assert classify(name) == OTHER
    assert unknown_names([name, "Canadian Experience Class"]) == [name]


def test_normalised_names() -> None:
    assert (
        normalise_name("French-Language proficiency 2026-Version 2")
        == "french language proficiency"
    )
    assert normalise_name("Agriculture and agri-food occupations (2023-1)") == (
        "agriculture and agri food occupations"
    )


def test_mapping_targets_are_known_ids() -> None:
    assert set(NAME_TO_CATEGORY.values()) <= set(CATEGORY_IDS) - {OTHER}
    assert set(CATEGORY_IDS) - set(NAME_TO_CATEGORY.values()) == {OTHER}
