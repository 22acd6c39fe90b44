"""What a person's profile looks like on future dates along a route.

A projection never invents facts about the person: jobs they hold keep going, tests and ECAs
expire on their dates, and a route changes only what the route itself brings (a work permit
starts a Canadian job in the offered occupation; a nomination is added on the day it would be
issued). Work on a permit stops on the permit's expiry unless the route says it is renewable.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

from canpath.profile import InCanada, Job, LanguageResult, Nomination, Profile
from canpath.rules.federal.language import LanguageLevels, convert
from canpath.timeutil import add_months

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Projection:
    """A route's profiles: one before a change date, another from it on.

    With `renew` (the default for routes), a language result is retaken on the day it expires
    with the same levels, and an expired ECA is renewed: a route shows what the person can reach
    if they keep their documents current, while the cliffs show the dates and the points at stake.
    """

    before: Profile
    after: Profile | None = None
    change: date | None = None
    renew: bool = True

    def on(self, day: date) -> Profile:
        base = self.before
        if self.after is not None and self.change is not None and day >= self.change:
            base = self.after
        if not self.renew:
            return base
        return _renewed(base, day)


@functools.lru_cache(maxsize=1024)
def _as_taken(result: LanguageResult) -> LanguageLevels:
    """A result's levels and expiry, as on the day it was taken (cached: results are frozen)."""
    return convert(result.test, result.scores(), result.taken, result.taken or date.min)


def _renewed_languages(results: list[LanguageResult], day: date) -> list[LanguageResult] | None:
    """Results expired by `day`, replaced by the same levels retaken (None when none expired)."""
    renewed, changed = list(results), False
    for index, result in enumerate(results):
        if result.taken is None or result.taken > day:
            continue
        converted = _as_taken(result)
        if converted.expires is not None and converted.expires <= day:
            direct = "nclc" if result.language == "french" else "clb"
            renewed[index] = LanguageResult.model_validate({"test": direct, **converted.levels})
            changed = True
    return renewed if changed else None


def _renewed(profile: Profile, day: date) -> Profile:
    """The profile with tests retaken (same levels) and ECAs renewed once they expire by `day`."""
    update: dict[str, object] = {}
    languages = _renewed_languages(list(profile.languages), day)
    if languages is not None:
        update["languages"] = languages
    if any(c.eca_date is not None for c in profile.education):
        update["education"] = [c.model_copy(update={"eca_date": None}) for c in profile.education]
    if profile.spouse is not None:
        spouse_languages = _renewed_languages(list(profile.spouse.languages), day)
        if spouse_languages is not None:
            update["spouse"] = profile.spouse.model_copy(update={"languages": spouse_languages})
    return profile.model_copy(update=update) if update else profile


def _stop_canadian_work(jobs: list[Job], last_day: date) -> list[Job]:
    """Canadian jobs still running on `last_day` end then (no status to work after it)."""
    stopped = []
    for job in jobs:
        if (
            job.country == "CA"
            and (job.end is None or job.end > last_day)
            and job.start <= last_day
        ):
            job = job.model_copy(update={"end": last_day})
        stopped.append(job)
    return stopped


def stay_the_course(profile: Profile, on: date, renew: bool = True) -> Projection:
    """The person keeps their jobs; work in Canada stops when their permit expires."""
    status = profile.in_canada
    if status is not None and status.permit_expiry is not None and status.permit_expiry >= on:
        work = _stop_canadian_work(list(profile.work), status.permit_expiry)
        return Projection(profile.model_copy(update={"work": work}), renew=renew)
    return Projection(profile, renew=renew)


def with_work_permit(
    profile: Profile,
    start: date,
    permit: str,
    length_months: float | None,
    renewable: bool,
) -> Projection:
    """From `start`, the person works in Canada in the offered job on the permit the route gives.

    Jobs abroad that are still running end the day before; the offered job runs until the
    permit ends (or on, when it is renewable or has no set length).
    """
    offer = profile.job_offer
    if offer is None:
        return Projection(profile)
    expiry = None if length_months is None else add_months(start, int(length_months)) - ONE_DAY
    end = None if renewable or expiry is None else expiry
    work = [
        job.model_copy(update={"end": start - ONE_DAY})
        if job.country != "CA" and (job.end is None or job.end >= start) and job.start < start
        else job
        for job in profile.work
    ]
    work.append(
        Job(
            noc=offer.noc,
            title=offer.title,
            employer=offer.employer,
            country="CA",
            province=offer.province,
            region=offer.region,
            start=start,
            end=end,
            hours_per_week=offer.hours_per_week,
            permit=permit,
        )
    )
    status = InCanada(status="worker", permit=permit, permit_expiry=None if renewable else expiry)
    after = profile.model_copy(
        update={"work": work, "in_canada": status, "country_of_residence": "CA"}
    )
    return Projection(profile, after, start)


def with_nomination(
    projection: Projection, province: str, stream: str, enhanced: bool, issued: date
) -> Projection:
    """The route's profiles with a provincial nomination dated `issued` (it counts from then)."""
    nomination = Nomination(province=province, stream=stream, enhanced=enhanced, date=issued)

    def add(profile: Profile) -> Profile:
        return profile.model_copy(update={"provincial_nomination": nomination})

    after = add(projection.after) if projection.after is not None else None
    return Projection(add(projection.before), after, projection.change, projection.renew)
