"""Every provincial parameter file: schema, dates, table shapes, and the draw data beside them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from canpath.params import RULES
from canpath.programs import all_programs
from canpath.rules.provinces.draws import draw_file

TODAY = date(2026, 11, 25)
PROVINCIAL = sorted(pid for pid in RULES.ids() if pid.startswith("provinces."))


def shape(value: Any) -> Any:
    """The keys of a table, recursively (lists and scalars count as leaves)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    return "leaf"


def test_the_provincial_parameters_exist() -> None:
    assert len(PROVINCIAL) >= 20
    for prefix in ("provinces.ab.", "provinces.on.", "provinces.bc.", "provinces.sk."):
        assert any(pid.startswith(prefix) for pid in PROVINCIAL), prefix


@pytest.mark.parametrize("parameter_id", PROVINCIAL)
def test_each_parameter_resolves_on_each_of_its_dates(parameter_id: str) -> None:
    parameter = RULES.parameter(parameter_id)
    ended = parameter.ended
    for day in parameter.dates:
        if day > TODAY:
            continue
        entry = parameter.content.values[day]
        if entry.value is None:
            assert not RULES.at(day).is_in_force(parameter_id)
            continue
        in_force = RULES.at(day)[parameter_id]
        assert in_force.since == day
        assert in_force.references, parameter_id
    if ended is None:
        assert RULES.at(TODAY).is_in_force(parameter_id)


@pytest.mark.parametrize("parameter_id", PROVINCIAL)
def test_every_snapshot_of_a_table_has_the_same_shape(parameter_id: str) -> None:
    parameter = RULES.parameter(parameter_id)
    shapes = [
        shape(entry.value) for entry in parameter.content.values.values() if entry.value is not None
    ]
    assert all(item == shapes[0] for item in shapes), parameter_id


@pytest.mark.parametrize("parameter_id", PROVINCIAL)
def test_occupation_lists_are_well_formed(parameter_id: str) -> None:
    for entry in RULES.parameter(parameter_id).content.values.values():
        value = entry.value
        if not isinstance(value, dict) or "noc_version" not in value:
            continue
        width = 5 if value["noc_version"] == 2021 else 4
        codes = value["occupations"] or []
        assert len(codes) == len(set(codes)), "duplicate codes"
        assert all(len(code) == width and code.isdigit() for code in codes)
        assert set(value["partial"]) <= set(codes)
        assert set(value["unconfirmed"]) <= set(codes)


def test_draw_data_is_valid_and_names_real_streams() -> None:
    content = draw_file()
    streams = {program.id for program in all_programs()}
    assert {draw.stream for draw in content.draws} <= streams
    assert {draw.source for draw in content.draws} <= set(content.sources)
    assert len(content.draws) == 28


def test_alberta_draws_are_the_research_table() -> None:
    rows = [
        (d.date.isoformat(), d.stream, d.min_score, d.invitations)
        for d in draw_file().draws
        if d.stream.startswith("ab.")
    ]
    assert ("2026-01-29", "ab.accelerated_tech", 63, 148) in rows
    assert ("2026-06-05", "ab.aos", 50, 462) in rows
    assert len(rows) == 12
