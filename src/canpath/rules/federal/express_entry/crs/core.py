"""CRS part A, core / human capital factors (Ministerial Instructions; IRCC CRS criteria, A).

Each function takes columns and the rules snapshot and returns points per row. The caller says
whether a spouse is scored; tables have one column for each case.
"""

from __future__ import annotations

import numpy as np

from canpath.params import Snapshot
from canpath.params.lookup import IntArray, by_integer, by_name, number
from canpath.rules.federal.express_entry.education import LEVELS
from canpath.rules.registry import rule

AGE = "federal.express_entry.crs.core.age"
EDUCATION = "federal.express_entry.crs.core.education"
FIRST_LANGUAGE = "federal.express_entry.crs.core.first_official_language"
SECOND_LANGUAGE = "federal.express_entry.crs.core.second_official_language"
CANADIAN_WORK = "federal.express_entry.crs.core.canadian_work_experience"

BoolArray = np.ndarray


def _by_spouse(with_spouse: BoolArray, when_with: IntArray, when_without: IntArray) -> IntArray:
    return np.where(with_spouse, when_with, when_without)


@rule(uses=(AGE,))
def age_points(age_years: IntArray, with_spouse: BoolArray, snapshot: Snapshot) -> IntArray:
    """Points for age in completed years (17 or less and 45 or more score nothing)."""
    table = snapshot[AGE]
    return _by_spouse(
        with_spouse,
        by_integer(table, age_years, "with_spouse"),
        by_integer(table, age_years, "without_spouse"),
    )


@rule(uses=(EDUCATION,))
def education_points(level: IntArray, with_spouse: BoolArray, snapshot: Snapshot) -> IntArray:
    """Points for the level of education (Canadian credential, or foreign with an ECA)."""
    table = snapshot[EDUCATION]
    return _by_spouse(
        with_spouse,
        by_name(table, level, LEVELS, "with_spouse"),
        by_name(table, level, LEVELS, "without_spouse"),
    )


@rule(uses=(FIRST_LANGUAGE,))
def first_official_language_points(
    levels: IntArray, with_spouse: BoolArray, snapshot: Snapshot
) -> IntArray:
    """Points for the first official language, summed over the four abilities."""
    table = snapshot[FIRST_LANGUAGE]
    per_ability = _by_spouse(
        with_spouse[:, None],
        by_integer(table, levels, "with_spouse"),
        by_integer(table, levels, "without_spouse"),
    )
    return per_ability.sum(axis=1)  # type: ignore[no-any-return]


@rule(uses=(SECOND_LANGUAGE,))
def second_official_language_points(
    levels: IntArray, with_spouse: BoolArray, snapshot: Snapshot
) -> IntArray:
    """Points for the second official language, summed over abilities, up to the cap."""
    table = snapshot[SECOND_LANGUAGE]
    total = by_integer(table, levels, "per_ability").sum(axis=1)
    cap = np.where(
        with_spouse, number(table, "cap_with_spouse"), number(table, "cap_without_spouse")
    )
    return np.minimum(total, cap)  # type: ignore[no-any-return]


@rule(uses=(CANADIAN_WORK,))
def canadian_work_experience_points(
    years: IntArray, with_spouse: BoolArray, snapshot: Snapshot
) -> IntArray:
    """Points for whole years of skilled work in Canada (five or more score the top row)."""
    table = snapshot[CANADIAN_WORK]
    return _by_spouse(
        with_spouse,
        by_integer(table, years, "with_spouse"),
        by_integer(table, years, "without_spouse"),
    )
