"""CRS part B, spouse or common-law partner factors (IRCC CRS criteria, B).

Scored only for an accompanying spouse who is not a Canadian citizen or permanent resident; the
caller passes zeros otherwise.
"""

from __future__ import annotations

import numpy as np

from canpath.params import Snapshot
from canpath.params.lookup import IntArray, by_integer, by_name
from canpath.rules.federal.express_entry.education import LEVELS
from canpath.rules.registry import rule

EDUCATION = "federal.express_entry.crs.spouse.education"
LANGUAGE = "federal.express_entry.crs.spouse.official_language"
CANADIAN_WORK = "federal.express_entry.crs.spouse.canadian_work_experience"


@rule(uses=(EDUCATION,))
def spouse_education_points(level: IntArray, is_scored: np.ndarray, snapshot: Snapshot) -> IntArray:
    """Points for the spouse's level of education."""
    return np.where(is_scored, by_name(snapshot[EDUCATION], level, LEVELS), 0)


@rule(uses=(LANGUAGE,))
def spouse_official_language_points(
    levels: IntArray, is_scored: np.ndarray, snapshot: Snapshot
) -> IntArray:
    """Points for the spouse's first official language, summed over the four abilities."""
    return np.where(is_scored, by_integer(snapshot[LANGUAGE], levels).sum(axis=1), 0)


@rule(uses=(CANADIAN_WORK,))
def spouse_canadian_work_experience_points(
    years: IntArray, is_scored: np.ndarray, snapshot: Snapshot
) -> IntArray:
    """Points for the spouse's whole years of Canadian work experience."""
    return np.where(is_scored, by_integer(snapshot[CANADIAN_WORK], years), 0)
