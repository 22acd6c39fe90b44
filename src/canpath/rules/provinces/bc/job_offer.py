"""British Columbia's Skills Immigration job-offer duration: indeterminate, or the tech exception.

An indeterminate (permanent) full-time offer always qualifies. From 2018-06-26 an offer in a
technology occupation may instead last at least a year with at least 120 days left on the day of
application (taken as the assessment date; an offer without a start date starts then). After the
final tech draw (2024-12-03) the research could not tell whether the exception survives, so a
fixed-term tech offer is unknown from 2024-12-04.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.programs import FALSE, TRUE, UNKNOWN, CriterionColumn, cite
from canpath.rules.provinces.common import member
from canpath.rules.provinces.occupations import membership
from canpath.rules.registry import rule
from canpath.timeutil import add_months

JOB_OFFER = "provinces.bc.skills_immigration.job_offer"
TECH_OCCUPATIONS = "provinces.bc.tech.occupations"


def _fixed_term_ok(
    start: date | None, months: float, on: date, min_days: int, remaining_days: int
) -> int:
    """Whether a fixed-term offer is long enough and has enough days left on the date."""
    if months != months:
        return UNKNOWN
    begins = start or on
    ends = add_months(begins, int(months))
    return (
        TRUE if (ends - begins).days >= min_days and (ends - on).days >= remaining_days else FALSE
    )


@rule(uses=(JOB_OFFER, TECH_OCCUPATIONS))
def job_offer_duration(facts: Facts, rule_id: str) -> CriterionColumn:
    """Whether the B.C. offer's duration qualifies: indeterminate, or a tech offer under the exception."""
    snapshot = facts.snapshot
    rules = snapshot.value(JOB_OFFER)
    exception = rules["tech_exception"]
    noc = facts["job_offer_noc"]
    here = (facts["job_offer_province"] == "BC") & (noc != "")
    permanent = facts["offer_is_permanent"]
    tech, _ = (
        membership(noc, snapshot[TECH_OCCUPATIONS])
        if snapshot.is_in_force(TECH_OCCUPATIONS)
        else (np.full(facts.size, FALSE, dtype=np.int8), None)
    )
    exempt = member(noc, rules["indeterminate_exempt_nocs"])
    shape = np.array([
        _fixed_term_ok(start, months, day, int(exception["min_duration_days"] or 0), int(exception["min_days_remaining_at_application"] or 0))
        for start, months, day in zip(facts["offer_start"], facts["offer_duration_months"], facts.days(), strict=True)
    ], dtype=np.int8)  # fmt: skip
    applies = exception["applies"]
    if applies is None:
        fixed = np.where(tech == FALSE, FALSE, UNKNOWN)
    elif applies:
        fixed = np.where(
            tech == FALSE,
            FALSE,
            np.where(
                shape == FALSE, FALSE, np.where((tech == TRUE) & (shape == TRUE), TRUE, UNKNOWN)
            ),
        )
    else:
        fixed = np.full(facts.size, FALSE)
    fixed = np.where(exempt & (fixed == FALSE), UNKNOWN, fixed)
    met = np.where(~here, FALSE, np.where(permanent, TRUE, fixed)).astype(np.int8)

    def reason(row: int) -> object:
        if not here[row]:
            return msg("provincial.no_offer_in", province="BC")
        if permanent[row]:
            return msg("provincial.bc.offer_indeterminate")
        if met[row] == UNKNOWN and applies is None and tech[row] != FALSE:
            return msg(
                "provincial.bc.offer_exception_unknown", since=snapshot[JOB_OFFER].since.isoformat()
            )
        if met[row] == UNKNOWN and exempt[row]:
            return msg("provincial.bc.offer_exempt_unknown")
        if met[row] == UNKNOWN and shape[row] == UNKNOWN:
            return msg("provincial.missing_answer", answer="job_offer.duration_months")
        if applies is False:
            key = "no_exception"
        elif tech[row] == FALSE:
            key = "not_tech"
        elif shape[row] == FALSE:
            key = "tech_short"
        else:
            key = "tech_ok" if tech[row] == TRUE else "tech_unclear"
        return msg(
            f"provincial.bc.offer_fixed_{key}",
            days=exception["min_duration_days"] or 0,
            remaining=exception["min_days_remaining_at_application"] or 0,
        )

    return CriterionColumn(
        rule=rule_id, met=met, reason=reason, reference=cite(snapshot, JOB_OFFER),  # type: ignore[arg-type]
        needed=lambda r: msg("provincial.bc.offer_needed"), unconfirmed=snapshot[JOB_OFFER].status == "unconfirmed",
    )  # fmt: skip


def offer_in_bc(facts: Facts, rule_id: str) -> CriterionColumn:
    """A job offer from a B.C. employer (every Skills Immigration category needs one)."""
    noc, province = facts["job_offer_noc"], facts["job_offer_province"]
    here = (province == "BC") & (noc != "")
    met = np.where(here, TRUE, np.where((noc != "") & (province == ""), UNKNOWN, FALSE)).astype(
        np.int8
    )
    return CriterionColumn(
        rule=rule_id, met=met, reference=cite(facts.snapshot, JOB_OFFER),
        reason=lambda r: msg("provincial.missing_answer", answer="job_offer.province") if met[r] == UNKNOWN else msg("provincial.bc.offer_in_bc") if here[r] else msg("provincial.no_offer_in", province="BC"),
        needed=lambda r: msg("provincial.bc.offer_in_bc_needed"),
    )  # fmt: skip


def other_requirements(facts: Facts, rule_id: str) -> CriterionColumn:
    """The category's own requirements (experience, and so on), which the research did not capture."""
    return CriterionColumn(
        rule=rule_id, met=np.full(facts.size, UNKNOWN, dtype=np.int8), reference=cite(facts.snapshot, JOB_OFFER),
        reason=lambda r: msg("provincial.bc.other_requirements"), unconfirmed=True,
    )  # fmt: skip
