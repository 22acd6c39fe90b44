"""The prevailing wage of a job offer, and whether an offered wage meets a floor and it.

ESDC's prevailing wage is the Job Bank median hourly wage for the occupation in the economic
region of the job (else the province's, else the nation's). canpath finds it from the offer's
NOC, province and region (or city, when it names a Job Bank region), or takes the figure stated on
the offer. When the region is not known it considers every region of the province: a wage at or
above all of them meets it, one below all of them does not, anything in between is unknown.
canpath never guesses a prevailing wage it does not have.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.programs import FALSE, TRUE, UNKNOWN
from canpath.reference import wages
from canpath.rules.federal.work_permits.base import Tristate, from_rows
from canpath.rules.registry import rule

PREVAILING = "federal.tfwp.prevailing_wage"
NAN = float("nan")


@dataclass(frozen=True)
class Prevailing:
    """The prevailing wage of one offer: lowest and highest it may be, and where it comes from.

    `why` names the reason it is missing (`no_offer`, `no_province`, `quebec`, `no_release`,
    `not_in_data`) or how it was found (`given`, `region`, `province_any_region`).
    """

    low: float
    high: float
    why: str
    row: wages.WageRow | None = None
    region: str | None = None

    @property
    def known(self) -> bool:
        return not math.isnan(self.high)

    def describe(self) -> Message:
        """Where the figure comes from, citing the Job Bank row used."""
        if self.why == "given":
            return msg("wp.prevailing.given", wage=f"{self.high:.2f}")
        if self.row is not None:
            return msg(
                "wp.prevailing.job_bank",
                wage=f"{self.high:.2f}",
                geography=self.row.geography,
                survey=self.row.source,
                period=self.row.reference_period,
                noc=self.row.noc,
            )
        if self.why == "province_any_region":
            return msg("wp.prevailing.range", low=f"{self.low:.2f}", high=f"{self.high:.2f}")
        return msg(f"wp.prevailing.{self.why}")


def _region(province: str, region: str, city: str) -> tuple[str | None, bool]:
    """The Job Bank region named on the offer, and whether a name was given but not recognised."""
    for name in (region, city):
        if name:
            found = wages.find_region(province, name)
            if found is not None:
                return found, False
    return None, bool(region)


def prevailing_for(
    noc: str,
    province: str,
    region: str,
    city: str,
    given: float,
    release: str | None,
    quebec_known: bool,
) -> Prevailing:
    """The prevailing wage of one offer on a date (release = the Job Bank release in force)."""
    if not noc:
        return Prevailing(NAN, NAN, "no_offer")
    if not math.isnan(given):
        return Prevailing(given, given, "given")
    if not province:
        return Prevailing(NAN, NAN, "no_province")
    if province == "QC" and not quebec_known:
        return Prevailing(NAN, NAN, "quebec")
    if release is None:
        return Prevailing(NAN, NAN, "no_release")
    if not wages.has_occupation(noc, release):
        return Prevailing(NAN, NAN, "not_in_data")
    found, unrecognised = _region(province, region, city)
    if found is not None:
        row = wages.median_for(noc, province, found, release)
        if row is not None and row.median_hourly_cad is not None:
            return Prevailing(row.median_hourly_cad, row.median_hourly_cad, "region", row, found)
    if unrecognised:
        return Prevailing(NAN, NAN, "region_unknown")
    rows = wages.possible_medians(noc, province, release)
    values = [row.median_hourly_cad for row in rows if row.median_hourly_cad is not None]
    if not values:
        return Prevailing(NAN, NAN, "not_in_data")
    if min(values) == max(values):
        return Prevailing(values[0], values[0], "region", rows[0])
    return Prevailing(min(values), max(values), "province_any_region")


@rule(uses=(PREVAILING,))
def prevailing_wages(facts: Facts) -> list[Prevailing]:
    """The prevailing wage of every row's offer (ESDC: regional median, else provincial, else national)."""

    def build() -> list[Prevailing]:
        rule_value = facts.snapshot.value(PREVAILING)
        release = rule_value["job_bank_release"]
        quebec = rule_value["quebec"] is not None
        return [
            prevailing_for(
                str(noc), str(province), str(region), str(city), float(given), release, quebec
            )
            for noc, province, region, city, given in zip(
                facts["job_offer_noc"],
                facts["job_offer_province"],
                facts["job_offer_region"],
                facts["job_offer_city"],
                facts["job_offer_given_prevailing_wage_cad"],
                strict=True,
            )
        ]

    return facts.memo("work_permits.prevailing", build)  # type: ignore[no-any-return]


def meets(wage: float, floor: float | None, prevailing: Prevailing) -> int:
    """Whether an hourly wage meets the higher of a floor and the prevailing wage.

    `floor` is 0 when there is none and None when there is one whose value is not known. Below a
    known floor is FALSE whatever the prevailing wage; otherwise a missing figure makes it UNKNOWN.
    """
    if math.isnan(wage):
        return UNKNOWN
    if floor is not None and wage + 1e-9 < floor:
        return FALSE
    if prevailing.known and wage + 1e-9 < prevailing.low:
        return FALSE
    if floor is None or not prevailing.known:
        return UNKNOWN
    return TRUE if wage + 1e-9 >= prevailing.high else UNKNOWN


def meets_column(
    wages_offered: np.ndarray, floors: list[float | None], found: list[Prevailing]
) -> Tristate:
    """`meets` for every row."""
    return from_rows(
        [meets(float(w), f, p) for w, f, p in zip(wages_offered, floors, found, strict=True)]
    )
