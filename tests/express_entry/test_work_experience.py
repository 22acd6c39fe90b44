"""Counting skilled work as IRCC does: 1,560 hours a year, at most 30 hours a week."""

from __future__ import annotations

from datetime import date, timedelta

from canpath.profile import Job
from canpath.rules.federal.express_entry import work_experience as work

CAP = 30


def jobs(*entries: dict[str, object]) -> list[Job]:
    return [
        Job.model_validate({"noc": "21231", "country": "CA", "hours_per_week": 40, **e})
        for e in entries
    ]


def hours(found: list[Job], start: date, end: date, **selection: object) -> float:
    chosen = work.select(found, end, teer=[0, 1, 2, 3], **selection)  # type: ignore[arg-type]
    return work.full_time_equivalent_hours(chosen, start, end, CAP)


def test_52_weeks_of_full_time_work_make_1560_hours() -> None:
    found = jobs({"start": "2025-01-06"})
    end = date(2025, 1, 6) + timedelta(days=363)  # the 364th day worked
    assert round(hours(found, date(2015, 1, 1), end)) == 1560
    assert round(hours(found, date(2015, 1, 1), end - timedelta(days=1))) < 1560


def test_hours_above_30_a_week_do_not_count() -> None:
    sixty = jobs({"start": "2025-01-06", "hours_per_week": 60})
    thirty = jobs({"start": "2025-01-06", "hours_per_week": 30})
    on = date(2025, 7, 1)
    assert hours(sixty, date(2015, 1, 1), on) == hours(thirty, date(2015, 1, 1), on)


def test_part_time_counts_pro_rata() -> None:
    found = jobs({"start": "2024-01-01", "end": "2025-12-28", "hours_per_week": 15})
    assert round(hours(found, date(2015, 1, 1), date(2026, 1, 1))) == 1560


def test_two_jobs_at_once_are_capped_together() -> None:
    found = jobs(
        {"start": "2025-01-06", "hours_per_week": 20}, {"start": "2025-01-06", "hours_per_week": 20}
    )
    single = jobs({"start": "2025-01-06", "hours_per_week": 30})
    on = date(2025, 12, 1)
    assert hours(found, date(2015, 1, 1), on) == hours(single, date(2015, 1, 1), on)


def test_only_hours_inside_the_window_count() -> None:
    found = jobs({"start": "2020-01-01"})
    on = date(2026, 1, 1)
    three_years = hours(found, date(2023, 1, 1), on)
    assert round(three_years) == round((on - date(2023, 1, 1)).days * CAP / 7 + CAP / 7)


def test_student_and_self_employed_work_can_be_excluded() -> None:
    found = jobs(
        {"start": "2024-01-01", "student": True},
        {"start": "2024-01-01", "self_employed": True, "noc": "21232"},
    )
    on = date(2025, 6, 1)
    assert hours(found, date(2015, 1, 1), on, exclude_student=True, exclude_self_employed=True) == 0
    assert hours(found, date(2015, 1, 1), on) > 0


def test_teer_4_and_5_are_not_skilled() -> None:
    found = jobs({"start": "2024-01-01", "noc": "65201"})  # food counter attendants, TEER 5
    assert hours(found, date(2015, 1, 1), date(2025, 6, 1)) == 0


def test_future_jobs_do_not_count_yet() -> None:
    found = jobs({"start": "2027-01-01"})
    assert hours(found, date(2015, 1, 1), date(2026, 6, 1)) == 0


def test_a_gap_breaks_continuity_in_one_occupation() -> None:
    found = jobs(
        {"start": "2024-01-01", "end": "2024-06-30"}, {"start": "2024-09-01", "end": "2025-03-31"}
    )
    chosen = work.select(found, date(2026, 1, 1), teer=[0, 1, 2, 3])
    continuous, noc = work.longest_continuous_hours(chosen, date(2016, 1, 1), date(2026, 1, 1), CAP)
    total = work.full_time_equivalent_hours(chosen, date(2016, 1, 1), date(2026, 1, 1), CAP)
    assert noc == "21231"
    assert continuous < 1560 <= total
