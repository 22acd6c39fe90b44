"""`plan(profile, on, months)`: every credible route to permanent residence, ranked (see the package)."""

from __future__ import annotations

from datetime import date

from canpath.api import ProfileLike, as_profile, assess, resolve_date
from canpath.i18n import msg
from canpath.params import RULES
from canpath.planner.chances import model_date
from canpath.planner.cliffs import cliffs
from canpath.planner.moves import moves
from canpath.planner.projection import stay_the_course
from canpath.planner.result import Plan
from canpath.planner.routes import all_routes
from canpath.rules.federal.express_entry.crs.score import parameters_used
from canpath.timeutil import add_months

__all__ = ["MAX_MONTHS", "plan"]

MAX_MONTHS = 120


def plan(profile: ProfileLike, on: date | str | None = None, months: int = 36) -> Plan:
    """Every credible route to permanent residence over `months` months from `on`, ranked."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be between 1 and {MAX_MONTHS}")
    person = as_profile(profile)
    day = resolve_date(on)
    today = assess(person, day)
    end = add_months(day, months)
    routes = all_routes(person, day, months, today)
    as_held = stay_the_course(person, day, renew=False)
    fitted = model_date(day)
    notes = []
    if fitted < day:
        notes.append(msg("plan.note.rounds_end", last=fitted.isoformat()))
    last_change = RULES.change_dates()[-1]
    if end > last_change:
        notes.append(msg("plan.note.latest_rules", last=last_change.isoformat()))
    return Plan(
        on=day,
        months=months,
        routes=routes,
        cliffs=cliffs(person, as_held, day, end),
        moves=moves(person, stay_the_course(person, day), day),
        crs_today=today.crs.total,
        model_on=fitted,
        warnings=RULES.at(day).warnings(parameters_used()),
        notes=notes,
        profile_id=person.id,
    )
