"""Role files: validation at the edge, with field paths, and the shipped examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from canpath.employer import load_role, parse_role
from canpath.errors import ProfileError

ROLES = sorted((Path(__file__).parent.parent.parent / "examples" / "roles").glob("*.yaml"))


def role(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "noc": "21231",
        "title": "Software engineer",
        "province": "ON",
        "annual_salary_cad": 120000,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def problems(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(ProfileError) as error:
        parse_role(data, "role.yaml")
    return [(p.location, p.message) for p in error.value.problems]


@pytest.mark.parametrize("path", ROLES, ids=[p.stem for p in ROLES])
def test_example_roles_load(path: Path) -> None:
    assert load_role(path).noc


def test_unknown_noc_is_named_with_close_codes() -> None:
    found = problems(role(noc="21299"))
    assert found[0][0] == "noc" and "not a NOC 2021 unit group" in found[0][1]


def test_negative_wage_is_refused() -> None:
    found = problems(role(annual_salary_cad=None, hourly_wage_cad=-5))
    assert found == [("hourly_wage_cad", "must be more than 0; got -5")]


def test_missing_province_is_refused() -> None:
    found = problems(role(province=None))
    assert found == [("province", "missing: this field is required")]


def test_a_wage_is_required() -> None:
    found = problems(role(annual_salary_cad=None))
    assert "give the wage" in found[0][1]


def test_the_region_must_be_a_job_bank_region_of_the_province() -> None:
    found = problems(role(region="Calgary"))
    assert "not a Job Bank economic region of ON" in found[0][1] and "Toronto" in found[0][1]
    assert parse_role(role(region="toronto")).region == "toronto"


def test_unknown_fields_and_non_mappings_are_refused() -> None:
    assert problems(role(salary=1))[0] == (
        "salary",
        "unknown field (check the spelling; see examples/roles/)",
    )
    assert problems(["noc"])[0][1].startswith("a role must be a mapping")


def test_the_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("noc: '21231'\nprovince: ON\nhourly_wage_cad: -1\n", encoding="utf-8")
    with pytest.raises(ProfileError) as error:
        load_role(path)
    assert error.value.render().startswith(f"{path}: hourly_wage_cad:")


def test_province_on_stays_a_province() -> None:
    path = ROLES[0]
    assert load_role(path).province in ("ON", "AB", "QC")


def test_an_infinite_wage_is_refused() -> None:
    found = problems(role(annual_salary_cad=float("inf")))
    assert found == [("annual_salary_cad", "Input should be a finite number")]
