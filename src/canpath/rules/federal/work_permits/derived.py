"""What the work-permit rules read from a profile on a date, derived once per person.

Offer facts (region, hours, employer statements on the offer) and person facts (status in the
United States, credentials in CUSMA's terms, experience in the offer's field, a Canadian credential
for the PGWP, a spouse who could come). Credentials are named in CUSMA's vocabulary:
`baccalaureate_or_licenciatura` (a completed bachelor's, master's, professional or doctoral
degree, from any country), `licenciatura` (such a degree from Mexico), and
`post_secondary_diploma_or_certificate` (a completed program of two years or more from Canada or
the United States, or Mexico). No Educational Credential Assessment is needed for work permits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from canpath.facts import Column, deriver
from canpath.params import Snapshot
from canpath.profile import Education, Job, Profile
from canpath.rules.federal.express_entry import work_experience as work
from canpath.timeutil import add_years

NAN = float("nan")
ICT = "federal.imp.intra_company_transferees"
DEGREES = ("bachelors", "masters", "professional", "doctoral")
ORDER = (
    "less_than_secondary",
    "secondary",
    "one_year",
    "two_year",
    "three_year",
    "bachelors",
    "two_or_more",
    "masters",
    "professional",
    "doctoral",
)
DIPLOMA_COUNTRIES = ("CA", "US", "MX")
DIPLOMA_MIN_YEARS = 2  # CUSMA Appendix 2 definitions: two or more years of post-secondary study
EARLIEST = date(1900, 1, 1)
DAYS_PER_MONTH = 365.25 / 12  # calendar average, to express a stretch of days in months


@dataclass(frozen=True)
class Credential:
    """One completed credential as the work-permit rules see it."""

    level: str
    field: str
    country: str
    completed: date
    length_years: float
    pgwp_eligible_program: bool | None


def _tri(value: bool | None) -> int:
    return -1 if value is None else int(value)


def completed_credentials(education: Sequence[Education], on: date) -> list[Credential]:
    """Credentials completed by the date, highest level first."""
    found = [
        _as_credential(item)
        for item in education
        if item.completed is not None and item.completed <= on
    ]
    return sorted(found, key=lambda c: (ORDER.index(c.level), c.completed), reverse=True)


def _as_credential(item: Education) -> Credential:
    return Credential(
        item.level,
        item.field or "",
        item.country,
        item.completed or date.max,
        item.length_years,
        item.pgwp_eligible_program,
    )


def cusma_credentials(credentials: Sequence[Credential]) -> frozenset[str]:
    """The CUSMA credential types the completed credentials amount to."""
    held: set[str] = set()
    for item in credentials:
        if item.level in DEGREES:
            held.add("baccalaureate_or_licenciatura")
            if item.country == "MX":
                held.add("licenciatura")
        elif (
            item.level in ("two_year", "three_year")
            and item.country in DIPLOMA_COUNTRIES
            and item.length_years >= DIPLOMA_MIN_YEARS
        ):
            held.add("post_secondary_diploma_or_certificate")
    return frozenset(held)


def field_experience_years(jobs: Sequence[Job], noc: str, on: date, snapshot: Snapshot) -> float:
    """Full-time-equivalent years of paid work, anywhere, in the offer's NOC minor group."""
    if not noc:
        return 0.0
    rules = snapshot.value(work.SKILLED_WORK)
    chosen = [p for p in work.periods(jobs, on) if p.noc[:4] == noc[:4]]
    hours = work.full_time_equivalent_hours(chosen, EARLIEST, on, rules["max_hours_per_week"])
    return hours / float(rules["hours_per_year"])


def longest_foreign_full_time_months(jobs: Sequence[Job], on: date, snapshot: Snapshot) -> float:
    """The longest continuous full-time stretch with one foreign employer inside the ICT window.

    Jobs with the same employer name that follow each other without a gap form one stretch
    (canpath's reading of "continuous full-time employment with the foreign enterprise").
    """
    rule = snapshot.value(ICT)["prior_employment"]
    start = add_years(on, -int(rule["within_years"]))
    stretches: dict[str, list[tuple[date, date]]] = {}
    for index, job in enumerate(jobs):
        if (
            job.country == "CA"
            or job.hours_per_week < rule["full_time_hours_per_week"]
            or not job.paid
        ):
            continue
        first, last = max(job.start, start), min(job.end or on, on)
        if first <= last:
            stretches.setdefault((job.employer or f"#{index}").lower(), []).append((first, last))
    best = 0.0
    for spans in stretches.values():
        spans.sort()
        run_start, run_end = spans[0]
        for first, last in spans[1:]:
            if (first - run_end).days > 1:
                best = max(best, _months(run_start, run_end))
                run_start, run_end = first, last
            else:
                run_end = max(run_end, last)
        best = max(best, _months(run_start, run_end))
    return best


def _months(start: date, end: date) -> float:
    """Months from `start` to `end`, both days worked."""
    return ((end - start).days + 1) / DAYS_PER_MONTH


def principal_noc(profile: Profile, on: date) -> str:
    """The occupation the person works in, or will: the offer's, else the current Canadian job's."""
    if profile.job_offer is not None:
        return profile.job_offer.noc
    current = [
        j
        for j in profile.work
        if j.country == "CA" and (j.end is None or j.end >= on) and j.start <= on
    ]
    return current[0].noc if current else ""


def offer_or_current_job_noc(profile: Profile, on: date) -> str:
    """The occupation of the offer, else of a job held on the date in any country."""
    if profile.job_offer is not None:
        return profile.job_offer.noc
    current = [j for j in profile.work if (j.end is None or j.end >= on) and j.start <= on]
    return current[0].noc if current else ""


OFFER_COLUMNS = (
    Column("job_offer_region", "object", "economic region of the offer as written ('' when none)", missing=""),
    Column("job_offer_city", "object", "city of the offer ('' when none)", missing=""),
    Column("job_offer_hours_per_week", "float64", "weekly hours of the offer (NaN when no offer)", missing=NAN),
    Column("job_offer_given_prevailing_wage_cad", "float64", "prevailing hourly wage stated on the offer (NaN when not)", missing=NAN),
    Column("gts_referral_partner", "object", "designated referral partner named on the offer ('' when none)", missing=""),
    Column("gts_category_a_prior_positions", "int16", "Category A positions the employer requested earlier this year (-1 unknown)", missing=-1),
    Column("gts_subset_condition_met", "int8", "the position meets a GTS subset condition (1 yes, 0 no, -1 unknown)", missing=-1),
    Column("ict_transfer", "int8", "the offer is an intra-company transfer (1 yes, 0 no, -1 unknown)", missing=-1),
    Column("ict_capacity", "object", "executive | manager | specialized_knowledge | startup ('' unknown)", missing=""),
)  # fmt: skip
PERSON_COLUMNS = (
    Column("assessment_date", "object", "the day this row is assessed on (rows may differ in the planner)", missing=None),
    Column("us_status", "object", "status in the United States ('' when not given)", missing=""),
    Column("country_of_residence", "object", "ISO code of the country of residence ('' when not given)", missing=""),
    Column("highest_credential", "object", "highest completed credential (Credential) or None", missing=None),
    Column("cusma_credentials", "object", "CUSMA credential types held (frozenset)", missing=frozenset()),
    Column("licences", "object", "professional licences: frozenset of (kind, profession)", missing=frozenset()),
    Column("offer_field_experience_years", "float64", "years of work in the offer's NOC minor group", missing=0.0),
    Column("foreign_full_time_months", "float64", "longest continuous full-time months with one foreign employer in the ICT window", missing=0.0),
    Column("latest_canadian_credential", "object", "most recent completed Canadian credential (Credential) or None", missing=None),
    Column("current_canadian_study", "object", "unfinished Canadian program (Credential, completed = expected end) or None", missing=None),
    Column("has_held_pgwp", "bool", "holds or held a post-graduation work permit"),
    Column("spouse_can_accompany", "bool", "a spouse or partner who would come and is not a citizen or PR"),
    Column("principal_noc", "object", "NOC of the offer, else of the current Canadian job ('' none)", missing=""),
    Column("offer_or_current_job_noc", "object", "NOC of the offer, else of the current job anywhere ('' none)", missing=""),
    Column("is_studying", "bool", "enrolled in a program not yet completed on the date"),
    Column("funds_available_cad", "float64", "funds available (NaN when not given)", missing=NAN),
)  # fmt: skip


@deriver("work_permit_offer", OFFER_COLUMNS)
def derive_offer(profile: Profile, on: date, snapshot: Snapshot) -> tuple[Mapping[str, Any], Any]:
    """Copy what the work-permit rules read from the job offer."""
    offer = profile.job_offer
    if offer is None:
        return {column.name: column.missing for column in OFFER_COLUMNS}, None
    prior = offer.gts_category_a_prior_positions_this_year
    row = {
        "job_offer_region": offer.region or "",
        "job_offer_city": offer.city or "",
        "job_offer_hours_per_week": offer.hours_per_week,
        "job_offer_given_prevailing_wage_cad": offer.prevailing_wage_hourly_cad
        if offer.prevailing_wage_hourly_cad is not None
        else NAN,
        "gts_referral_partner": offer.gts_referral_partner or "",
        "gts_category_a_prior_positions": -1 if prior is None else prior,
        "gts_subset_condition_met": _tri(offer.gts_subset_condition_met),
        "ict_transfer": _tri(offer.intra_company_transfer),
        "ict_capacity": offer.ict_capacity or "",
    }
    return row, None


@deriver("work_permit_person", PERSON_COLUMNS)
def derive_person(profile: Profile, on: date, snapshot: Snapshot) -> tuple[Mapping[str, Any], Any]:
    """Derive what the work-permit rules read about the person on the date."""
    credentials = completed_credentials(profile.education, on)
    canadian = [
        c
        for c in credentials
        if c.country == "CA" and c.level not in ("less_than_secondary", "secondary")
    ]
    studying = [
        e
        for e in profile.education
        if e.country == "CA" and (e.completed is None or e.completed > on)
    ]
    spouse = profile.spouse
    permits = [j.permit for j in profile.work] + [
        profile.in_canada.permit if profile.in_canada else None
    ]
    row = {
        "assessment_date": on,
        "us_status": profile.us_status or "",
        "country_of_residence": profile.country_of_residence or "",
        "highest_credential": credentials[0] if credentials else None,
        "cusma_credentials": cusma_credentials(credentials),
        "licences": frozenset(
            (item.kind, (item.profession or "").lower()) for item in profile.licences
        ),
        "offer_field_experience_years": field_experience_years(
            profile.work, profile.job_offer.noc if profile.job_offer else "", on, snapshot
        ),
        "foreign_full_time_months": longest_foreign_full_time_months(profile.work, on, snapshot),
        "latest_canadian_credential": max(canadian, key=lambda c: c.completed)
        if canadian
        else None,
        "current_canadian_study": _as_credential(studying[0]) if studying else None,
        "has_held_pgwp": "pgwp" in permits,
        "spouse_can_accompany": bool(
            spouse
            and spouse.accompanying
            and not spouse.canadian_citizen_or_pr
            and profile.marital_status in ("married", "common_law")
        ),
        "principal_noc": principal_noc(profile, on),
        "offer_or_current_job_noc": offer_or_current_job_noc(profile, on),
        "is_studying": any(e.completed is None or e.completed > on for e in profile.education),
        "funds_available_cad": profile.funds_cad if profile.funds_cad is not None else NAN,
    }
    return row, None
