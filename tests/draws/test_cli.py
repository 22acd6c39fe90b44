"""`canpath draws`, mounted the way the top-level CLI mounts it, driven through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from canpath.draws import cli
from canpath.draws.store import user_feed_path

from .test_store import newer_feed

top = typer.Typer()
top.add_typer(cli.app, name="draws")


@top.callback()
def _root() -> None:
    """A stand-in for the lead's top-level app."""


def run(*arguments: str) -> Result:
    return CliRunner().invoke(top, ["draws", *arguments])


def as_json(*arguments: str) -> dict[str, object]:
    result = run(*arguments, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_json_contract() -> None:
    data = as_json("--limit", "3")
    rounds = data["rounds"]
    assert isinstance(rounds, list)
    assert len(rounds) == 3
    first = rounds[0]
    assert {"number", "date", "name", "category", "size", "crs_cutoff"} <= set(first)
    assert first["number"] == "434"
    assert first["date"] == "2026-08-07"
    assert first["category"] == "transport"
    assert isinstance(first["size"], int)
    assert isinstance(first["crs_cutoff"], int)
    assert [r["number"] for r in rounds] == ["434", "433", "432"]  # newest first


def test_json_lists_every_matching_round_without_limit() -> None:
    assert len(as_json()["rounds"]) == 435  # type: ignore[arg-type]


def test_category_filter_repeatable_and_comma_separated() -> None:
    data = as_json("--category", "cec,french", "-c", "PNP", "--since", "2026-07-01")
    categories = {r["category"] for r in data["rounds"]}  # type: ignore[attr-defined,index]
    assert categories == {"cec", "french", "pnp"}
    assert all(r["date"] >= "2026-07-01" for r in data["rounds"])  # type: ignore[attr-defined,index]
    # 2026-07-06 .. 2026-08-06: pnp 423, 427, 431; cec 424, 428, 432; french 425, 429, 433.
    assert len(data["rounds"]) == 9  # type: ignore[arg-type]


def test_on_reads_rounds_as_of_a_date() -> None:
    data = as_json("--on", "2018-05-30", "--limit", "2")
    assert [r["number"] for r in data["rounds"]] == ["91b", "91a"]  # type: ignore[attr-defined,index]


def test_score_position_in_json() -> None:
    data = as_json("--score", "500", "-c", "cec", "--limit", "1")
    position = data["score_position"]
    assert isinstance(position, dict)
    assert position["pool"]["above_estimate"] == 500 + 19_705
    (standing,) = position["standings"]
    assert standing["category"] == "cec"
    assert standing["met"] == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--category", "cec,bogus"], "unknown category 'bogus'"),
        (["--since", "2025-13-01"], "--since: '2025-13-01' is not an ISO date"),
        (["--on", "yesterday"], "--on: 'yesterday' is not an ISO date"),
        (["--limit", "0"], "--limit: must be at least 1"),
        (["--score", "1500"], "--score: a CRS score is between 0 and 1200"),
        (["--plot", "chart.jpg"], "--plot: chart.jpg must end in .png or .svg"),
    ],
)
def test_bad_input_exits_2_with_one_line(arguments: list[str], message: str) -> None:
    result = run(*arguments)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_table_and_terminal_chart() -> None:
    result = run("-c", "cec", "--limit", "5", "--score", "510")
    assert result.exit_code == 0, result.stderr
    assert "Rounds of invitations (5 of 66)" in result.stdout
    assert "Recent cut-offs" in result.stdout
    assert any(block in result.stdout for block in "▁▂▃▄▅▆▇█")
    assert "Where CRS 510 stands" in result.stdout
    assert "229,100 candidates" in result.stdout


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_plot_writes_a_chart(tmp_path: Path, suffix: str, magic: bytes) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / f"cutoffs{suffix}"
    result = run("--plot", str(chart), "--since", "2025-01-01", "--score", "480")
    assert result.exit_code == 0, result.stderr
    assert chart.read_bytes().startswith(magic)


def test_update_subcommand(packaged_bytes: bytes, tmp_path: Path) -> None:
    result = run("update", "--from", str(newer_feed(packaged_bytes, tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert "435 rounds before, 436 now" in result.stdout
    assert "newest round #435 on 2026-08-20" in result.stdout
    assert as_json("--limit", "1")["rounds"][0]["number"] == "435"  # type: ignore[index]


def test_update_from_broken_file_exits_2_and_keeps_data(
    packaged_bytes: bytes, tmp_path: Path
) -> None:
    run("update", "--from", str(newer_feed(packaged_bytes, tmp_path)))
    good = user_feed_path().read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text('{"rounds": [')
    result = run("update", "--from", str(broken))
    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr
    assert user_feed_path().read_bytes() == good
