"""What the Alberta Opportunity Stream reads from a profile: recent full-time work in the current occupation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from canpath.facts import Column, deriver
from canpath.params import Snapshot
from canpath.profile import Profile
from canpath.rules.federal.express_entry import work_experience as work
from canpath.rules.provinces.facts import current_job
from canpath.timeutil import add_months

REQUIREMENTS = "provinces.ab.aos.requirements"

COLUMNS = (
    Column("ab_aos_occupation", "object", "the AOS current occupation: the current Canadian job's NOC, else the job offer's", missing=""),
    Column("ab_aos_months_in_alberta", "float64", "full-time months in the current occupation in Alberta, in the Alberta window"),
    Column("ab_aos_months_anywhere", "float64", "full-time months in the current occupation anywhere, in the wider window"),
    Column("ab_aos_months_in_alberta_short", "float64", "full-time months in the current occupation in Alberta, in the PGWP window"),
)  # fmt: skip


def _months(
    profile: Profile,
    on: date,
    noc: str,
    window_months: int,
    alberta_only: bool,
    rules: Mapping[str, Any],
    snapshot: Snapshot,
) -> float:
    """Full-time (30 hours a week or more), paid, authorized months in one occupation inside a window."""
    skilled = snapshot.value(work.SKILLED_WORK)
    minimum = float(rules["work_experience"]["full_time_min_hours_per_week"])
    chosen = [
        period
        for period in work.select(
            profile.work,
            on,
            teer=range(6),
            exclude_student=True,
            exclude_unauthorized=True,
            nocs=[noc],
        )
        if period.hours_per_week >= minimum
        and (
            not alberta_only
            or (period.is_canadian and profile.work[period.job_index].province == "AB")
        )
    ]
    hours = work.full_time_equivalent_hours(
        chosen, add_months(on, -window_months), on, float(skilled["max_hours_per_week"])
    )
    return hours / (float(skilled["hours_per_year"]) / 12)


@deriver("ab_aos", COLUMNS)
def derive_aos(profile: Profile, on: date, snapshot: Snapshot) -> tuple[Mapping[str, Any], Any]:
    """Months of full-time work in the current occupation inside each AOS window."""
    job = current_job(profile.work, on)
    noc = job.noc if job else (profile.job_offer.noc if profile.job_offer else "")
    row = {
        "ab_aos_occupation": noc,
        "ab_aos_months_in_alberta": 0.0,
        "ab_aos_months_anywhere": 0.0,
        "ab_aos_months_in_alberta_short": 0.0,
    }
    if noc and snapshot.is_in_force(REQUIREMENTS):
        rules = snapshot.value(REQUIREMENTS)
        experience = rules["work_experience"]
        row["ab_aos_months_in_alberta"] = _months(
            profile, on, noc, int(experience["in_province"]["window_months"]), True, rules, snapshot
        )
        row["ab_aos_months_anywhere"] = _months(
            profile, on, noc, int(experience["anywhere"]["window_months"]), False, rules, snapshot
        )
        short = experience["pgwp_and_policy_open_permits"]
        row["ab_aos_months_in_alberta_short"] = _months(
            profile, on, noc, int(short["window_months"]), True, rules, snapshot
        )
    return row, None
