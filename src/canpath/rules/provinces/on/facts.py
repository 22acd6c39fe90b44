"""What Ontario's streams read from a profile: tech-occupation experience, experience in the offer's
occupation, and whether the person is a recent Ontario graduate."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from canpath.facts import Column, deriver
from canpath.params import Snapshot
from canpath.profile import Profile
from canpath.programs import TRUE, UNKNOWN
from canpath.rules.federal.express_entry import work_experience as work
from canpath.rules.federal.express_entry.education import count_education
from canpath.rules.provinces.facts import POST_SECONDARY
from canpath.rules.provinces.occupations import list_membership
from canpath.timeutil import add_years

HCP = "provinces.on.hcp.requirements"
HCP_TECH = "provinces.on.hcp.tech_occupations"
FOREIGN_WORKER = "provinces.on.employer_job_offer.foreign_worker"
WORKFORCE = "provinces.on.workforce_priority.requirements"

COLUMNS = (
    Column("on_hcp_tech_months", "float64", "most full-time months in one listed tech occupation, HCP window"),
    Column("on_hcp_tech_months_possible", "float64", "the same, counting occupations whose listing is unknown"),
    Column("on_hcp_tech_noc", "object", "the listed tech occupation with the most months", missing=""),
    Column("on_hcp_skilled_months", "float64", "full-time months of skilled (TEER 0-3) work, HCP window"),
    Column("on_offer_noc_hours", "float64", "hours of paid full-time work in the job offer's occupation, Foreign Worker window"),
    Column("on_recent_graduate", "bool", "completed an Ontario post-secondary credential within the recent-graduate window"),
)  # fmt: skip


def _hcp(
    profile: Profile, on: date, snapshot: Snapshot, cap: float, per_month: float
) -> dict[str, Any]:
    """Skilled months and the most months in one tech-list occupation, inside the HCP windows."""
    found: dict[str, Any] = {
        "on_hcp_tech_months": 0.0,
        "on_hcp_tech_months_possible": 0.0,
        "on_hcp_tech_noc": "",
        "on_hcp_skilled_months": 0.0,
    }
    if not snapshot.is_in_force(HCP):
        return found
    experience = snapshot.value(HCP)["experience"]
    skilled = work.select(
        profile.work, on, teer=range(4), exclude_student=True, exclude_unauthorized=True
    )
    start = add_years(on, -int(experience["skilled_window_years"]))
    found["on_hcp_skilled_months"] = (
        work.full_time_equivalent_hours(skilled, start, on, cap) / per_month
    )
    by_noc = work.hours_by_occupation(
        skilled, add_years(on, -int(experience["primary_occupation_window_years"])), on, cap
    )
    listing = snapshot[HCP_TECH]
    for noc, hours in by_noc.items():
        listed, _ = list_membership(noc, listing)
        months = hours / per_month
        if listed == TRUE and months > found["on_hcp_tech_months"]:
            found["on_hcp_tech_months"], found["on_hcp_tech_noc"] = months, noc
        if listed in (TRUE, UNKNOWN):
            found["on_hcp_tech_months_possible"] = max(found["on_hcp_tech_months_possible"], months)
    return found


def _offer_hours(profile: Profile, on: date, snapshot: Snapshot, cap: float) -> float:
    """Full-time hours in the offer's occupation inside the Foreign Worker window."""
    offer = profile.job_offer
    if offer is None or not snapshot.is_in_force(FOREIGN_WORKER):
        return 0.0
    rule = snapshot.value(FOREIGN_WORKER)
    minimum = float(rule["job_offer"]["min_hours_per_week"])
    chosen = [
        period
        for period in work.select(
            profile.work,
            on,
            teer=range(6),
            exclude_student=True,
            exclude_unauthorized=True,
            nocs=[offer.noc],
        )
        if period.hours_per_week >= minimum
    ]
    return work.full_time_equivalent_hours(
        chosen, add_years(on, -int(rule["experience"]["window_years"])), on, cap
    )


def _recent_graduate(profile: Profile, on: date, snapshot: Snapshot) -> bool:
    """An Ontario post-secondary credential completed inside the recent-graduate window."""
    if not snapshot.is_in_force(WORKFORCE):
        return False
    since = add_years(on, -int(snapshot.value(WORKFORCE)["recent_ontario_graduate_window_years"]))
    counted = count_education(profile.education, on, snapshot).counted
    return any(
        credential.is_canadian and credential.province == "ON" and credential.level in POST_SECONDARY
        and credential.completed is not None and credential.completed >= since
        for credential in (profile.education[index] for index in counted)
    )  # fmt: skip


@deriver("ontario", COLUMNS)
def derive_ontario(profile: Profile, on: date, snapshot: Snapshot) -> tuple[Mapping[str, Any], Any]:
    """Derive Ontario's columns for one profile (zeros where a stream is not in force)."""
    skilled = snapshot.value(work.SKILLED_WORK)
    cap, per_month = float(skilled["max_hours_per_week"]), float(skilled["hours_per_year"]) / 12
    row = _hcp(profile, on, snapshot, cap, per_month)
    row["on_offer_noc_hours"] = _offer_hours(profile, on, snapshot, cap)
    row["on_recent_graduate"] = _recent_graduate(profile, on, snapshot)
    return row, None
