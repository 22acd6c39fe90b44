"""Properties of the CRS that must hold for every profile."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canpath.api import crs, crs_batch
from canpath.profile import parse_profile
from tests.properties.strategies import ABILITIES, LEVELS, profiles

ON = "2026-06-01"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def total(data: dict[str, Any]) -> int:
    return crs(parse_profile(data), on=ON).total


@SETTINGS
@given(profiles())
def test_total_is_within_bounds_and_the_sum_of_parts(data: dict[str, Any]) -> None:
    result = crs(parse_profile(data), on=ON)
    assert 0 <= result.total <= 1200
    assert result.total == sum(result.breakdown.values())
    for part in result.parts.values():
        assert part.total <= sum(f.points for f in part.factors)


@SETTINGS
@given(profiles(), st.sampled_from(ABILITIES))
def test_a_better_english_result_never_lowers_the_score(data: dict[str, Any], ability: str) -> None:
    better = copy.deepcopy(data)
    english = [r for r in better["languages"] if r["test"] == "clb"]
    if not english:
        better["languages"].append({"test": "clb", **dict.fromkeys(ABILITIES, 0)})
        english = [better["languages"][-1]]
    english[0][ability] = min(12, english[0][ability] + 1)
    assert total(better) >= total(data)


@SETTINGS
@given(profiles())
def test_more_canadian_experience_never_lowers_the_score(data: dict[str, Any]) -> None:
    more = copy.deepcopy(data)
    more["work"].append(
        {"noc": "21231", "country": "CA", "start": "2025-01-01", "end": None, "hours_per_week": 40}
    )
    assert total(more) >= total(data)


@SETTINGS
@given(profiles())
def test_a_higher_credential_never_lowers_the_score(data: dict[str, Any]) -> None:
    if not data["education"]:
        return
    higher = copy.deepcopy(data)
    first = higher["education"][0]
    position = LEVELS.index(first["level"])
    first["level"] = LEVELS[min(position + 1, len(LEVELS) - 1)]
    first["length_years"] = max(
        first["length_years"],
        3 if first["level"] in ("bachelors", "masters", "doctoral") else first["length_years"],
    )
    assert total(higher) >= total(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(profiles(), min_size=1, max_size=12))
def test_a_batch_equals_one_at_a_time(batch: list[dict[str, Any]]) -> None:
    people = [parse_profile(data) for data in batch]
    columns = crs_batch(people, on=ON)
    assert columns.total.tolist() == [crs(person, on=ON).total for person in people]
    for part, values in columns.parts.items():
        assert values.tolist() == [crs(person, on=ON).breakdown[part] for person in people]
