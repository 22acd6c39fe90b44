"""Federal Skilled Worker Program: minimum requirements, the 67-point grid, proof of funds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from canpath.facts import Facts
from canpath.i18n import msg
from canpath.params import Snapshot
from canpath.params.lookup import IntArray, by_integer, by_name, number
from canpath.programs import CriterionColumn, Program, ProgramColumns, cite, register, tristate
from canpath.rules.federal.express_entry.education import LEVEL_CODE, LEVELS
from canpath.rules.federal.express_entry.proof_of_funds import proof_of_funds_criterion
from canpath.rules.registry import rule

MINIMUMS = "federal.express_entry.fsw.minimums"
PASS_MARK = "federal.express_entry.fsw.grid.pass_mark"
LANGUAGE = "federal.express_entry.fsw.grid.language"
EDUCATION = "federal.express_entry.fsw.grid.education"
WORK = "federal.express_entry.fsw.grid.work_experience"
AGE = "federal.express_entry.fsw.grid.age"
ARRANGED = "federal.express_entry.fsw.grid.arranged_employment"
ADAPTABILITY = "federal.express_entry.fsw.grid.adaptability"
GRID = (LANGUAGE, EDUCATION, WORK, AGE, ARRANGED, ADAPTABILITY)


@dataclass
class FswGrid:
    """Grid points per factor for every row, and which language counted as first."""

    factors: dict[str, IntArray]
    total: IntArray
    first_minimum: IntArray


def _language_points(first: IntArray, second: IntArray, snapshot: Snapshot) -> IntArray:
    table = snapshot[LANGUAGE]
    first_points = by_integer(table, first, "first_per_ability").sum(axis=1)
    second_points = np.where(
        second.min(axis=1) >= number(table, "second_min_clb_all_four"),
        number(table, "second_points"),
        0,
    )
    return first_points + second_points  # type: ignore[no-any-return]


@rule(uses=GRID)
def fsw_grid(facts: Facts, snapshot: Snapshot) -> FswGrid:
    """The six selection factors of IRPR ss. 78-83, summed (the pass mark is checked apart)."""
    english, french = facts["english_clb"], facts["french_nclc"]
    as_english = _language_points(english, french, snapshot)
    as_french = _language_points(french, english, snapshot)
    choice = facts["first_official_language"]
    is_french = np.where(choice == 0, as_french > as_english, choice == 2)
    language = np.where(is_french, as_french, as_english)
    first_minimum = np.where(is_french, french.min(axis=1), english.min(axis=1))
    offer = facts["has_valid_job_offer"]
    adaptability = snapshot[ADAPTABILITY]
    spouse = facts["is_scored_with_spouse"]
    items = (
        np.where(spouse & (facts["spouse_min_clb"] >= number(adaptability, "spouse_language_min_clb_all_four")), number(adaptability, "spouse_language"), 0)
        + np.where(facts["has_canadian_study"], number(adaptability, "own_study_in_canada"), 0)
        + np.where(spouse & facts["spouse_has_canadian_study"], number(adaptability, "spouse_study_in_canada"), 0)
        + np.where(facts["canadian_work_years"] >= number(adaptability, "work_min_years"), number(adaptability, "own_work_in_canada"), 0)
        + np.where(spouse & (facts["spouse_canadian_work_years"] >= number(adaptability, "work_min_years")), number(adaptability, "spouse_work_in_canada"), 0)
        + np.where(offer, number(adaptability, "arranged_employment"), 0)
        + np.where(facts["relative_in_canada"] == 1, number(adaptability, "relative_in_canada"), 0)
    )  # fmt: skip
    factors = {
        "language": language,
        "education": by_name(snapshot[EDUCATION], facts["education_level"], LEVELS),
        "work_experience": by_integer(snapshot[WORK], facts["fsw_grid_work_years"], "points"),
        "age": by_integer(snapshot[AGE], facts["age_years"]),
        "arranged_employment": np.where(offer, number(snapshot[ARRANGED], "points"), 0),
        "adaptability": np.minimum(items, number(adaptability, "maximum")),
    }
    return FswGrid(factors, sum(factors.values()), first_minimum)


class FederalSkilledWorker(Program):
    """Federal Skilled Worker Program (IRPR s. 75)."""

    id = "express_entry.fsw"
    kind = "permanent_residence"
    uses = (MINIMUMS, PASS_MARK, *GRID)

    def evaluate(self, facts: Facts) -> ProgramColumns:
        snapshot = facts.snapshot
        minimums = snapshot.value(MINIMUMS)
        grid = fsw_grid(facts, snapshot)
        pass_mark = int(snapshot.value(PASS_MARK)["pass_mark"])
        hours = facts["fsw_continuous_hours"]
        needed_hours = float(minimums["work_hours"])
        min_clb = int(minimums["min_clb_all_four"])
        level = facts["education_level"]
        min_level = LEVEL_CODE[minimums["min_education_level"]]
        rule = "federal.express_entry.fsw"
        criteria = [
            CriterionColumn(
                rule=f"{rule}.work_experience",
                met=tristate(hours + 1e-6 >= needed_hours),
                reason=lambda r: msg(
                    "fsw.work", hours=round(float(hours[r])), needed=round(needed_hours)
                ),
                needed=lambda r: msg("fsw.work_needed", more=round(needed_hours - float(hours[r]))),
                reference=cite(snapshot, MINIMUMS),
            ),
            CriterionColumn(
                rule=f"{rule}.language",
                met=tristate(grid.first_minimum >= min_clb),
                reason=lambda r: msg(
                    "fsw.language", minimum=int(grid.first_minimum[r]), needed=min_clb
                ),
                needed=lambda r: msg("fsw.language_needed", needed=min_clb),
                reference=cite(snapshot, MINIMUMS),
            ),
            CriterionColumn(
                rule=f"{rule}.education",
                met=tristate(level >= min_level),
                reason=lambda r: msg(
                    "fsw.education", level=msg(f"education.{LEVELS[int(level[r])]}")
                ),
                needed=lambda r: msg("fsw.education_needed"),
                reference=cite(snapshot, MINIMUMS),
            ),
            CriterionColumn(
                rule=f"{rule}.selection_grid",
                met=tristate(grid.total >= pass_mark),
                reason=lambda r: msg("fsw.grid", points=int(grid.total[r]), pass_mark=pass_mark),
                needed=lambda r: msg("fsw.grid_needed", more=pass_mark - int(grid.total[r])),
                reference=cite(snapshot, PASS_MARK),
            ),
            proof_of_funds_criterion(facts, f"{rule}.proof_of_funds"),
        ]

        def score(row: int) -> dict[str, Any]:
            return {
                "points": int(grid.total[row]),
                "pass_mark": pass_mark,
                "maximum": int(snapshot.value(PASS_MARK)["maximum"]),
                "factors": {name: int(values[row]) for name, values in grid.factors.items()},
            }

        return ProgramColumns(
            self.id, self.kind, criteria, facts.size,
            score=grid.total, score_detail=score, warnings=self.warnings(snapshot),
        )  # fmt: skip


register(FederalSkilledWorker())
