"""The command line: the JSON contract of DESIGN.md §6, exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from canpath.cli import app

EXAMPLES = sorted((Path(__file__).parent.parent.parent / "examples" / "profiles").glob("*.yaml"))
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_crs_json_contract(path: Path) -> None:
    code, out, _ = run("crs", str(path), "--on", "2026-06-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data["total"], int) and 0 <= data["total"] <= 1200
    parts = [
        data["breakdown"][name]["total"]
        for name in ("core", "spouse", "transferability", "additional")
    ]
    assert sum(parts) == data["total"]
    assert data["rules_as_of"] and isinstance(data["warnings"], list)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_assess_json_contract(path: Path) -> None:
    code, out, _ = run("assess", str(path), "--json")
    assert code == 0
    programs = json.loads(out)["programs"]
    ids = {p["id"] for p in programs}
    assert {"express_entry.fsw", "express_entry.cec", "express_entry.fst"} <= ids
    for program in programs:
        assert program["eligible"] in (True, False, None)
        for criterion in program["criteria"]:
            assert {"rule", "met", "reason", "reference"} <= set(criterion)


def test_a_worked_case_through_the_cli() -> None:
    # Worked case W08 (tests/conformance/crs_worked): 1074 = 399 + 0 + 75 + 600.
    path = Path(__file__).parent.parent / "conformance" / "crs_worked" / "W08.yaml"
    data = json.loads(run("crs", str(path), "--on", "2026-06-01", "--json")[1])
    assert data["total"] == 1074
    assert {k: v["total"] for k, v in data["breakdown"].items()} == {
        "core": 399,
        "spouse": 0,
        "transferability": 75,
        "additional": 600,
    }


def test_tables_are_printed_without_json() -> None:
    code, out, _ = run("crs", str(EXAMPLES[0]), "--on", "2026-06-01")
    assert code == 0 and "CRS" in out and "Age" in out


def test_french_explanations() -> None:
    code, out, _ = run("assess", str(EXAMPLES[0]), "--on", "2026-06-01", "--json", "--lang", "fr")
    assert code == 0
    data = json.loads(out)
    fsw = next(p for p in data["programs"] if p["id"] == "express_entry.fsw")
    assert fsw["name"] == "Programme des travailleurs qualifiés (fédéral)"
    assert data["crs"]["breakdown"]["core"]["factors"]["age"]["label"] == "Âge"


def test_after_2026_11_03_every_crs_warns_about_the_unmodelled_change() -> None:
    before = json.loads(run("crs", str(EXAMPLES[0]), "--on", "2026-11-02", "--json")[1])
    after = json.loads(run("crs", str(EXAMPLES[0]), "--on", "2026-11-03", "--json")[1])
    assert not any("2026-11-03" in w["code"] for w in before["warnings"])
    assert any(
        "2026-11-03" in w["code"] and "Not modelled" in w["message"] for w in after["warnings"]
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("crs", "no-such-profile.yaml", "--json"), "does not exist"),
        (("crs", str(EXAMPLES[0]), "--on", "2026-02-30"), "--on"),
        (("crs", str(EXAMPLES[0]), "--on", "2014-12-31"), "2015-01-01"),
        (("crs", str(EXAMPLES[0]), "--lang", "de"), "--lang"),
        (("assess", str(EXAMPLES[0]), "--program", "express_entry.fws"), "express_entry.fsw"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(args: tuple[str, ...], fragment: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert fragment in err and "Traceback" not in err + out


def test_bad_profile_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "birth_date: 1990-01-01\ncitizenships: [IN]\nlanguages:\n  - {test: toefl, listening: 1, reading: 1, writing: 1, speaking: 1}\n"
    )
    code, _, err = run("crs", str(path))
    assert code == 2
    assert f"{path}: languages.0.test:" in err


def test_bad_input_is_reported_in_french_with_lang_fr(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("birth_date: hier\ncitizenships: [IN]\n")
    code, _, err = run("assess", str(path), "--lang", "fr")
    assert code == 2
    assert err.strip() == f"{path}: birth_date: une date AAAA-MM-JJ est attendue, reçu : 'hier'"


def test_rules_lists_parameters_in_force_and_announced_changes() -> None:
    code, out, _ = run("rules", "--on", "2026-11-25", "--json")
    data = json.loads(out)
    ids = {row["id"] for row in data["in_force"]}
    assert code == 0 and "federal.express_entry.crs.core.age" in ids
    assert any(item["id"] == "crs-2026-11-03" for item in data["announced"])
    early = json.loads(run("rules", "--on", "2016-01-01", "--json")[1])
    assert "federal.language.pte_core" in {row["id"] for row in early["not_in_force"]}


def test_coverage_and_schema() -> None:
    code, out, _ = run("coverage", "--json")
    assert code == 0 and any(entry["modelled"] for entry in json.loads(out))
    code, out, _ = run("schema")
    assert code == 0 and "birth_date" in json.loads(out)["properties"]
