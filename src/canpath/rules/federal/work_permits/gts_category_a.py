"""Global Talent Stream, Category A (ESDC, TFWP): a unique and specialized position in a growing
innovative firm referred by a designated partner, at the Category A wage, for a candidate with an
advanced degree or five years of specialized experience.

The partner validates the firm (operating in Canada, innovative, able to scale up) and the position
(unique and specialized, advanced knowledge of the industry): canpath checks that a designated
partner is named, and the parts of "unique and specialized" it can read (wage, degree, experience).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import FALSE, TRUE, UNKNOWN, CriterionColumn, cite, register, tristate
from canpath.rules.federal.work_permits.base import all_of, from_rows, offer_criterion, word
from canpath.rules.federal.work_permits.gts import GTS, SHARED, GlobalTalentStream, list_matches
from canpath.rules.federal.work_permits.gts_occupations import LIST
from canpath.rules.federal.work_permits.prevailing import Prevailing, meets, prevailing_wages
from canpath.rules.registry import rule

CATEGORY_A = f"{GTS}.category_a"
PARTNERS = f"{GTS}.referral_partners"
WEEKS_PER_YEAR = 52  # calendar fact: an hourly wage times weekly hours times 52 is the annual pay
RULE = "federal.tfwp.global_talent_stream.category_a"


def _words(name: str) -> list[str]:
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    return words[1:] if words[:1] == ["the"] else words


@rule(uses=(PARTNERS,))
def referral_partner(name: str, partners: Mapping[str, list[str]] | None) -> tuple[int, str]:
    """Whether the named organization is a designated referral partner (and the listed name)."""
    if not name:
        return FALSE, ""
    if partners is None:
        return UNKNOWN, ""
    given = " ".join(_words(name))
    listed = [partner for group in partners.values() for partner in group]
    for partner in listed:
        full = " ".join(_words(partner))
        if given and (given == full or f" {given} " in f" {full} "):
            return TRUE, partner
    close = difflib.get_close_matches(name, listed, n=3, cutoff=0.5)
    return FALSE, "; ".join(close)


def _against(hourly: float, annual: float, floor: Mapping[str, Any], prevailing: Prevailing) -> int:
    hourly_result = meets(hourly, floor["hourly"], prevailing)
    annual_result = (
        UNKNOWN if math.isnan(annual) else TRUE if annual + 1e-6 >= floor["annual"] else FALSE
    )
    return all_of([hourly_result, annual_result])


@rule(uses=(CATEGORY_A,))
def category_a_wage(
    hourly: float, annual: float, prior: int, rules: Mapping[str, Any], prevailing: Prevailing
) -> tuple[int, Mapping[str, Any], str]:
    """Whether the offer meets the Category A floor for its place in the employer's year, hourly and
    annual, and the prevailing wage: (result, floor used, note)."""
    first, extra = rules["wage_floor_first_positions"], rules["wage_floor_additional_positions"]
    allowed = rules["first_positions_per_calendar_year"]
    if extra is None or allowed is None:
        return _against(hourly, annual, first, prevailing), first, "single_floor"
    if prior >= 0:
        floor = first if prior < allowed else extra
        return (
            _against(hourly, annual, floor, prevailing),
            floor,
            "first" if prior < allowed else "additional",
        )
    if _against(hourly, annual, extra, prevailing) == TRUE:
        return TRUE, extra, "meets_both"
    result = _against(hourly, annual, first, prevailing)
    return (FALSE if result == FALSE else UNKNOWN), first, "count_unknown"


class CategoryA(GlobalTalentStream):
    """GTS Category A: referral by a designated partner for a unique and specialized position."""

    id = "gts.category_a"
    category = "category_a"
    defining = CATEGORY_A
    uses = (CATEGORY_A, PARTNERS, LIST, *SHARED)

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        rules = snapshot.value(CATEGORY_A)
        partners = snapshot.value(PARTNERS)["partners"]
        names = facts["gts_referral_partner"]
        referral = [referral_partner(str(name), partners) for name in names]
        on_list = [m.listed for m in list_matches(facts)]
        codes = facts["job_offer_noc"]
        hourly = facts["job_offer_hourly_wage_cad"]
        annual = np.where(
            np.isnan(facts["job_offer_annual_salary_cad"]),
            hourly * facts["job_offer_hours_per_week"] * WEEKS_PER_YEAR,
            facts["job_offer_annual_salary_cad"],
        )
        found = prevailing_wages(facts)
        priors = facts["gts_category_a_prior_positions"]
        wages = [
            category_a_wage(float(h), float(a), int(p), rules, f)
            for h, a, p, f in zip(hourly, annual, priors, found, strict=True)
        ]
        not_listed = from_rows(
            [
                {TRUE: FALSE, FALSE: TRUE}.get(value, UNKNOWN) if codes[i] else FALSE
                for i, value in enumerate(on_list)
            ]
        )
        wage = from_rows([w[0] for w in wages])
        refer = from_rows([item[0] for item in referral])

        def wage_reason(r: int) -> Message:
            result, floor, note = wages[r]
            if not codes[r]:
                return msg("wp.wage.no_offer")
            return msg(
                f"wp.gts.a_wage_{word(result)}",
                hourly="-" if math.isnan(hourly[r]) else f"{hourly[r]:.2f}",
                annual="-" if math.isnan(annual[r]) else f"{annual[r]:,.0f}",
                floor_hourly=floor["hourly"] if floor["hourly"] is not None else "?",
                floor_annual=f"{floor['annual']:,}",
                note=msg(f"wp.gts.a_floor.{note}"),
                prevailing=found[r].describe(),
            )

        return [
            offer_criterion(facts, f"{RULE}.job_offer", CATEGORY_A),
            CriterionColumn(
                rule=f"{RULE}.referral",
                met=refer,
                reference=cite(snapshot, PARTNERS),
                unconfirmed=snapshot[PARTNERS].status == "unconfirmed",
                reason=lambda r: msg(
                    f"wp.gts.referral_{word(refer[r])}" if names[r] else "wp.gts.referral_none",
                    name=names[r] or "-",
                    listed=referral[r][1] or "-",
                    since=snapshot[PARTNERS].since.isoformat(),
                ),
                needed=lambda r: msg("wp.gts.referral_needed"),
            ),
            CriterionColumn(
                rule=f"{RULE}.not_on_occupations_list",
                met=not_listed,
                reference=cite(snapshot, LIST),
                reason=lambda r: (
                    msg(f"wp.gts.a_not_listed_{word(not_listed[r])}", noc=codes[r])
                    if codes[r]
                    else msg("wp.no_occupation")
                ),
            ),
            CriterionColumn(
                rule=f"{RULE}.wage",
                met=wage,
                reason=wage_reason,
                reference=cite(snapshot, CATEGORY_A),
                unconfirmed=snapshot[CATEGORY_A].status == "unconfirmed",
                needed=lambda r: msg(
                    "wp.gts.a_wage_needed",
                    hourly=wages[r][1]["hourly"] or "?",
                    annual=f"{wages[r][1]['annual']:,}",
                ),
            ),
        ]

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        rules = facts.snapshot.value(CATEGORY_A)
        levels = set(rules["advanced_degree_levels"])
        years = facts["offer_field_experience_years"]
        minimum = float(rules["min_experience_years"])
        highest = facts["highest_credential"]
        has_degree = np.array(
            [item is not None and item.level in levels for item in highest], dtype=bool
        )
        met = tristate(has_degree | (years + 1e-6 >= minimum))
        return [
            CriterionColumn(
                rule=f"{RULE}.specialized_candidate",
                met=met,
                reference=cite(facts.snapshot, CATEGORY_A),
                reason=lambda r: msg(
                    f"wp.gts.a_candidate_{word(met[r])}",
                    degree=msg(f"wp.level.{highest[r].level}") if highest[r] else "-",
                    years=round(float(years[r]), 1),
                    minimum=rules["min_experience_years"],
                ),
                needed=lambda r: msg(
                    "wp.gts.a_candidate_needed", minimum=rules["min_experience_years"]
                ),
            )
        ]

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        rules = facts.snapshot.value(CATEGORY_A)
        return [msg("wp.gts.candidates_a", minimum=rules["min_experience_years"])]

    def commitments(self, facts: Facts, row: int) -> list[Message]:
        return [*super().commitments(facts, row), msg("wp.gts.referral_form")]


register(CategoryA())
