"""Every parameter file is valid, covers every date from its start to today, keeps its shape,
and every dated change has a test on the day before and the day of."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from canpath.errors import ParameterError, ParameterNotInForce
from canpath.params import RULES, ParameterStore
from canpath.programs import all_programs
from canpath.rules.registry import REGISTRY

TODAY = date(2026, 11, 25)
TESTS = Path(__file__).parent.parent
IDS = RULES.ids()


@pytest.mark.parametrize("parameter_id", IDS)
def test_file_is_valid(parameter_id: str) -> None:
    parameter = RULES.parameter(parameter_id)
    assert parameter.content.description.strip()
    assert all(ref.href.startswith("http") for ref in parameter.content.references.values())


@pytest.mark.parametrize("parameter_id", IDS)
def test_resolves_on_every_date_from_start_to_today(parameter_id: str) -> None:
    parameter = RULES.parameter(parameter_id)
    day = parameter.first_date
    ended = parameter.ended
    while day <= TODAY:
        if ended is not None and day >= ended:
            with pytest.raises(ParameterNotInForce):
                parameter.at(day)
        else:
            assert parameter.at(day).value is not None
        day += timedelta(days=30)
    with pytest.raises(ParameterNotInForce):
        parameter.at(parameter.first_date - timedelta(days=1))


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return "list"
    return type(value).__name__ if value is not None else "null"


def _same_shape(first: Any, second: Any) -> bool:
    """Shapes match key for key; a number may stand where another number stands."""
    numbers = {"int", "float"}
    if isinstance(first, dict) and isinstance(second, dict):
        return first.keys() == second.keys() and all(
            _same_shape(first[k], second[k]) for k in first
        )
    return first == second or {first, second} <= numbers


@pytest.mark.parametrize("parameter_id", IDS)
def test_every_snapshot_of_a_table_has_the_same_shape(parameter_id: str) -> None:
    parameter = RULES.parameter(parameter_id)
    if parameter.content.shape_changes:
        return  # the file says why its snapshots differ (e.g. categories added and retired)
    values = [entry.value for entry in parameter.content.values.values() if entry.value is not None]
    shapes = [_shape(value) for value in values]
    assert all(_same_shape(shapes[0], shape) for shape in shapes), (
        f"{parameter_id}: snapshots differ in shape"
    )


def _all_test_text() -> str:
    texts = []
    for path in TESTS.rglob("*"):
        if path.suffix in (".py", ".yaml") and path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


def test_every_dated_change_has_a_day_before_and_day_of_test() -> None:
    text = _all_test_text()
    dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", text))
    for year, month, day in re.findall(r"date\((\d{4}),\s*(\d{1,2}),\s*(\d{1,2})\)", text):
        dates.add(date(int(year), int(month), int(day)).isoformat())
    missing = []
    for parameter in RULES:
        for day in parameter.dates[1:]:
            before = (day - timedelta(days=1)).isoformat()
            if day.isoformat() not in dates or before not in dates:
                missing.append(f"{parameter.id} changes on {day}")
    assert not missing, "no day-before/day-of test for: " + "; ".join(missing)


def test_rules_declare_parameters_that_exist() -> None:
    all_programs()
    known = set(IDS)
    for info in REGISTRY.values():
        unknown = [p for p in info.uses if p not in known]
        assert not unknown, f"{info.id} uses unknown parameters {unknown}"


def test_duplicate_keys_and_bad_dates_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "dup.yaml").write_text(
        "description: A test parameter with a duplicate key.\nlabel: dup\nunit: points\n"
        "references: {a: {title: Source A, href: 'https://example.org'}}\n"
        "verified: 2026-01-01\nstatus: confirmed\nvalues:\n"
        "  2020-01-01: {ref: a, value: 1}\n  2020-01-01: {ref: a, value: 2}\n"
    )
    (tmp_path / "baddate.yaml").write_text(
        "description: A test parameter with a bad date key.\nlabel: bad\nunit: points\n"
        "references: {a: {title: Source A, href: 'https://example.org'}}\n"
        "verified: 2026-01-01\nstatus: confirmed\nvalues:\n  'January 2020': {ref: a, value: 1}\n"
    )
    (tmp_path / "badref.yaml").write_text(
        "description: A test parameter citing a missing reference.\nlabel: bad\nunit: points\n"
        "references: {a: {title: Source A, href: 'https://example.org'}}\n"
        "verified: 2026-01-01\nstatus: confirmed\nvalues:\n  2020-01-01: {ref: b, value: 1}\n"
    )
    (tmp_path / "extra.yaml").write_text(
        "description: A test parameter with an unknown field.\nlabel: extra\nunit: points\nsource: x\n"
        "references: {a: {title: Source A, href: 'https://example.org'}}\n"
        "verified: 2026-01-01\nstatus: confirmed\nvalues:\n  2020-01-01: {ref: a, value: 1}\n"
    )
    store = ParameterStore(tmp_path)
    for name, fragment in (
        ("dup", "duplicate key"),
        ("baddate", "not an ISO date"),
        ("badref", "'b' is not in references"),
        ("extra", "source"),
    ):
        with pytest.raises(ParameterError, match=fragment):
            store.parameter(name)


def test_a_null_value_ends_a_parameter(tmp_path: Path) -> None:
    (tmp_path / "ends.yaml").write_text(
        "description: A test parameter that ends.\nlabel: ends\nunit: points\n"
        "references: {a: {title: Source A, href: 'https://example.org'}}\n"
        "verified: 2026-01-01\nstatus: confirmed\nvalues:\n"
        "  2020-01-01: {ref: a, value: 5}\n  2021-01-01: {ref: a, value: null}\n"
    )
    parameter = ParameterStore(tmp_path).parameter("ends")
    assert parameter.at(date(2020, 12, 31)).value == 5
    with pytest.raises(ParameterNotInForce, match="ended on 2021-01-01"):
        parameter.at(date(2021, 1, 1))


def test_lookup_takes_the_latest_entry_on_or_before_the_date() -> None:
    sibling = RULES.parameter("federal.express_entry.crs.additional.sibling_in_canada")
    assert sibling.at(date(2017, 6, 5)).value == 0
    assert sibling.at(date(2017, 6, 6)).value == 15
    assert sibling.at(date(2017, 6, 6)).since == date(2017, 6, 6)


def test_the_reported_2026_11_03_change_warns_from_that_day() -> None:
    caps = "federal.express_entry.crs.caps"
    before = RULES.at(date(2026, 11, 2)).warnings([caps])
    after = RULES.at(date(2026, 11, 3)).warnings([caps])
    assert not any("crs-2026-11-03" in w.code for w in before)
    assert any("crs-2026-11-03" in w.code and "Not modelled" in w.message for w in after)
