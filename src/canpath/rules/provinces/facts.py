"""What provincial streams read from a profile on a date: the current job, credentials, work by province.

The current job is the Canadian job held on the date (the latest started, if several). Work
months are full-time-equivalent months (hours capped at 30 a week, a month being a twelfth of
1,560 hours), paid, excluding work while a full-time student and unauthorized work in Canada.
Sets are held as frozensets (NumPy would unpack a tuple into a second axis).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from canpath.facts import Column, deriver
from canpath.params import Snapshot
from canpath.profile import Job, Profile
from canpath.rules.federal.express_entry import work_experience as work
from canpath.rules.federal.express_entry.education import count_education
from canpath.rules.provinces.common import normalize

SKILLED_WORK = work.SKILLED_WORK
PROFILE_LEVELS = (
    "less_than_secondary", "secondary", "one_year", "two_year", "three_year",
    "bachelors", "two_or_more", "masters", "professional", "doctoral",
)  # fmt: skip
PROFILE_LEVEL_CODE = {name: code for code, name in enumerate(PROFILE_LEVELS)}
POST_SECONDARY = set(PROFILE_LEVELS[2:])

COLUMNS = (
    Column("current_job_noc", "object", "NOC of the Canadian job held on the date ('' when none)", missing=""),
    Column("current_job_province", "object", "province of the current job ('' when none or not given)", missing=""),
    Column("current_job_region", "object", "region of the current job as written ('' when not given)", missing=""),
    Column("current_job_hours_per_week", "float64", "weekly hours of the current job (0 when none)"),
    Column("current_job_months", "float64", "full-time-equivalent months in the current job up to the date"),
    Column("offer_noc_months", "float64", "full-time-equivalent months of paid work in the job offer's occupation, anywhere, ever"),
    Column("offer_noc_months_in_canada", "float64", "the same months, in Canada only"),
    Column("offer_is_with_current_employer", "int8", "the job offer is from the current employer: 1 yes, 0 no, -1 unknown"),
    Column("credential_level", "int8", "highest counted credential as a profile level code (-1 none)"),
    Column("credential_place", "object", "where the highest counted credential was earned: a province, CA (province not given), abroad, or ''", missing=""),
    Column("canadian_credential_places", "object", "provinces (or CA) of the counted Canadian post-secondary credentials", missing=frozenset()),
    Column("canadian_credential_count", "int8", "number of counted Canadian post-secondary credentials"),
    Column("work_months_total", "float64", "full-time-equivalent months of paid work anywhere, ever"),
    Column("canadian_work_months", "object", "full-time-equivalent months of authorized work in Canada by province ('' = not given)", missing={}),
    Column("canadian_work_regions", "object", "PROVINCE:region of each Canadian job (region normalized, empty when not given)", missing=frozenset()),
    Column("permit_held", "object", "valid permit on the date: work, study or ''", missing=""),
    Column("earnings_by_year", "object", "employment income in Canada by tax year", missing={}),
    Column("close_family_provinces", "object", "provinces where a parent, child or sibling (18+, citizen or PR) lives", missing=frozenset()),
    Column("offer_region", "object", "region of the job offer as written ('' when not given)", missing=""),
    Column("offer_city", "object", "city of the job offer ('' when not given)", missing=""),
    Column("offer_hours_per_week", "float64", "weekly hours of the job offer (NaN when none)", missing=float("nan")),
    Column("offer_is_permanent", "bool", "the job offer has no end date"),
    Column("offer_duration_months", "float64", "length of a fixed-term offer in months (NaN when permanent or none)", missing=float("nan")),
    Column("offer_start", "object", "start date of the job offer (None when not given)", missing=None),
    Column("offer_in_tech_industry", "int8", "employer's primary business is in a tech industry: 1 yes, 0 no, -1 not given"),
    Column("offer_prevailing_wage_cad", "float64", "prevailing (median) hourly wage for the offer, if given", missing=float("nan")),
    Column("intended_province", "object", "province the person plans to live in ('' when not given)", missing=""),
)  # fmt: skip


def current_job(jobs: list[Job], on: date) -> Job | None:
    """The Canadian job held on the date; the latest started if several."""
    held = [
        job
        for job in jobs
        if job.country == "CA" and job.start <= on and (job.end is None or job.end >= on)
    ]
    return max(held, key=lambda job: (job.start, job.hours_per_week)) if held else None


def _tristate(value: bool | None) -> int:
    """An optional yes/no answer as 1, 0 or -1 (not given)."""
    return -1 if value is None else int(value)


def _with_current_employer(profile: Profile, job: Job | None) -> int:
    """Whether the offer comes from the employer of the current job (1, 0, -1 unknown)."""
    offer = profile.job_offer
    if offer is None or job is None:
        return 0
    if offer.is_current_employer is not None:
        return int(offer.is_current_employer)
    if offer.employer and job.employer:
        return int(offer.employer.strip().lower() == job.employer.strip().lower())
    return -1


def _credentials(profile: Profile, on: date, snapshot: Snapshot) -> tuple[int, str, list[str]]:
    """The highest counted credential, where it was earned, and the Canadian post-secondary places."""
    counted = [
        profile.education[index]
        for index in count_education(profile.education, on, snapshot).counted
    ]
    if not counted:
        return -1, "", []
    best = max(counted, key=lambda credential: PROFILE_LEVEL_CODE[credential.level])
    place: str = (best.province or "CA") if best.is_canadian else "abroad"
    canadian: list[str] = [
        (c.province or "CA") for c in counted if c.is_canadian and c.level in POST_SECONDARY
    ]
    return PROFILE_LEVEL_CODE[best.level], place, canadian


def _work_months(
    profile: Profile, on: date, cap: float, per_month: float
) -> tuple[float, dict[str, float]]:
    """Months of work ever, and months of Canadian work by province."""
    every = work.select(
        profile.work, on, teer=range(6), exclude_student=True, exclude_unauthorized=True
    )
    total = work.full_time_equivalent_hours(every, date.min, on, cap) / per_month
    by_province: dict[str, list[work.Period]] = {}
    for period in every:
        if period.is_canadian:
            by_province.setdefault(profile.work[period.job_index].province or "", []).append(period)
    months = {
        place: work.full_time_equivalent_hours(chosen, date.min, on, cap) / per_month
        for place, chosen in by_province.items()
    }
    return total, months


def _permit(profile: Profile, on: date) -> str:
    """The kind of permit held on the date (work, study or none)."""
    status = profile.in_canada
    if (
        status is None
        or status.permit is None
        or (status.permit_expiry is not None and status.permit_expiry < on)
    ):
        return ""
    return "study" if status.permit == "study" else "work"


@deriver("provincial", COLUMNS)
def derive_provincial(
    profile: Profile, on: date, snapshot: Snapshot
) -> tuple[Mapping[str, Any], Any]:
    """Derive the columns provincial streams share, for one profile."""
    skilled = snapshot.value(SKILLED_WORK)
    cap, per_month = float(skilled["max_hours_per_week"]), float(skilled["hours_per_year"]) / 12
    job = current_job(profile.work, on)
    job_months = 0.0
    if job is not None:
        held = work.periods([job], on)
        job_months = work.full_time_equivalent_hours(held, job.start, on, cap) / per_month
    level, place, canadian = _credentials(profile, on, snapshot)
    total, by_province = _work_months(profile, on, cap, per_month)
    offer = profile.job_offer
    in_occupation = (
        work.select(
            profile.work,
            on,
            teer=range(6),
            exclude_student=True,
            exclude_unauthorized=True,
            nocs=[offer.noc],
        )
        if offer
        else []
    )
    row = {
        "offer_noc_months": work.full_time_equivalent_hours(in_occupation, date.min, on, cap)
        / per_month,
        "offer_noc_months_in_canada": work.full_time_equivalent_hours(
            [p for p in in_occupation if p.is_canadian], date.min, on, cap
        )
        / per_month,
        "current_job_noc": job.noc if job else "",
        "current_job_province": (job.province or "") if job else "",
        "current_job_region": (job.region or "") if job else "",
        "current_job_hours_per_week": job.hours_per_week if job else 0.0,
        "current_job_months": job_months,
        "offer_is_with_current_employer": _with_current_employer(profile, job),
        "credential_level": level,
        "credential_place": place,
        "canadian_credential_places": frozenset(canadian),
        "canadian_credential_count": len(canadian),
        "work_months_total": total,
        "canadian_work_months": by_province,
        "canadian_work_regions": frozenset(
            f"{j.province or ''}:{normalize(j.region or '')}"
            for j in profile.work
            if j.country == "CA" and j.start <= on
        ),
        "permit_held": _permit(profile, on),
        "earnings_by_year": {item.year: item.amount_cad for item in profile.canadian_earnings},
        "close_family_provinces": frozenset(profile.close_family_in_provinces),
        "offer_region": (offer.region or "") if offer else "",
        "offer_city": (offer.city or "") if offer else "",
        "offer_hours_per_week": offer.hours_per_week if offer else float("nan"),
        "offer_is_permanent": bool(offer and offer.permanent),
        "offer_duration_months": float(offer.duration_months)
        if offer and not offer.permanent and offer.duration_months
        else float("nan"),
        "offer_start": offer.start if offer else None,
        "offer_in_tech_industry": _tristate(offer.employer_in_tech_industry) if offer else 0,
        "offer_prevailing_wage_cad": offer.prevailing_wage_hourly_cad
        if offer and offer.prevailing_wage_hourly_cad is not None
        else float("nan"),
        "intended_province": profile.intended_province or "",
    }
    return row, None
