"""International Experience Canada (IRPR 204(d), C21): Working Holiday (open permit), Young
Professionals and International Co-op (employer-specific) for citizens of partner countries,
within the country's age range, with CAN$2,500 of funds; length set per country and category.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import UNKNOWN, CriterionColumn, cite, register, tristate
from canpath.rules.federal.work_permits.base import (
    STANDARDS,
    Fee,
    WorkPermitProgram,
    citizenship_sets,
    from_rows,
    offer_criterion,
    weeks,
    word,
)
from canpath.rules.registry import rule

COUNTRIES = "federal.imp.iec.countries"
REQUIREMENTS = "federal.imp.iec.requirements"


@rule(uses=(COUNTRIES,))
def best_country(
    citizenships: frozenset[str], category: str, countries: Mapping[str, Any]
) -> tuple[str, Mapping[str, Any]] | None:
    """The partner country (of the person's citizenships) offering the category, longest stay first."""
    offers = [
        (code, countries[code][category])
        for code in sorted(citizenships)
        if code in countries and countries[code][category]
    ]
    return max(offers, key=lambda item: item[1]["max_months"]) if offers else None


class InternationalExperience(WorkPermitProgram):
    """One IEC category."""

    defining = COUNTRIES
    uses = (COUNTRIES, REQUIREMENTS, STANDARDS)

    def __init__(self, category: str) -> None:
        self.category = category
        self.id = f"iec.{category}"
        self.rule_id = f"federal.imp.iec.{category}"

    def _countries(self, facts: Facts) -> list[tuple[str, Mapping[str, Any]] | None] | None:
        table = facts.snapshot.value(COUNTRIES)["countries"]
        if table is None:
            return None
        return [best_country(codes, self.category, table) for codes in citizenship_sets(facts)]

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        if self.category == "working_holiday":
            return []
        return [offer_criterion(facts, f"{self.rule_id}.job_offer", COUNTRIES)]

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        snapshot = facts.snapshot
        found = self._countries(facts)
        reference = cite(snapshot, COUNTRIES)
        ages = facts["age_years"]
        funds = facts["funds_available_cad"]
        minimum = float(snapshot.value(REQUIREMENTS)["min_funds_cad"])
        if found is None:
            country = from_rows([UNKNOWN] * facts.size)
            age = country
        else:
            country = tristate([item is not None for item in found])
            age = from_rows(
                [
                    UNKNOWN
                    if item is None
                    else int(item[1]["min_age"] <= int(a) <= item[1]["max_age"])
                    for item, a in zip(found, ages, strict=True)
                ]
            )
        has_funds = from_rows(
            [UNKNOWN if math.isnan(f) else int(f + 1e-6 >= minimum) for f in funds]
        )
        category = msg(f"wp.iec.category.{self.category}")

        def country_reason(r: int) -> Message:
            if found is None:
                return msg("wp.iec.table_unknown", since=snapshot[COUNTRIES].since.isoformat())
            item = found[r]
            return (
                msg("wp.iec.country_met", country=item[0], category=category)
                if item
                else msg(
                    "wp.iec.country_not_met",
                    codes=", ".join(sorted(citizenship_sets(facts)[r])),
                    category=category,
                )
            )

        def age_reason(r: int) -> Message:
            item = found[r] if found is not None else None
            if item is None:
                return msg("wp.iec.age_unknown", age=int(ages[r]))
            return msg(
                f"wp.iec.age_{word(age[r])}",
                age=int(ages[r]),
                low=item[1]["min_age"],
                high=item[1]["max_age"],
            )

        criteria = [
            CriterionColumn(
                rule=f"{self.rule_id}.citizenship",
                met=country,
                reason=country_reason,
                reference=reference,
            ),
            CriterionColumn(
                rule=f"{self.rule_id}.age", met=age, reason=age_reason, reference=reference
            ),
            CriterionColumn(
                rule=f"{self.rule_id}.funds",
                met=has_funds,
                reference=cite(snapshot, REQUIREMENTS),
                reason=lambda r: msg(
                    f"wp.iec.funds_{word(has_funds[r])}",
                    funds="-" if math.isnan(funds[r]) else f"{funds[r]:,.0f}",
                    minimum=f"{minimum:,.0f}",
                ),
                needed=lambda r: msg("wp.iec.funds_needed", minimum=f"{minimum:,.0f}"),
            ),
        ]
        if self.category == "international_coop":
            studying = tristate(np.asarray(facts["is_studying"], dtype=bool))
            criteria.append(
                CriterionColumn(
                    rule=f"{self.rule_id}.student",
                    met=studying,
                    reason=lambda r: msg(f"wp.iec.student_{word(studying[r])}"),
                    reference=reference,
                )
            )
        return criteria

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        found = self._countries(facts)
        item = found[row] if found is not None else None
        requirements = facts.snapshot.value(REQUIREMENTS)
        return {
            "leads_to": "work_permit",
            "permit": "iec",
            "processing_weeks": weeks(facts.snapshot.value(STANDARDS)["iec"]["days"]),
            "permit_length_months": item[1]["max_months"] if item else None,
            "participations": facts.snapshot.value(COUNTRIES)["countries"][item[0]][
                "participations"
            ]
            if item
            else None,
            "renewable": False,
            "counts_as_skilled_canadian_experience": True,
            "employer_specific": self.category in requirements["employer_specific_categories"],
            "closes_on": None,
        }

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        return []  # the IEC participation fee was not captured in the research

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        if self.category == "working_holiday":
            return [msg("wp.open_permit_holders", permit=msg("program.iec.working_holiday"))]
        return [msg("wp.iec.candidates", category=msg(f"wp.iec.category.{self.category}"))]


for _category in ("working_holiday", "young_professionals", "international_coop"):
    register(InternationalExperience(_category))
