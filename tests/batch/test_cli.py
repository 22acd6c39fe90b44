"""`canpath batch` and `canpath synth` through the top-level app, as users and outside tools run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from canpath.cli import app
from canpath.yamlio import load_yaml_file

from .conftest import EXAMPLES, read_output

NEEDED = {
    "id",
    "crs_total",
    "crs_core",
    "crs_spouse",
    "crs_transferability",
    "crs_additional",
    "error",
}


def run(*arguments: str) -> Result:
    return CliRunner().invoke(app, list(arguments))


def test_the_contract_check_scenario(tmp_path: Path) -> None:
    """What ../shared/tools/check-contract does: example profiles plus a broken row, as JSON Lines."""
    rows = [
        dict(load_yaml_file(path), id=path.stem)
        for path in sorted((EXAMPLES / "profiles").glob("*.yaml"))
    ]
    lines = [json.dumps(row, default=str) for row in rows] + [
        '{"id": "broken", "birth_date": "not a date"}'
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    result = run("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.stderr
    got = [
        json.loads(line)
        for line in (tmp_path / "out.jsonl").read_text().splitlines()
        if line.strip()
    ]
    assert len(got) == len(lines)
    assert set(got[0]) >= NEEDED
    assert [row["id"] for row in got] == [*(path["id"] for path in rows), "broken"]
    broken = got[-1]
    assert broken["error"].startswith("birth_date:")
    assert broken["crs_total"] is None
    assert all(row["error"] == "" and isinstance(row["crs_total"], int) for row in got[:-1])
    assert "6 rows, 1 with errors" in result.stderr


def test_flat_template_to_parquet_with_programs_filter(tmp_path: Path) -> None:
    output = tmp_path / "out.parquet"
    result = run("batch", str(EXAMPLES / "batch" / "template.csv"), "-o", str(output), "--on", "2026-06-01",
                 "--programs", "express_entry.fsw,express_entry.cec", "-p", "express_entry.category")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    frame = read_output(output)
    assert frame.columns[:8] == ["id", "crs_total", "crs_core", "crs_spouse", "crs_transferability",
                                 "crs_additional", "eligible_express_entry_fsw", "eligible_express_entry_cec"]  # fmt: skip
    assert "eligible_express_entry_fst" not in frame.columns
    assert frame["crs_total"].to_list() == [408, 472, 432, 524, 422]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["batch", "{dir}/people.xlsx", "-o", "{dir}/out.csv"], "unknown input format '.xlsx'"),
        (
            ["batch", "{dir}/missing.csv", "-o", "{dir}/out.csv"],
            "missing.csv: the file does not exist",
        ),
        (["batch", "{template}", "-o", "{dir}/out.txt"], "unknown output format '.txt'"),
        (["batch", "{template}", "-o", "{dir}/no/such/out.csv"], "does not exist"),
        (
            ["batch", "{dir}/header.csv", "-o", "{dir}/out.csv"],
            "header.csv: english_levels: unknown column",
        ),
        (
            ["batch", "{template}", "-o", "{dir}/out.csv", "-p", "express_entry.fws"],
            "unknown program 'express_entry.fws'",
        ),
        (
            ["batch", "{template}", "-o", "{dir}/out.csv", "--on", "2026-13-01"],
            "--on: '2026-13-01' is not a date",
        ),
        (
            ["batch", "{template}", "-o", "{dir}/out.csv", "--on", "2010-01-01"],
            "is not in force on 2010-01-01",
        ),
        (
            ["batch", "{template}", "-o", "{dir}/out.csv", "--engine", "spark"],
            "--engine: 'spark' is not one of",
        ),
        (
            ["batch", "{template}", "-o", "{dir}/out.csv", "--scheduler", "tcp://x:1"],
            "--scheduler needs --engine dask",
        ),
        (["synth", "--n", "5", "-o", "{dir}/people.txt"], "unknown output format '.txt'"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, arguments: list[str], message: str
) -> None:
    (tmp_path / "header.csv").write_text("id,birth_date,english_levels\n")
    (tmp_path / "people.xlsx").write_text("")
    filled = [
        a.format(dir=tmp_path, template=EXAMPLES / "batch" / "template.csv") for a in arguments
    ]
    result = run(*filled)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.csv").exists()


def test_synth_then_batch(tmp_path: Path) -> None:
    result = run(
        "synth",
        "--n",
        "40",
        "-o",
        str(tmp_path / "people.jsonl"),
        "--seed",
        "3",
        "--on",
        "2026-06-01",
    )
    assert result.exit_code == 0, result.stderr
    assert "40 people (seed 3)" in result.stderr
    assert len((tmp_path / "people.jsonl").read_text().splitlines()) == 40
    result = run(
        "batch",
        str(tmp_path / "people.jsonl"),
        "-o",
        str(tmp_path / "out.csv"),
        "--on",
        "2026-06-01",
    )
    assert result.exit_code == 0, result.stderr
    assert read_output(tmp_path / "out.csv").height == 40


def test_dask_engine_starts_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    output = tmp_path / "out.jsonl"
    result = run("batch", str(EXAMPLES / "batch" / "profiles.jsonl"), "-o", str(output), "--on", "2026-06-01",
                 "--engine", "dask", "--workers", "1", "-p", "express_entry")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(output.read_text().splitlines()) == 10
