"""`canpath role`: exit codes, JSON shape, messages for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from canpath.cli import app

ROLES = sorted((Path(__file__).parent.parent.parent / "examples" / "roles").glob("*.yaml"))
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", ROLES, ids=[p.stem for p in ROLES])
def test_role_json(path: Path) -> None:
    code, out, _ = run("role", str(path), "--on", "2026-11-25", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["routes"] and all(route["open"] in (True, False, None) for route in data["routes"])
    assert {route["id"] for route in data["routes"]} >= {
        "gts.category_a",
        "gts.category_b",
        "cusma.professional",
    }


def test_role_table_in_french() -> None:
    code, out, _ = run("role", str(ROLES[-1]), "--on", "2026-11-25", "--lang", "fr")
    assert code == 0 and "Volet des talents mondiaux" in out


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("noc: '21299'\nprovince: ON\nannual_salary_cad: 100000\n", "noc:"),
        ("noc: '21231'\nprovince: ON\nhourly_wage_cad: -5\n", "hourly_wage_cad:"),
        ("noc: '21231'\nannual_salary_cad: 100000\n", "province: missing"),
    ],
    ids=["unknown-noc", "negative-wage", "missing-province"],
)
def test_bad_role_exits_2_naming_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    path = tmp_path / "role.yaml"
    path.write_text(content, encoding="utf-8")
    code, out, err = run("role", str(path), "--on", "2026-11-25")
    assert code == 2 and not out
    assert f"{path}: {field}" in err


def test_missing_file_bad_date_and_bad_language_exit_2(tmp_path: Path) -> None:
    assert run("role", str(tmp_path / "none.yaml"))[0] == 2
    code, _, err = run("role", str(ROLES[0]), "--on", "2026-13-01")
    assert code == 2 and "--on" in err
    assert run("role", str(ROLES[0]), "--lang", "de")[0] == 2


def test_before_canpath_rules_begin_exits_2() -> None:
    code, _, err = run("role", str(ROLES[0]), "--on", "2010-01-01")
    assert code == 2 and err
