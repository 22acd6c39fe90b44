"""Federal Skilled Trades Program (IRPR s. 87.2): trade experience, language, offer or certificate."""

from __future__ import annotations

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.programs import CriterionColumn, Program, ProgramColumns, cite, register, tristate
from canpath.rules.federal.express_entry.eligibility_facts import FST_MINIMUMS, FST_TRADES
from canpath.rules.federal.express_entry.proof_of_funds import proof_of_funds_criterion
from canpath.rules.federal.language import ABILITIES


class FederalSkilledTrades(Program):
    """Federal Skilled Trades Program."""

    id = "express_entry.fst"
    kind = "permanent_residence"
    uses = (FST_MINIMUMS, FST_TRADES)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        snapshot = facts.snapshot
        rules = snapshot.value(FST_MINIMUMS)
        needed = float(rules["work_hours"])
        hours = facts["fst_trade_hours"]
        minimum = np.array([int(rules["min_clb"][ability]) for ability in ABILITIES])
        english_ok = np.asarray((facts["english_clb"] >= minimum).all(axis=1))
        french_ok = np.asarray((facts["french_nclc"] >= minimum).all(axis=1))
        offer_or_certificate = (
            facts["has_fst_job_offer"] | facts["has_certificate_of_qualification"]
        )
        reference = cite(snapshot, FST_MINIMUMS)
        levels = ", ".join(f"{ability} {minimum[i]}" for i, ability in enumerate(ABILITIES))
        criteria = [
            CriterionColumn(
                rule="federal.express_entry.fst.work_experience",
                met=tristate(hours + 1e-6 >= needed),
                reason=lambda r: msg(
                    "fst.work", hours=round(float(hours[r])), needed=round(needed)
                ),
                needed=lambda r: msg("fst.work_needed", more=round(needed - float(hours[r]))),
                reference=cite(snapshot, FST_TRADES),
            ),
            CriterionColumn(
                rule="federal.express_entry.fst.language",
                met=tristate(english_ok | french_ok),
                reason=lambda r: msg(
                    "fst.language_met" if english_ok[r] or french_ok[r] else "fst.language_not_met",
                    levels=levels,
                ),
                needed=lambda r: msg("fst.language_needed", levels=levels),
                reference=reference,
            ),
            CriterionColumn(
                rule="federal.express_entry.fst.job_offer_or_certificate",
                met=tristate(offer_or_certificate),
                reason=lambda r: msg(
                    "fst.offer_met" if offer_or_certificate[r] else "fst.offer_not_met"
                ),
                needed=lambda r: msg("fst.offer_needed"),
                reference=reference,
            ),
            proof_of_funds_criterion(facts, "federal.express_entry.fst.proof_of_funds"),
        ]
        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot)
        )


register(FederalSkilledTrades())
