"""Cliffs: dates when something the person holds runs out or costs points, and when to act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from canpath.api import crs
from canpath.i18n import Message, msg
from canpath.params import RULES
from canpath.planner.projection import Projection
from canpath.profile import Profile
from canpath.rules.federal.express_entry.education import ECA_VALIDITY
from canpath.rules.federal.language import TEST_NAMES, convert
from canpath.timeutil import add_years

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Cliff:
    """A dated loss: what happens, the CRS points it costs (0 if none), and the day to act by."""

    day: date
    what: Message
    points_change: int
    act_by: date | None = None


def _change(profile: Profile, day: date) -> int:
    """CRS on `day` minus CRS the day before (the same projected profile)."""
    return crs(profile, day).total - crs(profile, day - ONE_DAY).total


def _age_points(profile: Profile, day: date) -> int:
    return next(f.points for f in crs(profile, day).parts["core"].factors if f.name == "age")


def cliffs(profile: Profile, projection: Projection, on: date, end: date) -> list[Cliff]:
    """Birthdays that cost points, expiring tests and ECAs, and permit expiry, within the horizon."""
    found: list[Cliff] = []
    birthday = add_years(profile.birth_date, on.year - profile.birth_date.year)
    if birthday <= on:
        birthday = add_years(birthday, 1)
    while birthday <= end:
        projected = projection.on(birthday)
        change = _age_points(projected, birthday) - _age_points(projected, birthday - ONE_DAY)
        if change < 0:
            age = birthday.year - profile.birth_date.year
            found.append(
                Cliff(birthday, msg("plan.cliff.birthday", age=age), change, birthday - ONE_DAY)
            )
        birthday = add_years(birthday, 1)
    for result in profile.languages:
        if result.taken is None:
            continue
        levels = convert(result.test, result.scores(), result.taken, on)
        if levels.expires is not None and on < levels.expires <= end:
            change = _change(projection.on(levels.expires), levels.expires)
            found.append(
                Cliff(
                    levels.expires,
                    msg("plan.cliff.test_expires", test=TEST_NAMES[result.test]),
                    change,
                    levels.expires - ONE_DAY,
                )
            )
    for credential in profile.education:
        if credential.eca and credential.eca_date is not None:
            expires = add_years(credential.eca_date, int(RULES.at(on).value(ECA_VALIDITY)["years"]))
            if on < expires <= end:
                change = _change(projection.on(expires), expires)
                found.append(
                    Cliff(
                        expires,
                        msg(
                            "plan.cliff.eca_expires",
                            level=msg(f"education_profile.{credential.level}"),
                        ),
                        change,
                        expires - ONE_DAY,
                    )
                )
    status = profile.in_canada
    if (
        status is not None
        and status.permit_expiry is not None
        and on <= status.permit_expiry <= end
    ):
        found.append(
            Cliff(
                status.permit_expiry,
                msg("plan.cliff.permit_expires", permit=status.permit or ""),
                0,
                status.permit_expiry - ONE_DAY,
            )
        )
    return sorted(found, key=lambda cliff: cliff.day)
