"""What every work-permit route shares: its status on a date, its criteria split by whose they are,
the facts it gives the planner, and what it costs.

A route's criteria come in three groups, so that the worker's view (`canpath assess`) and the
employer's view (`canpath role`) run the same rule functions:

* job criteria read only the job offer (occupation, wage, province, employer facts on the offer);
* person criteria read the candidate (citizenship, education, experience, status in Canada);
* employer criteria read what only an employer states (for example a commitment to a Labour
  Market Benefits Plan); they run in the employer's view only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from canpath.facts import Facts
from canpath.i18n import Message, msg
from canpath.params import Snapshot
from canpath.programs import (
    FALSE,
    TRUE,
    UNKNOWN,
    CriterionColumn,
    Program,
    ProgramColumns,
    cite,
    closed_program,
)
from canpath.results import ProgramKind

Tristate = npt.NDArray[np.int8]
FEES = "federal.imp.fees"
STANDARDS = "federal.imp.processing_standards"
PRIORITY = "federal.imp.global_skills_strategy.priority_processing"
DAYS_PER_WEEK = 7  # calendar fact: service standards in days become weeks for the planner


@dataclass(frozen=True)
class Fee:
    """A government fee of a route: what, how much, who pays, and per what."""

    item: str
    amount_cad: float
    paid_by: Literal["employer", "worker", "family_member"]

    def to_dict(self, language: Any = "en") -> dict[str, Any]:
        return {
            "item": self.item,
            "label": msg(f"fee.{self.item}").render(language),
            "amount_cad": self.amount_cad,
            "paid_by": self.paid_by,
        }


def route_status(snapshot: Snapshot, parameter_id: str) -> str:
    """`open` when the route's defining parameter is in force, else `not_yet_open` or `closed`."""
    if snapshot.is_in_force(parameter_id):
        return "open"
    parameter = snapshot.store.parameter(parameter_id)
    return "not_yet_open" if snapshot.on < parameter.first_date else "closed"


def constant(size: int, value: int) -> Tristate:
    """A tri-state column with one value in every row."""
    return np.full(size, value, dtype=np.int8)


def from_rows(values: Sequence[int]) -> Tristate:
    """A tri-state column from per-row TRUE/FALSE/UNKNOWN values."""
    return np.asarray(values, dtype=np.int8).reshape(len(values))


def best_of(values: Sequence[int]) -> int:
    """TRUE if any is TRUE, else UNKNOWN if any is UNKNOWN, else FALSE (an any-of condition)."""
    if TRUE in values:
        return TRUE
    return UNKNOWN if UNKNOWN in values else FALSE


def all_of(values: Sequence[int]) -> int:
    """FALSE if any is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE (an all-of condition)."""
    if FALSE in values:
        return FALSE
    return UNKNOWN if UNKNOWN in values else TRUE


def weeks(days: float) -> float:
    """A service standard in days, as weeks (one decimal)."""
    return round(days / DAYS_PER_WEEK, 1)


def has_offer(facts: Facts) -> npt.NDArray[np.bool_]:
    """Rows with a job offer (a NOC code on the offer)."""
    return np.array([bool(code) for code in facts["job_offer_noc"]], dtype=bool)


def offer_criterion(
    facts: Facts, rule: str, parameter_id: str, key: str = "wp.offer"
) -> CriterionColumn:
    """Pre-arranged employment: an offer from a Canadian employer (employer-specific routes)."""
    present = has_offer(facts)
    codes = facts["job_offer_noc"]
    titles = facts["job_offer_title"]
    return CriterionColumn(
        rule=rule,
        met=np.where(present, TRUE, FALSE).astype(np.int8),
        reason=lambda r: msg(f"{key}_{word(present[r])}", noc=codes[r], title=titles[r] or "-"),
        needed=lambda r: msg(f"{key}_needed"),
        reference=cite(facts.snapshot, parameter_id),
    )


def work_permit_fees(snapshot: Snapshot, *, open_permit: bool, compliance: bool) -> list[Fee]:
    """The IRPR fees of a work permit route (the biometrics exemption is stated, not applied)."""
    fees = snapshot.value(FEES)
    found = [Fee("work_permit", float(fees["work_permit"]), "worker")]
    if open_permit:
        found.append(
            Fee("open_work_permit_holder", float(fees["open_work_permit_holder"]), "worker")
        )
    if compliance:
        found.append(Fee("employer_compliance", float(fees["employer_compliance"]), "employer"))
    found.append(Fee("biometrics", float(fees["biometrics"]), "worker"))
    return found


class WorkPermitProgram(Program):
    """A temporary work route: criteria by whose they are, planner facts, fees, candidates."""

    kind: ProgramKind = "work_permit"
    defining: str

    def evaluate(self, facts: Facts) -> ProgramColumns:
        status = route_status(facts.snapshot, self.defining)
        if status != "open":
            return self.closed(facts, status)
        criteria = self.job_criteria(facts) + self.person_criteria(facts)
        return ProgramColumns(
            self.id,
            self.kind,
            criteria,
            facts.size,
            facts=lambda row: self.worker_facts(facts, row),
            warnings=self.warnings(facts.snapshot),
        )

    def worker_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        """The planner's facts and the fees, with the biometrics fee waived where the law says."""
        exempt = set(facts.snapshot.value(FEES)["biometrics_exempt_citizenships"])
        waived = bool(citizenship_sets(facts)[row] & exempt)
        fees = [
            {
                "item": fee.item,
                "amount_cad": fee.amount_cad,
                "paid_by": fee.paid_by,
                "waived": waived and fee.item == "biometrics" and fee.paid_by == "worker",
            }
            for fee in self.fees(facts, row)
        ]
        return {**self.planner_facts(facts, row), "fees": fees}

    def closed(self, facts: Facts, status: str) -> ProgramColumns:
        """The route does not exist on the date."""
        return closed_program(self, facts, self.defining, status)

    def job_criteria(self, facts: Facts) -> list[CriterionColumn]:
        """Criteria on the job offer alone."""
        return []

    def person_criteria(self, facts: Facts) -> list[CriterionColumn]:
        """Criteria on the candidate."""
        return []

    def employer_criteria(self, facts: Facts) -> list[CriterionColumn]:
        """Criteria only an employer can state (employer's view only)."""
        return []

    def planner_facts(self, facts: Facts, row: int) -> dict[str, Any]:
        """What the planner needs: permit, processing, length, renewal, experience, closing."""
        return {}

    def fees(self, facts: Facts, row: int) -> list[Fee]:
        """Government fees of the route for one row."""
        return []

    def candidates(self, facts: Facts, row: int) -> list[Message]:
        """Who an employer can hire through the route (employer's view)."""
        return []

    def commitments(self, facts: Facts, row: int) -> list[Message]:
        """What the employer commits to (employer's view)."""
        return []


def citizenship_sets(facts: Facts) -> list[frozenset[str]]:
    """Each row's citizenships as a set (a one-country tuple may arrive as a plain code)."""

    def build() -> list[frozenset[str]]:
        return [
            frozenset((value,) if isinstance(value, str) else tuple(value or ()))
            for value in facts["citizenships"]
        ]

    return facts.memo("work_permits.citizenships", build)  # type: ignore[no-any-return]


TRI_WORD = {TRUE: "met", FALSE: "not_met", UNKNOWN: "unknown"}


def word(value: object) -> str:
    """A tri-state value as a message-key suffix: met, not_met or unknown."""
    return TRI_WORD[int(value)]  # type: ignore[call-overload]


def exempt_processing_weeks(snapshot: Snapshot, noc: str) -> float:
    """Expected weeks for an LMIA-exempt employer-specific permit applied for online from abroad:
    Global Skills Strategy priority for TEER 0 and 1 jobs once it exists, else the standard."""
    from canpath.reference.noc import teer_of  # noqa: PLC0415 - keeps this module light

    if (
        snapshot.is_in_force(PRIORITY)
        and noc
        and teer_of(noc) in snapshot.value(PRIORITY)["lmia_exempt_teer"]
    ):
        return float(snapshot.value(PRIORITY)["weeks"])
    return weeks(snapshot.value(STANDARDS)["work_permit_outside_canada"]["days"])
