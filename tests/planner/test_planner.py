"""The route planner with fixed dates: thresholds, cliffs, rule changes, moves, the JSON shape."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from canpath.cli import app
from canpath.planner import plan
from canpath.planner.routes import _pr_dates
from tests.helpers import job, language_result, person

EXAMPLES = sorted((Path(__file__).parent.parent.parent / "examples" / "profiles").glob("*.yaml"))


def steps_for(result: Any, route_id: str, program: str, key: str) -> list[date]:
    route = result.route(route_id)
    return [s["date"] for s in route.steps if s.get("program") == program and s["event"].key == key]


def test_cec_threshold_is_reached_on_the_364th_day_of_full_time_work() -> None:
    # Started 2026-01-05 (40 h/week, counted as 30): 1,560 hours on 2027-01-03.
    worker = person(
        work=[job(country="CA", start="2026-01-05")],
        in_canada={"status": "worker", "permit": "pgwp"},
    )
    result = plan(worker, on="2026-06-01", months=12)
    assert steps_for(result, "express_entry", "express_entry.cec", "plan.step.eligible") == [
        date(2027, 1, 3)
    ]


def test_age_cliff_on_the_right_birthday() -> None:
    # Born 1996-08-20: 30 on 2026-08-20, when single-applicant age points fall from 110 to 105.
    result = plan(person(birth_date="1996-08-20"), on="2026-06-01", months=12)
    birthdays = [c for c in result.cliffs if c.what.key == "plan.cliff.birthday"]
    assert [(c.day, c.points_change, c.act_by) for c in birthdays] == [
        (date(2026, 8, 20), -5, date(2026, 8, 19))
    ]


def test_a_test_expiry_cliff_costs_the_language_points() -> None:
    tested = person(languages=[language_result(test="celpip", taken="2025-03-01")])
    expiry = next(
        c
        for c in plan(tested, on="2026-06-01", months=12).cliffs
        if c.what.key == "plan.cliff.test_expires"
    )
    assert expiry.day == date(2027, 3, 1)
    assert (
        expiry.points_change < -100
    )  # 4 x 31 first-language points and the transferability they unlock


def test_a_route_closed_by_a_rule_change_ends_on_that_date() -> None:
    # A software engineer abroad was in the STEM category until the 2025 list dropped 21231.
    engineer = person(languages=[language_result()], work=[job(noc="21231", start="2019-07-01")])
    result = plan(engineer, on="2024-06-01", months=12)
    closed = steps_for(
        result, "express_entry", "express_entry.category.stem", "plan.step.not_eligible"
    )
    assert closed == [date(2025, 2, 27)]


def test_permit_expiry_stops_canadian_work() -> None:
    worker = person(
        work=[job(country="CA", start="2025-01-06")],
        in_canada={"status": "worker", "permit": "pgwp", "permit_expiry": "2025-12-31"},
    )
    result = plan(worker, on="2025-06-01", months=24)
    assert any(
        c.what.key == "plan.cliff.permit_expires" and c.day == date(2025, 12, 31)
        for c in result.cliffs
    )
    months = result.route("express_entry").months
    assert all(
        not m.eligible["express_entry.cec"] for m in months
    )  # never reaches a year in Canada


def test_an_enhanced_nominee_is_likely_invited_soon() -> None:
    nominee = person(
        provincial_nomination={"province": "ON", "enhanced": True, "date": "2026-05-01"}
    )
    route = plan(nominee, on="2026-06-01", months=12).route("express_entry")
    assert route.probability is not None and route.probability > 0.9
    assert route.expected_ita_date is not None and route.expected_ita_date <= date(2026, 8, 1)


@pytest.mark.parametrize(
    ("ita", "days"),
    [(date(2016, 11, 18), 60), (date(2016, 11, 19), 90), (date(2018, 6, 26), 90), (date(2018, 6, 27), 60),
     (date(2021, 6, 28), 60), (date(2021, 6, 29), 60)],
)  # fmt: skip
def test_the_application_window_after_an_invitation(ita: date, days: int) -> None:
    submitted, permanent = _pr_dates(ita)
    assert (submitted - ita).days == days
    assert (permanent.year - submitted.year) * 12 + permanent.month - submitted.month == 6


def test_moves_are_scored_through_the_engine() -> None:
    # CLB 8 everywhere, single, master's: CLB 9 adds (31 - 23) x 4 = 32 core points, and the
    # transferability bands move from the CLB 7 to the CLB 9 column.
    result = plan(
        person(languages=[language_result(listening=8, reading=8, writing=8, speaking=8)]),
        on="2026-06-01",
        months=6,
    )
    english = next(m for m in result.moves if m.id == "english_clb9")
    assert english.points_gain == 32 + (50 - 25) + (50 - 25)
    nomination = next(m for m in result.moves if m.id == "nomination")
    assert nomination.points_gain == 600


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_plan_json_contract(path: Path) -> None:
    outcome = CliRunner().invoke(app, ["plan", str(path), "--on", "2026-11-25", "--json"])
    assert outcome.exit_code == 0, outcome.stderr
    data = json.loads(outcome.stdout)
    assert data["routes"] and isinstance(data["cliffs"], list)
    for route in data["routes"]:
        assert {"id", "steps", "probability", "expected_pr_date"} <= set(route)
        assert all({"date", "event"} <= set(step) for step in route["steps"])
    for cliff in data["cliffs"]:
        assert {"date", "what", "points_change"} <= set(cliff)


def test_plan_chart_and_bad_options(tmp_path: Path) -> None:
    runner = CliRunner()
    chart = tmp_path / "plan.svg"
    outcome = runner.invoke(
        app, ["plan", str(EXAMPLES[0]), "--on", "2026-11-25", "--chart", str(chart)]
    )
    assert outcome.exit_code == 0 and chart.read_text().startswith("<?xml")
    assert runner.invoke(app, ["plan", str(EXAMPLES[0]), "--months", "0"]).exit_code == 2
    assert runner.invoke(app, ["plan", str(EXAMPLES[0]), "--chart", "x.gif"]).exit_code == 2


def test_a_plan_shows_itself_in_jupyter_as_html() -> None:
    examples = Path(__file__).parent.parent.parent / "examples" / "profiles"
    result = plan(examples / "vancouver-pgwp-developer.yaml", on=date(2026, 6, 1))
    shown = result._repr_html_()
    assert shown.startswith("<pre") and "Routes to permanent residence — 2026-06-01" in shown
