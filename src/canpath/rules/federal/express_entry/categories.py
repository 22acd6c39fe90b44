"""Category-based selection (IRPA s. 10.3(1)(e), from 2023-05-31): who a category round can invite.

A candidate must be eligible for FSW, CEC or FST and meet the category: French at NCLC 7 in all
four abilities, or enough recent experience in one listed occupation. Where the occupation list of
a year is not confirmed, the criterion is unknown, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np

from canpath.facts import Column, Facts, deriver
from canpath.i18n import msg
from canpath.params import Snapshot
from canpath.profile import Profile
from canpath.programs import (
    FALSE,
    TRUE,
    UNKNOWN,
    CriterionColumn,
    Program,
    ProgramColumns,
    all_programs,
    cite,
    register,
    tristate,
)
from canpath.reference.noc import title_of
from canpath.rules.federal.express_entry import work_experience as work
from canpath.timeutil import add_years

CATEGORIES = "federal.express_entry.categories"
SKILLED_WORK = work.SKILLED_WORK
BASE_PROGRAMS = ("express_entry.fsw", "express_entry.cec", "express_entry.fst")
CATEGORY_IDS = (
    "stem", "french", "healthcare", "trades", "transport", "agriculture", "education",
    "physicians", "researchers", "senior_managers", "military",
)  # fmt: skip


def _experience_rule(snapshot: Snapshot, category: Mapping[str, Any]) -> Mapping[str, Any]:
    rule: Mapping[str, Any] = (
        category.get("min_experience") or snapshot.value(CATEGORIES)["min_experience"]
    )
    return rule


def category_hours(
    profile: Profile, on: date, snapshot: Snapshot, category: Mapping[str, Any]
) -> tuple[float, str | None]:
    """Most hours in one listed occupation inside the category's window (continuous if required)."""
    rule = _experience_rule(snapshot, category)
    skilled = snapshot.value(SKILLED_WORK)
    chosen = work.select(
        profile.work,
        on,
        teer=range(6),
        location=rule.get("location", "any"),
        nocs=category["occupations"],
    )
    start = add_years(on, -int(rule["window_years"]))
    cap = skilled["max_hours_per_week"]
    if rule["continuous"]:
        return work.longest_continuous_hours(chosen, start, on, cap)
    by_noc = work.hours_by_occupation(chosen, start, on, cap)
    if not by_noc:
        return 0.0, None
    noc = max(by_noc, key=by_noc.__getitem__)
    return by_noc[noc], noc


# Categories whose criterion is experience in a listed occupation (one hours column each).
OCCUPATIONAL = (
    "stem", "healthcare", "trades", "transport", "agriculture", "education",
    "physicians", "researchers", "senior_managers",
)  # fmt: skip
HOURS_COLUMNS = tuple(
    Column(f"category_hours_{name}", "float64", f"most hours in one occupation of the {name} category in its window (0 when its list is not in force)")
    for name in OCCUPATIONAL
)  # fmt: skip


@deriver("express_entry_categories", HOURS_COLUMNS)
def derive_category_hours(
    profile: Profile, on: date, snapshot: Snapshot
) -> tuple[Mapping[str, Any], Any]:
    """Hours towards each occupational category in force on the date; the occupations as detail."""
    hours = dict.fromkeys((column.name for column in HOURS_COLUMNS), 0.0)
    occupations: dict[str, str | None] = {}
    if snapshot.is_in_force(CATEGORIES):
        for name, category in snapshot.value(CATEGORIES)["categories"].items():
            if category["kind"] == "occupation" and category["occupations"] is not None:
                found, noc = category_hours(profile, on, snapshot, category)
                hours[f"category_hours_{name}"] = found
                occupations[name] = noc
    return hours, occupations


def _base_eligibility(facts: Facts) -> np.ndarray:
    def build() -> np.ndarray:
        programs = {program.id: program for program in all_programs()}
        stacked = np.stack([programs[pid].evaluated(facts).eligible for pid in BASE_PROGRAMS])
        return np.where(
            (stacked == TRUE).any(axis=0),
            TRUE,
            np.where((stacked == UNKNOWN).any(axis=0), UNKNOWN, FALSE),
        ).astype(np.int8)

    return facts.memo("express_entry.base_eligibility", build)  # type: ignore[no-any-return]


class CategoryProgram(Program):
    """Eligibility for one category of category-based selection rounds."""

    kind = "express_entry_category"
    uses = (CATEGORIES,)

    def __init__(self, category_id: str) -> None:
        self.category_id = category_id
        self.id = f"express_entry.category.{category_id}"

    def evaluate(self, facts: Facts) -> ProgramColumns:
        snapshot = facts.snapshot
        size = facts.size
        if not snapshot.is_in_force(CATEGORIES):
            return _closed(self, facts, "category.not_yet", "not_yet_open")
        categories = snapshot.value(CATEGORIES)["categories"]
        if self.category_id not in categories:
            return _closed(self, facts, "category.not_in_force", "closed")
        category = categories[self.category_id]
        reference = cite(snapshot, CATEGORIES)
        base = _base_eligibility(facts)
        criteria = [
            CriterionColumn(
                rule="federal.express_entry.categories.express_entry_program",
                met=base,
                reason=lambda r: msg(f"category.base_{int(base[r])}"),
                needed=lambda r: msg("category.base_needed"),
                reference=reference,
            ),
            self._category_criterion(facts, category, size),
        ]
        return ProgramColumns(self.id, self.kind, criteria, size, warnings=self.warnings(snapshot))

    def _category_criterion(
        self, facts: Facts, category: Mapping[str, Any], size: int
    ) -> CriterionColumn:
        snapshot = facts.snapshot
        reference = cite(snapshot, CATEGORIES)
        rule = f"federal.express_entry.categories.{self.category_id}"
        if category["kind"] == "language":
            minimum = int(category["min_nclc_all_four"])
            levels = facts["french_nclc"].min(axis=1)
            return CriterionColumn(
                rule=rule, met=tristate(levels >= minimum), reference=reference,
                reason=lambda r: msg("category.french", level=int(levels[r]), needed=minimum),
                needed=lambda r: msg("category.french_needed", needed=minimum),
            )  # fmt: skip
        if category["occupations"] is None:
            return CriterionColumn(
                rule=rule, met=np.full(size, UNKNOWN, dtype=np.int8), reference=reference, unconfirmed=True,
                reason=lambda r: msg("category.list_unknown", since=snapshot[CATEGORIES].since.isoformat()),
            )  # fmt: skip
        if category["kind"] == "job_offer":
            employer = str(category["employer"]).lower()
            names = facts["job_offer_employer"]
            distinct, where = np.unique(names.astype(str), return_inverse=True)
            named = np.array([employer in name.lower() for name in distinct], dtype=bool)[
                where.reshape(-1)
            ]
            met = np.isin(facts["job_offer_noc"].astype(str), list(category["occupations"])) & named
            return CriterionColumn(
                rule=rule, met=tristate(met), reference=reference,
                reason=lambda r: msg("category.military_met" if met[r] else "category.military_not_met"),
            )  # fmt: skip
        experience = _experience_rule(snapshot, category)
        needed = (
            float(experience["months"]) / 12 * float(snapshot.value(SKILLED_WORK)["hours_per_year"])
        )
        hours = facts[f"category_hours_{self.category_id}"]

        def occupation(row: int) -> str:
            details = facts.detail("express_entry_categories", row)
            noc = details.get(self.category_id) if details else None
            return f"{noc} {title_of(noc)}" if noc else "-"

        place = (
            msg("category.in_canada")
            if experience.get("location") == "canada"
            else msg("category.anywhere")
        )
        return CriterionColumn(
            rule=rule, met=tristate(hours + 1e-6 >= needed), reference=reference,
            reason=lambda r: msg(
                "category.occupation", hours=round(float(hours[r])), needed=round(needed),
                occupation=occupation(r),
                months=experience["months"], years=experience["window_years"], where=place,
            ),
            needed=lambda r: msg("category.occupation_needed", codes=", ".join(category["occupations"])),
        )  # fmt: skip


def _closed(program: CategoryProgram, facts: Facts, key: str, status: str) -> ProgramColumns:
    criterion = CriterionColumn(
        rule=f"federal.express_entry.categories.{program.category_id}",
        met=np.full(facts.size, FALSE, dtype=np.int8),
        reason=lambda r: msg(key, on=facts.on.isoformat()),
        reference=cite(facts.snapshot, CATEGORIES),
    )
    return ProgramColumns(program.id, program.kind, [criterion], facts.size, status=status)


for _category in CATEGORY_IDS:
    register(CategoryProgram(_category))
