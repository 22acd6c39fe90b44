"""What the FSW, CEC and FST eligibility rules read from a profile on a date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from canpath.facts import Column, deriver
from canpath.params import Snapshot
from canpath.profile import Profile
from canpath.rules.federal.express_entry import work_experience as work
from canpath.rules.federal.express_entry.derived import (
    choose_languages,
    is_valid_offer,
)
from canpath.rules.federal.express_entry.education import has_two_years_canadian_study
from canpath.rules.registry import rule
from canpath.timeutil import add_years

FSW_MINIMUMS = "federal.express_entry.fsw.minimums"
FSW_GRID_WORK = "federal.express_entry.fsw.grid.work_experience"
CEC_MINIMUMS = "federal.express_entry.cec.minimums"
FST_MINIMUMS = "federal.express_entry.fst.minimums"
FST_TRADES = "federal.express_entry.fst.trade_occupations"
SKILLED_WORK = work.SKILLED_WORK


@rule(uses=(FST_TRADES,))
def is_trade(noc: str, snapshot: Snapshot) -> bool:
    """Whether a NOC 2021 code is in a Federal Skilled Trades group."""
    groups = snapshot.value(FST_TRADES)
    return any(noc.startswith(p) for p in groups["prefixes"]) and not any(
        noc.startswith(p) for p in groups["excluded_prefixes"]
    )


@dataclass(frozen=True)
class EligibilityDetail:
    """Hours behind the eligibility columns, for explanations."""

    fsw_occupation: str | None
    cec_hours_by_teer: dict[int, float]
    family_size_derived: bool


COLUMNS = (
    Column("fsw_continuous_hours", "float64", "most hours in one unbroken stretch of one skilled occupation, last 10 years"),
    Column("fsw_grid_work_years", "int8", "whole years of skilled work in the last 10 years, anywhere"),
    Column("cec_hours_teer_0_1", "float64", "authorized skilled Canadian hours in TEER 0-1, last 3 years"),
    Column("cec_hours_teer_2_3", "float64", "authorized skilled Canadian hours in TEER 2-3, last 3 years"),
    Column("fst_trade_hours", "float64", "hours in a skilled trade in the last 5 years"),
    Column("has_valid_job_offer", "bool", "a valid job offer (full-time, a year or more, LMIA or LMIA-exempt)"),
    Column("has_fst_job_offer", "bool", "a valid job offer in a skilled trade"),
    Column("is_authorized_to_work", "bool", "holds a valid work permit in Canada on the date"),
    Column("funds_cad", "float64", "settlement funds in CAD (NaN when not given)", missing=float("nan")),
    Column("family_size", "int16", "family members counted for proof of funds"),
    Column("spouse_min_clb", "int8", "the accompanying spouse's lowest level in their better language"),
    Column("has_canadian_study", "bool", "two academic years or more of full-time study in Canada"),
    Column("spouse_has_canadian_study", "bool", "the spouse has two years or more of full-time study in Canada"),
    Column("relative_in_canada", "int8", "a relative 18+ who is a citizen or PR in Canada: 1 yes, 0 no, -1 not given"),
)  # fmt: skip


@deriver("express_entry_eligibility", COLUMNS)
def derive_eligibility(
    profile: Profile, on: date, snapshot: Snapshot
) -> tuple[Mapping[str, Any], Any]:
    """Derive the eligibility columns for one profile."""
    skilled = snapshot.value(SKILLED_WORK)
    cap, teer = skilled["max_hours_per_week"], skilled["skilled_teer"]
    fsw = snapshot.value(FSW_MINIMUMS)
    ten_years_ago = add_years(on, -int(fsw["window_years"]))
    any_skilled = work.select(profile.work, on, teer=teer)
    continuous, occupation = work.longest_continuous_hours(any_skilled, ten_years_ago, on, cap)
    grid_window = add_years(on, -int(snapshot.value(FSW_GRID_WORK)["window_years"]))
    grid_hours = work.full_time_equivalent_hours(any_skilled, grid_window, on, cap)

    cec = snapshot.value(CEC_MINIMUMS)
    three_years_ago = add_years(on, -int(cec["window_years"]))
    cec_hours = {}
    for level in teer:
        chosen = work.select(
            profile.work, on, teer=[level], location="canada",
            exclude_student=cec["excludes_full_time_student"],
            exclude_self_employed=cec["excludes_self_employed"],
            exclude_unauthorized=cec["excludes_unauthorized"],
        )  # fmt: skip
        cec_hours[level] = work.full_time_equivalent_hours(chosen, three_years_ago, on, cap)

    fst = snapshot.value(FST_MINIMUMS)
    trades = [p for p in work.select(profile.work, on, teer=range(6)) if is_trade(p.noc, snapshot)]
    trade_hours = work.full_time_equivalent_hours(
        trades, add_years(on, -int(fst["window_years"])), on, cap
    )

    offer = profile.job_offer
    valid_offer = offer is not None and offer.lmia != "none" and is_valid_offer(offer, snapshot)
    in_canada = profile.in_canada
    authorized = bool(
        in_canada is not None and in_canada.status == "worker"
        and (in_canada.permit_expiry is None or in_canada.permit_expiry >= on)
    )  # fmt: skip
    spouse = profile.spouse if profile.has_scored_spouse else None
    spouse_min = 0
    if spouse is not None:
        spouse_languages = choose_languages(spouse.languages, on)
        spouse_min = max(
            min(spouse_languages.levels("english")), min(spouse_languages.levels("french"))
        )
    family_size = profile.family_size
    derived_size = family_size is None
    if family_size is None:
        family_size = 1 + (1 if profile.spouse is not None else 0)
    relative = profile.relative_in_canada
    if relative is None and profile.sibling_in_canada:
        relative = True
    row = {
        "fsw_continuous_hours": continuous,
        "fsw_grid_work_years": work.whole_years(grid_hours, skilled["hours_per_year"]),
        "cec_hours_teer_0_1": cec_hours.get(0, 0.0) + cec_hours.get(1, 0.0),
        "cec_hours_teer_2_3": cec_hours.get(2, 0.0) + cec_hours.get(3, 0.0),
        "fst_trade_hours": trade_hours,
        "has_valid_job_offer": valid_offer,
        "has_fst_job_offer": bool(
            valid_offer and offer is not None and is_trade(offer.noc, snapshot)
        ),
        "is_authorized_to_work": authorized,
        "funds_cad": float("nan") if profile.funds_cad is None else profile.funds_cad,
        "family_size": family_size,
        "spouse_min_clb": spouse_min,
        "has_canadian_study": has_two_years_canadian_study(profile.education, on),
        "spouse_has_canadian_study": bool(
            spouse and has_two_years_canadian_study(spouse.education, on)
        ),
        "relative_in_canada": -1 if relative is None else int(relative),
    }
    return row, EligibilityDetail(occupation, cec_hours, derived_size)
