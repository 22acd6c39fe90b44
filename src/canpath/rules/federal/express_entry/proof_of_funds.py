"""Proof of settlement funds for FSW and FST, by family size, and when it is not required."""

from __future__ import annotations

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.params import Snapshot
from canpath.params.lookup import IntArray, by_integer
from canpath.programs import UNKNOWN, CriterionColumn, cite, tristate
from canpath.rules.registry import rule

PROOF_OF_FUNDS = "federal.express_entry.proof_of_funds"


@rule(uses=(PROOF_OF_FUNDS,))
def required_funds_cad(family_size: IntArray, snapshot: Snapshot) -> IntArray:
    """Funds required for a family size: the table's row, plus a set amount per member above it."""
    table = snapshot[PROOF_OF_FUNDS]
    amounts = table.value["amounts"]
    largest = max(amounts)
    base = by_integer(table, family_size, "amounts")
    extra = np.maximum(family_size - largest, 0) * int(table.value["each_additional"])
    return base + extra  # type: ignore[no-any-return]


def proof_of_funds_criterion(facts: Facts, rule_id: str) -> CriterionColumn:
    """Enough settlement funds, unless authorized to work in Canada with a valid job offer."""
    snapshot = facts.snapshot
    exempt = facts["is_authorized_to_work"] & facts["has_valid_job_offer"]
    funds = facts["funds_cad"]
    size = facts["family_size"]
    if not snapshot.is_in_force(PROOF_OF_FUNDS):
        met = np.where(exempt, 1, UNKNOWN).astype(np.int8)
        return CriterionColumn(
            rule=rule_id,
            met=met,
            reason=lambda r: (
                msg("funds.exempt") if exempt[r] else msg("funds.no_table", on=facts.on.isoformat())
            ),
            reference=None,
            unconfirmed=True,
        )
    required = required_funds_cad(size, snapshot)
    known = exempt | ~np.isnan(funds)
    met = tristate(exempt | (np.nan_to_num(funds, nan=-1.0) >= required), known)

    def reason(row: int) -> object:
        if exempt[row]:
            return msg("funds.exempt")
        if np.isnan(funds[row]):
            return msg("funds.unknown", required=int(required[row]), size=int(size[row]))
        return msg(
            "funds.have",
            funds=round(float(funds[row])),
            required=int(required[row]),
            size=int(size[row]),
        )

    return CriterionColumn(
        rule=rule_id,
        met=met,
        reason=reason,  # type: ignore[arg-type]
        needed=lambda r: msg("funds.needed", required=int(required[r])),
        reference=cite(snapshot, PROOF_OF_FUNDS),
    )
