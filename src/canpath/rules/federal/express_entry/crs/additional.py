"""CRS part D, additional points (IRCC CRS criteria, D), each with its dated history."""

from __future__ import annotations

import numpy as np

from canpath.params import Snapshot
from canpath.params.lookup import IntArray, number
from canpath.rules.registry import rule

NOMINATION = "federal.express_entry.crs.additional.provincial_nomination"
SIBLING = "federal.express_entry.crs.additional.sibling_in_canada"
FRENCH = "federal.express_entry.crs.additional.french_language"
CANADIAN_STUDY = "federal.express_entry.crs.additional.canadian_study"
ARRANGED_EMPLOYMENT = "federal.express_entry.crs.additional.arranged_employment"


@rule(uses=(NOMINATION,))
def provincial_nomination_points(has_nomination: np.ndarray, snapshot: Snapshot) -> IntArray:
    """Points for a nomination from an enhanced (Express Entry-aligned) provincial stream."""
    return np.where(has_nomination, int(snapshot.value(NOMINATION)), 0)


@rule(uses=(SIBLING,))
def sibling_in_canada_points(has_sibling: np.ndarray, snapshot: Snapshot) -> IntArray:
    """Points for a brother or sister living in Canada who is a citizen or PR (from 2017-06-06)."""
    return np.where(has_sibling, int(snapshot.value(SIBLING)), 0)


@rule(uses=(FRENCH,))
def french_language_points(
    french_nclc: IntArray, english_clb: IntArray, snapshot: Snapshot
) -> IntArray:
    """Points for NCLC 7+ in all four French abilities, more with CLB 5+ in all four in English.

    Applies whichever language is declared first. An English result that is not CLB 5+ in all
    four abilities (or no English test) gives the French-only points (INT-003).
    """
    table = snapshot[FRENCH]
    strong_french = french_nclc.min(axis=1) >= number(table, "min_nclc_all_four")
    english_too = english_clb.min(axis=1) >= number(table, "english_min_clb_all_four_for_bilingual")
    points = np.where(english_too, number(table, "bilingual"), number(table, "french_only"))
    return np.where(strong_french, points, 0)


@rule(uses=(CANADIAN_STUDY,))
def canadian_study_points(canadian_credential: IntArray, snapshot: Snapshot) -> IntArray:
    """Points for a Canadian post-secondary credential (1 = one or two years, 2 = three or more)."""
    table = snapshot[CANADIAN_STUDY]
    values = np.array([0, number(table, "one_or_two_years"), number(table, "three_years_or_more")])
    return values[canadian_credential]


@rule(uses=(ARRANGED_EMPLOYMENT,))
def arranged_employment_points(
    offer_group: IntArray, is_lmia_backed: np.ndarray, snapshot: Snapshot
) -> IntArray:
    """Points for a qualifying job offer (1 = skilled, 2 = senior management, NOC major group 00).

    Until 2016-11-18 only an LMIA-backed offer counted; from 2025-03-25 no offer earns points.
    """
    table = snapshot[ARRANGED_EMPLOYMENT]
    values = np.array([0, number(table, "other_skilled"), number(table, "senior_management")])
    points = values[offer_group]
    if number(table, "lmia_required"):
        points = np.where(is_lmia_backed, points, 0)
    return points
