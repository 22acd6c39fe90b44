"""What every provincial stream shares: ids, planner facts, nomination type, messages, coverage."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from canpath.api import evaluate_programs, facts_for
from canpath.coverage import load_coverage
from canpath.i18n import catalog
from canpath.profile import Profile, load_profile
from canpath.programs import all_programs
from canpath.results import ProgramResult

from .helpers import PROFILES, stream

STREAMS = {
    "ab.aos": "base",
    "ab.accelerated_tech": "enhanced",
    "on.hcp_tech": "enhanced",
    "on.employer_foreign_worker": "base",
    "on.workforce_priority": None,  # the applicant's choice
    "bc.tech": None,
    "bc.high_economic_impact": None,
    "sk.tech_talent": None,
}
EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "profiles").glob("*.yaml"))
SCENARIOS = sorted(PROFILES.glob("*.yaml"))
DATES = ["2019-06-01", "2022-11-16", "2024-10-01", "2026-06-26", "2026-11-25"]
PLANNER_KEYS = {
    "leads_to",
    "province",
    "nomination",
    "months_in_province_required",
    "closes_on",
    "processing_weeks",
}


def test_the_issue_streams_are_registered_as_provincial_nominations() -> None:
    kinds = {program.id: program.kind for program in all_programs()}
    for program_id in STREAMS:
        assert kinds[program_id] == "provincial_nomination"


@pytest.mark.parametrize("program_id", sorted(STREAMS))
def test_planner_facts_and_nomination_type(program_id: str) -> None:
    profile = load_profile(PROFILES / "calgary-software-developer.yaml")
    on = {
        "on.hcp_tech": "2024-10-01",
        "on.employer_foreign_worker": "2024-10-01",
        "bc.tech": "2024-10-01",
    }.get(program_id, "2026-11-25")
    result = stream(profile, on, program_id)
    assert result.status == "open"
    assert set(result.facts) >= PLANNER_KEYS
    assert result.facts["leads_to"] == "provincial_nomination"
    assert result.facts["province"] == program_id[:2].upper()
    assert result.facts["nomination"] in ("enhanced", "base")
    if STREAMS[program_id] is not None:
        assert result.facts["nomination"] == STREAMS[program_id]
    points = result.facts["crs_points_on_nomination"]
    assert points == (600 if result.facts["nomination"] == "enhanced" else 0)


def results(path: Path, on: str) -> list[ProgramResult]:
    from canpath.api import assess

    return [p for p in assess(path, on=on).programs if p.id in STREAMS]


@pytest.mark.parametrize("path", EXAMPLES + SCENARIOS, ids=lambda p: p.stem)
def test_every_message_renders_in_both_languages(path: Path) -> None:
    for on in DATES:
        for result in results(path, on):
            for language in ("en", "fr"):
                rendered = result.to_dict(language)
                text = " ".join(
                    [rendered["name"]]
                    + [c["reason"] + c.get("needed", "") for c in rendered["criteria"]]
                )
                assert not re.search(r"\bprovincial\.[a-z]|\bprogram\.[a-z]|\{[a-z_]+\}", text), (
                    path.stem,
                    on,
                    language,
                    text,
                )


def test_every_provincial_key_is_in_both_catalogs() -> None:
    def mine(language: str) -> set[str]:
        return {
            key
            for key in catalog(language)
            if key.startswith("provincial.")
            or key.split(".")[:2] in (["program", p] for p in ("ab", "on", "bc", "sk"))
        }

    assert mine("en") == mine("fr")
    assert len(mine("en")) > 100


def test_scores_never_hide_a_missing_answer_as_zero() -> None:
    for path in EXAMPLES + SCENARIOS:
        for result in results(path, "2026-11-25"):
            score = result.score or {}
            if score.get("points", 0) is None:
                assert score["missing"], (path.stem, result.id)
                assert None in score["factors"].values()


def test_a_batch_gives_what_one_at_a_time_gives() -> None:
    profiles: list[Profile] = [load_profile(path) for path in EXAMPLES + SCENARIOS]
    for on in (date(2024, 10, 1), date(2026, 11, 25)):
        together = {c.id: c for c in evaluate_programs(facts_for(profiles, on), list(STREAMS))}
        for row, profile in enumerate(profiles):
            alone = {c.id: c for c in evaluate_programs(facts_for([profile], on), list(STREAMS))}
            for program_id, columns in alone.items():
                batch = together[program_id].result(row).to_dict()
                single = columns.result(0).to_dict()
                assert batch == single, (profile, program_id, on)


def test_coverage_lists_what_is_modelled_and_what_is_not() -> None:
    entry = next(item for item in load_coverage() if item["domain"].startswith("Provincial"))
    modelled = {item["id"] for item in entry["modelled"]}
    assert set(STREAMS) <= modelled
    not_modelled = " ".join(item["what"] for item in entry["not_modelled"])
    for province in ("Quebec", "Manitoba", "Nova Scotia", "New Brunswick"):
        assert province in not_modelled
    assert all(item["why"] for item in entry["not_modelled"])
