"""Facts many programs read as they are: the job offer, citizenships, status in Canada."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from canpath.facts import Column, deriver
from canpath.params import Snapshot
from canpath.profile import Profile

COLUMNS = (
    Column("job_offer_noc", "object", "NOC 2021 code of the job offer ('' when none)", missing=""),
    Column("job_offer_title", "object", "job title of the offer ('' when none)", missing=""),
    Column("job_offer_employer", "object", "employer of the offer ('' when none)", missing=""),
    Column("job_offer_province", "object", "province of the offer ('' when none or not given)", missing=""),
    Column("job_offer_annual_salary_cad", "float64", "annual salary of the offer (NaN when not given)", missing=float("nan")),
    Column("job_offer_hourly_wage_cad", "float64", "hourly wage of the offer, given or derived from salary and hours (NaN when unknown)", missing=float("nan")),
    Column("job_offer_lmia", "object", "none | approved | exempt ('' when no offer)", missing=""),
    Column("citizenships", "object", "tuple of ISO alpha-2 citizenship codes", missing=()),
    Column("in_canada_status", "object", "worker | student | visitor | none ('' when not in Canada)", missing=""),
    Column("in_canada_permit", "object", "permit type held in Canada ('' when none)", missing=""),
    Column("permit_expiry", "object", "permit expiry date (None when none)", missing=None),
)  # fmt: skip

WEEKS_PER_YEAR = 52  # calendar fact used to turn a salary into an hourly wage


@deriver("common", COLUMNS)
def derive_common(profile: Profile, on: date, snapshot: Snapshot) -> tuple[Mapping[str, Any], Any]:
    """Copy the facts programs read directly from the profile."""
    offer = profile.job_offer
    hourly = float("nan")
    if offer is not None:
        if offer.hourly_wage_cad is not None:
            hourly = offer.hourly_wage_cad
        elif offer.annual_salary_cad is not None:
            hourly = offer.annual_salary_cad / (offer.hours_per_week * WEEKS_PER_YEAR)
    in_canada = profile.in_canada
    row = {
        "job_offer_noc": offer.noc if offer else "",
        "job_offer_title": (offer.title or "") if offer else "",
        "job_offer_employer": (offer.employer or "") if offer else "",
        "job_offer_province": (offer.province or "") if offer else "",
        "job_offer_annual_salary_cad": offer.annual_salary_cad
        if offer and offer.annual_salary_cad is not None
        else float("nan"),
        "job_offer_hourly_wage_cad": hourly,
        "job_offer_lmia": offer.lmia if offer else "",
        "citizenships": tuple(profile.citizenships),
        "in_canada_status": in_canada.status if in_canada else "",
        "in_canada_permit": (in_canada.permit or "") if in_canada else "",
        "permit_expiry": in_canada.permit_expiry if in_canada else None,
    }
    return row, None
