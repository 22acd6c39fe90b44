"""Counting skilled work experience the way IRCC does: hours, capped per week, inside a window.

One year is 1,560 hours (30 hours a week for 52 weeks). Hours above 30 a week are not counted,
whether in one job or several at once. Part-time work counts pro rata. A day worked adds one
seventh of that week's (capped) hours; the start and end days of a job are both worked days
(interpretation INT-001: the 1,560th hour is reached on the 364th day of full-time work).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from canpath.profile import Job
from canpath.reference.noc import teer_of
from canpath.rules.registry import rule

SKILLED_WORK = "federal.express_entry.skilled_work"
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """A stretch of one job: inclusive dates, weekly hours, occupation and place."""

    start: date
    end: date
    hours_per_week: float
    noc: str
    is_canadian: bool
    job_index: int

    @property
    def teer(self) -> int:
        return teer_of(self.noc)


def periods(jobs: Sequence[Job], on: date) -> list[Period]:
    """Each job as worked up to `on` (an open-ended job runs to `on`); future jobs drop out."""
    found = []
    for index, job in enumerate(jobs):
        end = min(job.end or on, on)
        if job.start > end or not job.paid:
            continue
        found.append(
            Period(job.start, end, job.hours_per_week, job.noc, job.country == "CA", index)
        )
    return found


def select(
    jobs: Sequence[Job],
    on: date,
    *,
    teer: Iterable[int],
    location: str = "any",
    exclude_student: bool = False,
    exclude_self_employed: bool = False,
    exclude_unauthorized: bool = False,
    nocs: Iterable[str] | None = None,
) -> list[Period]:
    """The periods that count for a purpose: skilled TEERs, place, exclusions, occupations."""
    allowed_teer = set(teer)
    allowed_nocs = set(nocs) if nocs is not None else None
    chosen = []
    for period in periods(jobs, on):
        job = jobs[period.job_index]
        if period.teer not in allowed_teer:
            continue
        if location == "canada" and not period.is_canadian:
            continue
        if location == "foreign" and period.is_canadian:
            continue
        if exclude_student and job.student:
            continue
        if exclude_self_employed and job.self_employed:
            continue
        if exclude_unauthorized and period.is_canadian and not job.authorized:
            continue
        if allowed_nocs is not None and period.noc not in allowed_nocs:
            continue
        chosen.append(period)
    return chosen


@rule(uses=(SKILLED_WORK,))
def full_time_equivalent_hours(
    chosen: Sequence[Period], window_start: date, window_end: date, max_hours_per_week: float
) -> float:
    """Hours of work inside [window_start, window_end], all jobs together capped per week."""
    events: dict[date, float] = {}
    for period in chosen:
        start = max(period.start, window_start)
        end = min(period.end, window_end)
        if start > end:
            continue
        events[start] = events.get(start, 0.0) + period.hours_per_week
        events[end + ONE_DAY] = events.get(end + ONE_DAY, 0.0) - period.hours_per_week
    total = 0.0
    weekly = 0.0
    days = sorted(events)
    for current, following in zip(days, days[1:], strict=False):
        weekly += events[current]
        if weekly > 1e-9:
            total += (following - current).days * min(weekly, max_hours_per_week) / 7
    return total


def whole_years(hours: float, hours_per_year: float) -> int:
    """Completed years of full-time-equivalent work (1,560 hours each)."""
    return int((hours + 1e-6) // hours_per_year)


def longest_continuous_hours(
    chosen: Sequence[Period], window_start: date, window_end: date, max_hours_per_week: float
) -> tuple[float, str | None]:
    """The most hours in one unbroken stretch of one occupation, and that occupation's code."""
    best: tuple[float, str | None] = (0.0, None)
    by_noc: dict[str, list[Period]] = {}
    for period in chosen:
        by_noc.setdefault(period.noc, []).append(period)
    for noc, group in by_noc.items():
        for run in _continuous_runs(group):
            hours = full_time_equivalent_hours(run, window_start, window_end, max_hours_per_week)
            if hours > best[0]:
                best = (hours, noc)
    return best


def _continuous_runs(group: Sequence[Period]) -> list[list[Period]]:
    runs: list[list[Period]] = []
    run_end: date | None = None
    for period in sorted(group, key=lambda p: p.start):
        if runs and run_end is not None and period.start <= run_end + ONE_DAY:
            runs[-1].append(period)
            run_end = max(run_end, period.end)
        else:
            runs.append([period])
            run_end = period.end
    return runs


def hours_by_occupation(
    chosen: Sequence[Period], window_start: date, window_end: date, max_hours_per_week: float
) -> dict[str, float]:
    """Hours per NOC code inside the window (each occupation capped on its own)."""
    by_noc: dict[str, list[Period]] = {}
    for period in chosen:
        by_noc.setdefault(period.noc, []).append(period)
    return {
        noc: full_time_equivalent_hours(group, window_start, window_end, max_hours_per_week)
        for noc, group in by_noc.items()
    }


def date_reaching(
    hours_needed: float,
    count: Callable[[date], float],
    start: date,
    horizon: date,
) -> date | None:
    """The first day on or after `start` (up to `horizon`) when `count(day)` reaches the hours.

    `count` must not decrease over time while the person keeps working; a binary search finds
    the day.
    """
    if count(start) + 1e-6 >= hours_needed:
        return start
    if count(horizon) + 1e-6 < hours_needed:
        return None
    low, high = start, horizon
    while (high - low).days > 1:
        middle = low + timedelta(days=(high - low).days // 2)
        if count(middle) + 1e-6 >= hours_needed:
            high = middle
        else:
            low = middle
    return high
