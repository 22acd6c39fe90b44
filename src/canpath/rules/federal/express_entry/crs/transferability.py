"""CRS part C, skill transferability factors (IRCC CRS criteria, C).

Language bands use the first official language in all four abilities. Each of the three groups
(education, foreign work, certificate of qualification) is capped, and so is the part.
"""

from __future__ import annotations

import numpy as np

from canpath.params import Snapshot
from canpath.params.lookup import IntArray, by_integer, by_name, number
from canpath.rules.federal.express_entry.education import LEVELS
from canpath.rules.registry import rule

EDUCATION = "federal.express_entry.crs.transferability.education"
FOREIGN_WORK = "federal.express_entry.crs.transferability.foreign_work_experience"
CERTIFICATE = "federal.express_entry.crs.transferability.certificate_of_qualification"
CAPS = "federal.express_entry.crs.caps"


def _language_band(
    minimum_level: IntArray,
    low: IntArray,
    high: IntArray,
    bands: dict[str, int],
    names: tuple[str, str],
) -> IntArray:
    """`high` where every ability reaches the upper band, `low` where every one reaches the lower."""
    low_from, high_from = bands[names[0]], bands[names[1]]
    return np.where(minimum_level >= high_from, high, np.where(minimum_level >= low_from, low, 0))


def _canadian_work_band(
    years: IntArray, one_year: IntArray, two_years: IntArray, bands: dict[str, int]
) -> IntArray:
    return np.where(
        years >= bands["two_years"], two_years, np.where(years >= bands["one_year"], one_year, 0)
    )


@rule(uses=(EDUCATION,))
def education_with_language_points(
    level: IntArray, minimum_level: IntArray, snapshot: Snapshot
) -> IntArray:
    """Education combined with CLB 7+ (one ability under 9) or CLB 9+ in all four abilities."""
    table = snapshot[EDUCATION]
    return _language_band(
        minimum_level,
        by_name(table, level, LEVELS, "with_language", "clb7"),
        by_name(table, level, LEVELS, "with_language", "clb9"),
        number(table, "language_bands"),
        ("clb7", "clb9"),
    )


@rule(uses=(EDUCATION,))
def education_with_canadian_work_points(
    level: IntArray, canadian_years: IntArray, snapshot: Snapshot
) -> IntArray:
    """Education combined with one year, or two years or more, of Canadian work experience."""
    table = snapshot[EDUCATION]
    return _canadian_work_band(
        canadian_years,
        by_name(table, level, LEVELS, "with_canadian_work", "one_year"),
        by_name(table, level, LEVELS, "with_canadian_work", "two_years"),
        number(table, "canadian_work_bands"),
    )


@rule(uses=(FOREIGN_WORK,))
def foreign_work_with_language_points(
    foreign_years: IntArray, minimum_level: IntArray, snapshot: Snapshot
) -> IntArray:
    """Foreign skilled work combined with CLB 7+ or CLB 9+ in all four abilities."""
    table = snapshot[FOREIGN_WORK]
    return _language_band(
        minimum_level,
        by_integer(table, foreign_years, "with_language", "clb7"),
        by_integer(table, foreign_years, "with_language", "clb9"),
        number(table, "language_bands"),
        ("clb7", "clb9"),
    )


@rule(uses=(FOREIGN_WORK,))
def foreign_work_with_canadian_work_points(
    foreign_years: IntArray, canadian_years: IntArray, snapshot: Snapshot
) -> IntArray:
    """Foreign skilled work combined with one year, or two years or more, of Canadian work."""
    table = snapshot[FOREIGN_WORK]
    return _canadian_work_band(
        canadian_years,
        by_integer(table, foreign_years, "with_canadian_work", "one_year"),
        by_integer(table, foreign_years, "with_canadian_work", "two_years"),
        number(table, "canadian_work_bands"),
    )


@rule(uses=(CERTIFICATE,))
def certificate_of_qualification_points(
    has_certificate: np.ndarray, minimum_level: IntArray, snapshot: Snapshot
) -> IntArray:
    """A certificate of qualification with CLB 5+ (one ability under 7) or CLB 7+ in all four."""
    table = snapshot[CERTIFICATE]
    points = _language_band(
        minimum_level,
        number(table, "points", "clb5"),
        number(table, "points", "clb7"),
        number(table, "language_bands"),
        ("clb5", "clb7"),
    )
    return np.where(has_certificate, points, 0)


@rule(uses=(CAPS,))
def group_caps(
    education: IntArray, foreign_work: IntArray, certificate: IntArray, snapshot: Snapshot
) -> tuple[IntArray, IntArray, IntArray]:
    """Each group of combinations capped on its own (50 points each)."""
    caps = snapshot[CAPS]
    return (
        np.minimum(education, number(caps, "transferability_education_group")),
        np.minimum(foreign_work, number(caps, "transferability_foreign_work_group")),
        np.minimum(certificate, number(caps, "transferability_certificate_group")),
    )
