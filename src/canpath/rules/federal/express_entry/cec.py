"""Canadian Experience Class (IRPR s. 87.1): a year of skilled Canadian work and its language level."""

from __future__ import annotations

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.programs import CriterionColumn, Program, ProgramColumns, cite, register, tristate

MINIMUMS = "federal.express_entry.cec.minimums"


class CanadianExperienceClass(Program):
    """Canadian Experience Class."""

    id = "express_entry.cec"
    kind = "permanent_residence"
    uses = (MINIMUMS,)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        """A year of authorized skilled Canadian work in three years, with the language its TEER needs.

        Hours in TEER 0-1 count only with the TEER 0-1 language level; hours in TEER 2-3 with the
        TEER 2-3 level (interpretation INT-004 for people with experience in both).
        """
        snapshot = facts.snapshot
        rules = snapshot.value(MINIMUMS)
        needed = float(rules["work_hours"])
        high, low = int(rules["min_clb_by_teer"][0]), int(rules["min_clb_by_teer"][2])
        upper = facts["cec_hours_teer_0_1"]
        lower = facts["cec_hours_teer_2_3"]
        total = upper + lower
        language = np.maximum(facts["english_clb"].min(axis=1), facts["french_nclc"].min(axis=1))
        counted = np.where(language >= high, upper, 0.0) + np.where(language >= low, lower, 0.0)
        has_hours = total + 1e-6 >= needed
        reference = cite(snapshot, MINIMUMS)

        def language_reason(row: int) -> object:
            return msg(
                "cec.language", level=int(language[row]), high=high, low=low,
                upper=round(float(upper[row])), lower=round(float(lower[row])),
            )  # fmt: skip

        criteria = [
            CriterionColumn(
                rule="federal.express_entry.cec.canadian_work_experience",
                met=tristate(has_hours),
                reason=lambda r: msg(
                    "cec.work", hours=round(float(total[r])), needed=round(needed)
                ),
                needed=lambda r: msg("cec.work_needed", more=round(needed - float(total[r]))),
                reference=reference,
            ),
            CriterionColumn(
                rule="federal.express_entry.cec.language",
                met=tristate(~has_hours | (counted + 1e-6 >= needed)),
                reason=language_reason,  # type: ignore[arg-type]
                needed=lambda r: msg("cec.language_needed", high=high, low=low),
                reference=reference,
            ),
        ]
        return ProgramColumns(
            self.id, self.kind, criteria, facts.size, warnings=self.warnings(snapshot)
        )


register(CanadianExperienceClass())
