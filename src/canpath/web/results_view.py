"""What the results page shows: verdicts with reasons and sources, the CRS chart, the plan as a
timeline, and recent cut-offs against the person's score. Built from the public API's JSON, so
the page says exactly what `/api/assess` and `/api/plan` answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import canpath
from canpath.errors import CanpathError
from canpath.i18n import Language, label
from canpath.profile import Profile
from canpath.timeutil import add_months
from canpath.web import charts
from canpath.web.draws_view import CutoffRow, qualifying_categories, recent_cutoffs
from canpath.web.language import Translate

__all__ = ["KIND_ORDER", "ResultsView", "build_results"]

KIND_ORDER = (
    "permanent_residence",
    "express_entry_category",
    "provincial_nomination",
    "work_permit",
)
PLAN_MONTHS = 36


@dataclass
class ResultsView:
    """Everything the results template renders."""

    on: dt.date
    assessment: dict[str, Any]
    crs: dict[str, Any]
    programs_by_kind: list[tuple[str, list[dict[str, Any]]]]
    eligible_names: list[str]
    part_labels: dict[str, str]
    crs_chart: charts.BarChart
    plan: dict[str, Any] | None
    plan_chart: charts.Timeline | None
    plan_note: str
    cutoffs: list[CutoffRow]
    cutoff_chart: charts.Timeline | None
    cutoff_start: dt.date


def _plan(
    person: Profile, on: dt.date, language: Language, t: Translate
) -> tuple[dict[str, Any] | None, str]:
    try:
        from canpath.planner import plan
    except ModuleNotFoundError as error:
        if error.name and "canpath.planner".startswith(error.name):
            return None, t("results.plan.unavailable")
        raise
    try:
        return plan(person, on, PLAN_MONTHS).to_dict(language), ""
    except CanpathError as error:
        return None, t("results.plan.failed", reason=str(error))


def category_label(category: str, language: Language) -> str:
    """The name of a round type in the page's language."""
    return label(f"web.category.{category}", language)


def build_results(person: Profile, on: dt.date, language: Language, t: Translate) -> ResultsView:
    """Assess, plan and compare with recent rounds, for one person on one date."""
    assessment = canpath.assess(person, on).to_dict(language)
    crs = assessment["crs"]
    programs = assessment["programs"]
    grouped = [(kind, [p for p in programs if p["kind"] == kind]) for kind in KIND_ORDER]
    grouped += [("other", [p for p in programs if p["kind"] not in KIND_ORDER])]
    eligibility = {p["id"]: p["eligible"] for p in programs}
    qualifies = qualifying_categories(
        eligibility,
        person.provincial_nomination is not None and person.provincial_nomination.enhanced,
    )
    cutoffs = recent_cutoffs(on, qualifies)
    start = add_months(on, -12)
    points = [
        (
            item.date,
            item.crs_cutoff,
            f"{item.date.isoformat()} {category_label(row.category, language)}: {item.crs_cutoff}",
            bool(row.qualifies),
        )
        for row in cutoffs
        for item in row.rounds
        if item.date >= start
    ]
    part_labels = {part: label(f"part.{part}", language) for part in crs["breakdown"]}
    plan, note = _plan(person, on, language, t)
    timeline = None
    if plan is not None:
        timeline = charts.plan_timeline(
            plan, on, add_months(on, PLAN_MONTHS), lambda route: route.get("name") or route["id"]
        )
    return ResultsView(
        on=on,
        assessment=assessment,
        crs=crs,
        programs_by_kind=[(kind, found) for kind, found in grouped if found],
        eligible_names=[
            p["name"] for p in programs if p["eligible"] is True and p["status"] == "open"
        ],
        part_labels=part_labels,
        crs_chart=charts.crs_chart(crs, part_labels),
        plan=plan,
        plan_chart=timeline,
        plan_note=note,
        cutoffs=cutoffs,
        cutoff_chart=charts.cutoff_chart(points, crs["total"], start, on) if points else None,
        cutoff_start=start,
    )
