"""Routes to permanent residence: which to follow, and what happens month by month on each.

Candidate routes: staying the course (the Express Entry pool as the person is); each work
permit the person qualifies for today that builds skilled Canadian experience; and, on any of
those, each provincial stream the person becomes eligible for. Every route is re-assessed month
by month with the rules in force on each date; none holds rule logic of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from canpath.i18n import Message, msg
from canpath.params import RULES
from canpath.planner.chances import Chances, chances
from canpath.planner.projection import (
    Projection,
    stay_the_course,
    with_nomination,
    with_work_permit,
)
from canpath.planner.timeline import Month, evaluate, month_dates
from canpath.profile import Profile
from canpath.results import Assessment
from canpath.rules.federal.language import TEST_NAMES, convert
from canpath.timeutil import add_months

WINDOW = "federal.express_entry.application_window"
PROCESSING = "federal.express_entry.processing"
BASE_PROCESSING = "federal.pnp.processing"
EE_PROGRAMS = ("express_entry.fsw", "express_entry.cec", "express_entry.fst")


@dataclass
class Route:
    """One way to permanent residence, with its timeline and chances."""

    id: str
    steps: list[dict[str, Any]]
    months: list[Month]
    chances: Chances | None
    probability: float | None
    expected_ita_date: date | None
    expected_pr_date: date | None
    notes: list[Message] = field(default_factory=list)


def _step(day: date, event: Message, **data: Any) -> dict[str, Any]:
    return {"date": day, "event": event, **data}


def _signature(month: Month, programs: Sequence[str]) -> tuple[object, ...]:
    return (month.crs, *(month.eligible.get(pid) is True for pid in programs))


Interval = tuple[Month, Month, Sequence[str]]


def _evaluate_groups(
    projection: Projection, groups: Sequence[Sequence[date]], programs: Sequence[str]
) -> list[list[Month]]:
    """`evaluate` over every group of days in one batch, split back into the groups."""
    flat = evaluate(projection, [day for group in groups for day in group], only=programs)
    found, position = [], 0
    for group in groups:
        found.append(flat[position : position + len(group)])
        position += len(group)
    return found


def _changes(projection: Projection, intervals: Sequence[Interval]) -> list[list[Month]]:
    """For each interval `(previous, month, programs)`: the days on which the CRS or one of
    `programs` changes, the first day of each change.

    Coarse to fine, each level in one batch for all intervals: every interval is assessed week
    by week, then day by day inside the weeks where something changed.
    """
    programs = sorted({pid for _, _, chosen in intervals for pid in chosen})
    weeks = [
        sorted({previous.day + timedelta(days=offset) for offset in (*range(7, span, 7), span)})
        for previous, month, _ in intervals
        for span in [(month.day - previous.day).days]
    ]
    weekly = _evaluate_groups(projection, weeks, programs)
    changed: list[list[tuple[Month, Month]]] = []  # per interval: (week start, week end)
    for (previous, _, chosen), week_ends in zip(intervals, weekly, strict=True):
        before, spans = previous, []
        for week_end in week_ends:
            if _signature(week_end, chosen) != _signature(before, chosen):
                spans.append((before, week_end))
            before = week_end
        changed.append(spans)
    day_groups = [
        [
            before.day + timedelta(days=offset)
            for offset in range(1, (end.day - before.day).days + 1)
        ]
        for spans in changed
        for before, end in spans
    ]
    daily = iter(_evaluate_groups(projection, day_groups, programs))
    found: list[list[Month]] = []
    for (_, _, chosen), spans in zip(intervals, changed, strict=True):
        changes: list[Month] = []
        for before, _ in spans:
            state = before
            for day in next(daily):
                if _signature(day, chosen) != _signature(state, chosen):
                    changes.append(day)
                state = day
        found.append(changes)
    return found


def _eligibility_steps(months: Sequence[Month], projection: Projection) -> list[dict[str, Any]]:
    """Programs opening or closing, and CRS changes, as steps on the exact day they happen."""
    intervals: list[Interval] = []
    for previous, month in zip(months, months[1:], strict=False):
        flipped = [
            pid for pid, verdict in month.eligible.items()
            if (verdict is True) != (previous.eligible.get(pid) is True)
        ]  # fmt: skip
        if flipped or month.crs != previous.crs:
            intervals.append((previous, month, flipped))
    steps = []
    for (previous, _, programs), changes in zip(
        intervals, _changes(projection, intervals), strict=True
    ):
        state = previous
        for change in changes:
            for program_id in programs:
                now = change.eligible.get(program_id) is True
                if now != (state.eligible.get(program_id) is True):
                    key = "plan.step.eligible" if now else "plan.step.not_eligible"
                    steps.append(
                        _step(
                            change.day,
                            msg(key, program=msg(f"program.{program_id}")),
                            program=program_id,
                        )
                    )
            if change.crs != state.crs:
                steps.append(
                    _step(
                        change.day,
                        msg("plan.step.crs_change", before=state.crs, after=change.crs),
                        crs=change.crs,
                    )
                )
            state = change
    return steps


def _pr_dates(ita: date) -> tuple[date, date]:
    """When the application is due and when permanent residence is expected, from an invitation."""
    days = int(RULES.at(ita).value(WINDOW)["days"])
    submitted = ita + timedelta(days=days)
    months = int(RULES.at(submitted).value(PROCESSING)["service_standard_months"])
    return submitted, add_months(submitted, months)


def _finish(
    route_id: str,
    months: list[Month],
    head: list[dict[str, Any]],
    on: date,
    notes: list[Message],
    projection: Projection,
) -> Route:
    odds = chances(months, on)
    steps = head + _eligibility_steps(months, projection)
    ita = pr = None
    if odds.likely_month is not None:
        ita = months[odds.likely_month + 1].day
        submitted, pr = _pr_dates(ita)
        steps.append(_step(ita, msg("plan.step.likely_invited", percent=round(100 * odds.cumulative[odds.likely_month])),
                           probability=round(odds.cumulative[odds.likely_month], 3)))  # fmt: skip
        steps.append(_step(submitted, msg("plan.step.apply_pr", days=(submitted - ita).days)))
        steps.append(_step(pr, msg("plan.step.pr_expected", months=_months_between(submitted, pr))))
    steps.sort(key=lambda step: step["date"])
    return Route(route_id, steps, months, odds, round(odds.within_horizon, 3), ita, pr, notes)


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _renewal_steps(profile: Profile, on: date, end: date) -> list[dict[str, Any]]:
    """Tests that expire inside the horizon: the day to retake them by (routes assume the same result)."""
    steps = []
    for result in profile.languages:
        if result.taken is None:
            continue
        expires = convert(result.test, result.scores(), result.taken, result.taken).expires
        if expires is not None and on < expires <= end:
            steps.append(
                _step(
                    expires - timedelta(days=1),
                    msg("plan.step.retake_test", test=TEST_NAMES[result.test]),
                )
            )
    return steps


def _today_step(months: Sequence[Month]) -> dict[str, Any]:
    first = months[0]
    open_programs = [msg(f"program.{pid}") for pid in EE_PROGRAMS if first.eligible.get(pid)]
    key = "plan.step.today_in_pool" if open_programs else "plan.step.today_not_in_pool"
    return _step(first.day, msg(key, crs=first.crs, programs=open_programs), crs=first.crs)


def express_entry_route(
    profile: Profile, on: date, days: Sequence[date]
) -> tuple[Route, Projection]:
    """Stay the course: the person as they are, in the Express Entry pool when eligible."""
    projection = stay_the_course(profile, on)
    months = evaluate(projection, days)
    head = [_today_step(months), *_renewal_steps(profile, on, days[-1])]
    return _finish("express_entry", months, head, on, [], projection), projection


def permit_routes(
    profile: Profile, on: date, days: Sequence[date], today: Assessment
) -> list[tuple[Route, Projection]]:
    """A route for each work permit open today whose work counts as skilled Canadian experience."""
    found = []
    current = profile.in_canada.permit if profile.in_canada else None
    for program in today.programs:
        facts = program.facts
        if program.eligible is not True or facts.get("leads_to") != "work_permit":
            continue
        if not facts.get("counts_as_skilled_canadian_experience") or facts.get("permit") == current:
            continue
        weeks = facts.get("processing_weeks")
        notes = (
            []
            if weeks is not None
            else [msg("plan.note.processing_unknown", program=msg(f"program.{program.id}"))]
        )
        start = on + timedelta(weeks=float(weeks or 0))
        projection = with_work_permit(
            stay_the_course(profile, on).before, start, str(facts.get("permit")),
            facts.get("permit_length_months"), bool(facts.get("renewable")),
        )  # fmt: skip
        months = evaluate(projection, days)
        head = [
            _today_step(months),
            *_renewal_steps(profile, on, days[-1]),
            _step(on, msg("plan.step.apply_permit", program=msg(f"program.{program.id}"), weeks=f"{float(weeks):g}" if weeks is not None else "?"), program=program.id),
            _step(start, msg("plan.step.permit_starts", program=msg(f"program.{program.id}")), program=program.id),
        ]  # fmt: skip
        found.append((_finish(program.id, months, head, on, notes, projection), projection))
    return found


def provincial_routes(
    base: Route, projection: Projection, on: date, days: Sequence[date], today: Assessment
) -> list[Route]:
    """On a route, each provincial stream the person becomes eligible for: the nomination's effect."""
    found = []
    facts_by_id = {program.id: program.facts for program in today.programs}
    kinds = {program.id: program.kind for program in today.programs}
    provincial = {
        pid
        for month in base.months
        for pid, ok in month.eligible.items()
        if ok and kinds.get(pid) == "provincial_nomination"
    }
    for program_id in sorted(provincial):
        facts = facts_by_id[program_id]
        first = next(month for month in base.months if month.eligible.get(program_id))
        weeks = facts.get("processing_weeks")
        issued = first.day + timedelta(weeks=float(weeks or 0))
        notes = [msg("plan.note.nomination_assumed", program=msg(f"program.{program_id}"))]
        if weeks is None:
            notes.append(msg("plan.note.processing_unknown", program=msg(f"program.{program_id}")))
        enhanced = facts.get("nomination") == "enhanced"
        head = [
            step for step in base.steps if step["date"] <= first.day and "probability" not in step
        ]
        head.append(_step(issued, msg("plan.step.nomination", program=msg(f"program.{program_id}"),
                                      kind=msg("plan.nomination.enhanced" if enhanced else "plan.nomination.base")), program=program_id))  # fmt: skip
        route_id = program_id if base.id == "express_entry" else f"{base.id}+{program_id}"
        if enhanced:
            nominated = with_nomination(
                projection,
                str(facts.get("province", program_id[:2].upper())),
                program_id,
                True,
                issued,
            )
            months = evaluate(nominated, days)
            found.append(_finish(route_id, months, head, on, notes, nominated))
        else:
            found.append(_base_nomination_route(route_id, base.months, head, issued, notes))
    return found


def _base_nomination_route(
    route_id: str,
    months: list[Month],
    head: list[dict[str, Any]],
    issued: date,
    notes: list[Message],
) -> Route:
    """A base nomination leads to a paper application outside Express Entry."""
    processing = RULES.at(issued)
    months_needed = int(processing.value(BASE_PROCESSING)["base_nomination_months"])
    pr = add_months(issued, months_needed)
    steps = [*head, _step(pr, msg("plan.step.pr_expected_base", months=months_needed))]
    notes = [*notes, msg("plan.note.base_processing_observed")]
    return Route(route_id, steps, months, None, None, None, pr, notes)


def all_routes(profile: Profile, on: date, horizon_months: int, today: Assessment) -> list[Route]:
    """Every candidate route, ranked by expected date of permanent residence, then probability."""
    days = month_dates(on, horizon_months)
    base, base_projection = express_entry_route(profile, on, days)
    routes = [base, *provincial_routes(base, base_projection, on, days, today)]
    for permit_route, projection in permit_routes(profile, on, days, today):
        routes.append(permit_route)
        routes.extend(provincial_routes(permit_route, projection, on, days, today))
    return sorted(
        routes,
        key=lambda r: (
            r.expected_pr_date is None,
            r.expected_pr_date or date.max,
            -(r.probability or 0),
        ),
    )
