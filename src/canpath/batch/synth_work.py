"""The flat-layout columns of synthetic people: what the rules derive from their profiles on `on`.

Synthetic jobs have a simple shape (at most a foreign job, then after a gap a current Canadian
job; no student, self-employed or unauthorized work), so hours have a closed form: the days of a
job inside a window times the weekly hours counted (30 at most) over seven, as
`work_experience.full_time_equivalent_hours` counts them. Windows, TEERs, trades and category
lists come from the rules in force on `on`. `tests/batch/test_synth.py` checks every column
against the derivers run on the same people's profiles.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.batch.layout import EDUCATION_CODES, occupation_categories
from canpath.batch.synth import EDUCATION, LENGTH_YEARS, NOCS
from canpath.params import RULES, Snapshot
from canpath.rules.federal.express_entry.education import PROFILE_TO_LEVEL
from canpath.rules.federal.express_entry.eligibility_facts import is_trade
from canpath.timeutil import add_years

Array = npt.NDArray[Any]
CATEGORIES = "federal.express_entry.categories"


class Jobs:
    """Both synthetic jobs of every person: dates, hours counted per week, occupations."""

    def __init__(self, columns: dict[str, Array], on: date, snapshot: Snapshot) -> None:
        self.today = np.datetime64(on, "D")
        self.on = on
        skilled = snapshot.value("federal.express_entry.skilled_work")
        cap = float(skilled["max_hours_per_week"])
        self.per_year = float(skilled["hours_per_year"])
        self.skilled_teer = np.asarray(skilled["skilled_teer"])
        teer = np.array([int(code[1]) for code in NOCS] + [9])
        trade = np.array([is_trade(code, snapshot) for code in NOCS] + [False])
        self.codes = np.asarray([*NOCS, ""], dtype=object)
        self.noc = {"foreign": columns["_foreign_noc"], "canadian": columns["_canadian_noc"]}
        self.start = {"foreign": columns["_foreign_start"], "canadian": columns["_canadian_start"]}
        self.end = {
            "foreign": columns["_foreign_end"],
            "canadian": np.full(len(self.noc["foreign"]), self.today),
        }
        self.rate = {"foreign": np.full(len(self.noc["foreign"]), cap),
                     "canadian": np.minimum(columns["_canadian_hours"], cap)}  # fmt: skip
        self.teer = {place: teer[nocs] for place, nocs in self.noc.items()}
        self.trade = {place: trade[nocs] for place, nocs in self.noc.items()}

    def hours(self, place: str, years: int) -> Array:
        """Hours of the job inside the last `years` years (0 without that job)."""
        since = np.datetime64(add_years(self.on, -years), "D")
        start = self.start[place]
        valid = ~np.isnat(start)
        first = np.where(valid, np.maximum(start, since), self.today)
        days = np.where(valid, (self.end[place] - first).astype(np.int64) + 1, 0)
        return np.maximum(days, 0) * self.rate[place] / 7  # type: ignore[no-any-return]

    def skilled(self, place: str) -> Array:
        return np.isin(self.teer[place], self.skilled_teer)

    def whole_years(self, hours: Array) -> Array:
        return np.floor_divide(hours + 1e-6, self.per_year).astype(np.int8)


def _education(level: Array, canadian: Array, counted: Array) -> dict[str, Array]:
    """Codes of the counted level and Canadian credential, and two-year Canadian study, by lookup."""
    lengths = np.array([LENGTH_YEARS[name] for name in EDUCATION])[level]
    crs_level = np.array([PROFILE_TO_LEVEL[name] for name in EDUCATION])[level]
    codes = np.array([EDUCATION_CODES[name] for name in EDUCATION], dtype=np.int8)
    post_secondary = ~np.isin(crs_level, ["less_than_secondary", "secondary"])
    long = np.isin(crs_level, ["masters", "doctoral"]) | (lengths >= 3)
    credential = np.where(canadian & post_secondary, np.where(long, 2, 1), 0)
    return {
        "level": np.where(counted, codes[level], EDUCATION_CODES["less_than_secondary"]).astype(
            np.int8
        ),
        "credential": credential.astype(np.int8),
        "study": canadian & (lengths >= 2),
    }


def _categories(jobs: Jobs, snapshot: Snapshot) -> dict[str, Array]:
    """Hours towards each occupation category in force: the most in one listed occupation."""
    found: dict[str, Array] = {}
    if not snapshot.is_in_force(CATEGORIES):
        return found
    value = snapshot.value(CATEGORIES)
    for name, category in value["categories"].items():
        if category["kind"] != "occupation" or category["occupations"] is None:
            continue
        rule = category.get("min_experience") or value["min_experience"]
        listed = np.asarray([code in category["occupations"] for code in NOCS] + [False])
        foreign = listed[jobs.noc["foreign"]] & (rule.get("location", "any") != "canada")
        canadian = listed[jobs.noc["canadian"]]
        years = int(rule["window_years"])
        abroad = np.where(foreign, jobs.hours("foreign", years), 0.0)
        here = np.where(canadian, jobs.hours("canadian", years), 0.0)
        same = foreign & canadian & (jobs.noc["foreign"] == jobs.noc["canadian"])
        together = abroad + here if not rule["continuous"] else np.maximum(abroad, here)
        found[f"category_hours_{name}"] = np.where(same, together, np.maximum(abroad, here))
    for name in occupation_categories():
        found.setdefault(f"category_hours_{name}", np.full(len(jobs.teer["foreign"]), np.nan))
    return found


def derive(columns: dict[str, Array], on: date) -> dict[str, Array]:
    """The flat-layout columns the synthetic people's profiles give on `on`."""
    snapshot = RULES.at(on)
    jobs = Jobs(columns, on, snapshot)
    crs_window = snapshot.value("federal.express_entry.crs.work_experience_window")
    fsw_years = int(snapshot.value("federal.express_entry.fsw.minimums")["window_years"])
    grid_years = int(
        snapshot.value("federal.express_entry.fsw.grid.work_experience")["window_years"]
    )
    cec_years = int(snapshot.value("federal.express_entry.cec.minimums")["window_years"])
    fst_years = int(snapshot.value("federal.express_entry.fst.minimums")["window_years"])
    skilled_abroad = {
        y: np.where(jobs.skilled("foreign"), jobs.hours("foreign", y), 0.0)
        for y in {fsw_years, grid_years}
    }
    skilled_here = {
        y: np.where(jobs.skilled("canadian"), jobs.hours("canadian", y), 0.0)
        for y in {fsw_years, grid_years}
    }
    here_recent = jobs.hours("canadian", cec_years)
    teer = jobs.teer["canadian"]
    education = _education(
        columns["_education_level"], columns["_education_canadian"], columns["_education_eca"]
    )
    scored = columns["spouse"] == 1
    spouse = _education(columns["_spouse_education_level"], columns["_spouse_education_canadian"],
                        columns["_spouse_education_counted"])  # fmt: skip
    spouse_start = columns["_spouse_start"]
    spouse_days = np.where(
        np.isnat(spouse_start), 0, (jobs.today - spouse_start).astype(np.int64) + 1
    )
    spouse_skilled = np.isin(
        np.array([int(c[1]) for c in NOCS] + [9])[columns["_spouse_noc"]], jobs.skilled_teer
    )
    derived: dict[str, Array] = {
        "education_level": education["level"],
        "canadian_credential": education["credential"],
        "has_canadian_study": education["study"],
        "canadian_work_years": jobs.whole_years(
            np.where(
                jobs.skilled("canadian"),
                jobs.hours("canadian", int(crs_window["canadian_years"])),
                0.0,
            )
        ),
        "foreign_work_years": jobs.whole_years(
            np.where(
                jobs.skilled("foreign"),
                jobs.hours("foreign", int(crs_window["foreign_years"])),
                0.0,
            )
        ),
        "fsw_continuous_hours": np.maximum(skilled_abroad[fsw_years], skilled_here[fsw_years]),
        "fsw_grid_work_years": jobs.whole_years(
            skilled_abroad[grid_years] + skilled_here[grid_years]
        ),
        "cec_hours_teer_0_1": np.where(np.isin(teer, [0, 1]), here_recent, 0.0),
        "cec_hours_teer_2_3": np.where(np.isin(teer, [2, 3]), here_recent, 0.0),
        "fst_trade_hours": np.where(jobs.trade["foreign"], jobs.hours("foreign", fst_years), 0.0)
        + np.where(jobs.trade["canadian"], jobs.hours("canadian", fst_years), 0.0),
        "spouse_education_level": np.where(scored, spouse["level"], 0).astype(np.int8),
        "spouse_has_canadian_study": scored & spouse["study"],
        "spouse_canadian_work_years": np.where(
            scored & spouse_skilled, jobs.whole_years(spouse_days * jobs.rate["foreign"] / 7), 0
        ).astype(np.int8),
        "spouse_english": np.where(scored[:, None], columns["_spouse_english"], 0).astype(np.int8),
        "spouse_french": np.where(scored[:, None], columns["_spouse_french"], 0).astype(np.int8),
        "relative_in_canada": np.where(columns["_relative"], 1, -1).astype(np.int8),
        "family_size": np.where(
            columns["_children"] >= 0, 1 + (columns["spouse"] > 0) + columns["_children"], 0
        ).astype(np.int16),
    }
    derived.update(_categories(jobs, snapshot))
    return derived
