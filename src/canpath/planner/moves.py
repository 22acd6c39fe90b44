"""What-if moves: changes a person can make, each re-scored through the engine, never estimated.

For each move the profile is changed as the move says (a better test result, French at NCLC 7,
the spouse's test, an ECA for a credential that lacks one, a year more of work, an enhanced
nomination), then the same rules score it and the rounds model gives the expected wait.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from canpath.i18n import Message, msg
from canpath.planner.chances import model_date, monthly_rate
from canpath.planner.projection import Projection
from canpath.planner.timeline import Month, evaluate, round_type_programs
from canpath.profile import LanguageResult, Nomination, Profile
from canpath.rules.federal.language import ABILITIES, convert, language_of
from canpath.timeutil import add_months


@dataclass(frozen=True)
class Move:
    """A move, the CRS before and after, and the expected months to an invitation before and after."""

    id: str
    what: Message
    crs_before: int
    crs_after: int
    months_before: float | None
    months_after: float | None

    @property
    def points_gain(self) -> int:
        return self.crs_after - self.crs_before


def _with_levels(
    profile: Profile, test: str, floor: int, on: date, who: str = "person"
) -> Profile | None:
    """The profile with a new result at least `floor` in every ability (None when nothing gains)."""
    holder = profile if who == "person" else profile.spouse
    if holder is None:
        return None
    language = language_of(test)
    best = dict.fromkeys(ABILITIES, 0)
    for result in holder.languages:
        if result.language == language:
            levels = convert(result.test, result.scores(), result.taken, on)
            if levels.is_valid:
                best = {a: max(best[a], levels.levels[a]) for a in ABILITIES}
    if all(best[a] >= floor for a in ABILITIES):
        return None
    result = LanguageResult.model_validate(
        {"test": test, **{a: max(floor, best[a]) for a in ABILITIES}}
    )
    updated = [*holder.languages, result]
    if who == "person":
        return profile.model_copy(update={"languages": updated})
    return profile.model_copy(update={"spouse": holder.model_copy(update={"languages": updated})})


def _province(profile: Profile) -> str:
    """Where a nomination would most plausibly come from (it does not change the CRS)."""
    offer = profile.job_offer
    canadian = [job.province for job in profile.work if job.country == "CA" and job.province]
    return (
        profile.intended_province
        or (offer.province if offer and offer.province else None)
        or (canadian[-1] if canadian else "ON")
    )


def _a_year_on(profile: Profile) -> Profile:
    """The same person a year on, having renewed their tests and ECAs with the same results."""

    def later(day: date | None) -> date | None:
        return None if day is None else add_months(day, 12)

    languages = [r.model_copy(update={"taken": later(r.taken)}) for r in profile.languages]
    education = [c.model_copy(update={"eca_date": later(c.eca_date)}) for c in profile.education]
    return profile.model_copy(update={"languages": languages, "education": education})


def _candidates(
    profile: Profile, on: date
) -> list[tuple[str, Message, Callable[[], Profile | None], date]]:
    spouse_scored = profile.has_scored_spouse
    missing_eca = [i for i, c in enumerate(profile.education) if c.country != "CA" and not c.eca]
    return [
        ("english_clb9", msg("plan.move.english", level=9), lambda: _with_levels(profile, "clb", 9, on), on),
        ("english_clb10", msg("plan.move.english", level=10), lambda: _with_levels(profile, "clb", 10, on), on),
        ("french_nclc7", msg("plan.move.french", level=7), lambda: _with_levels(profile, "nclc", 7, on), on),
        ("spouse_clb9", msg("plan.move.spouse_english", level=9), lambda: _with_levels(profile, "clb", 9, on, "spouse") if spouse_scored else None, on),
        ("eca", msg("plan.move.eca"), lambda: profile.model_copy(update={"education": [c.model_copy(update={"eca": True}) if i in missing_eca else c for i, c in enumerate(profile.education)]}) if missing_eca else None, on),
        ("one_more_year", msg("plan.move.one_more_year"), lambda: _a_year_on(profile), add_months(on, 12)),
        ("nomination", msg("plan.move.nomination"), lambda: None if profile.provincial_nomination else profile.model_copy(update={"provincial_nomination": Nomination(province=_province(profile), enhanced=True, date=on)}), on),
    ]  # fmt: skip


def _wait(month: Month, model_on: date) -> float | None:
    rate = monthly_rate(month.crs, month.round_types, model_on) if month.in_pool else 0.0
    return 1.0 / rate if rate > 0 else None


def moves(profile: Profile, projection: Projection, on: date) -> list[Move]:
    """Every move that applies to the person, best gain first."""
    model_on = model_date(on)
    pool = round_type_programs()
    today = evaluate(projection, [on], only=pool)[0]
    before = _wait(today, model_on)
    found = []
    for move_id, what, build, day in _candidates(projection.on(on), on):
        changed = build()
        if changed is None:
            continue
        after_month = evaluate(Projection(changed), [day], only=pool)[0]
        found.append(
            Move(move_id, what, today.crs, after_month.crs, before, _wait(after_month, model_on))
        )
    return sorted(found, key=lambda move: -move.points_gain)
