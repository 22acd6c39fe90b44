"""The work-permit routes inside `canpath assess`: ids, JSON shape, planner facts, both languages."""

from __future__ import annotations

import collections
import importlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import canpath.facts
from canpath.api import assess
from canpath.cli import app

ROOT = Path(__file__).parent.parent.parent
AUSTIN = ROOT / "examples" / "profiles" / "austin-data-scientist-married.yaml"
IDS = [
    "gts.category_a", "gts.category_b", "cusma.professional", "cusma.intra_company_transferee",
    "ict.general", "pgwp", "iec.working_holiday", "iec.young_professionals",
    "iec.international_coop", "spousal_open_work_permit", "gss.short_duration_exemption",
    "h1b_open_work_permit_2023",
]  # fmt: skip
PLANNER_KEYS = {"leads_to", "permit", "processing_weeks", "permit_length_months", "renewable",
                "counts_as_skilled_canadian_experience", "employer_specific", "closes_on"}  # fmt: skip


def test_every_work_permit_route_is_in_the_assessment_with_a_stable_id() -> None:
    found = [p.id for p in assess(AUSTIN, "2026-11-25").programs if p.kind == "work_permit"]
    assert found == IDS


def test_the_austin_data_scientist_is_assessed_sensibly() -> None:
    result = assess(AUSTIN, "2026-11-25")
    assert (
        result.program("cusma.professional").eligible is True
    )  # US citizen, bachelor's in statistics
    assert (
        result.program("gts.category_b").eligible is True
    )  # 21211 is listed; 140,000 $ above the Toronto median
    assert result.program("gts.category_a").eligible is False  # no referral partner
    assert result.program("pgwp").eligible is False  # no Canadian study
    assert result.program("iec.working_holiday").eligible is False  # no US arrangement
    assert result.program("spousal_open_work_permit").eligible is None  # permit length unknown yet
    assert result.program("h1b_open_work_permit_2023").status == "closed"


@pytest.mark.parametrize("program_id", IDS[:-1])
def test_open_routes_give_the_planner_its_facts(program_id: str) -> None:
    facts = assess(AUSTIN, "2026-11-25", [program_id]).program(program_id).facts
    assert set(facts) >= PLANNER_KEYS
    json.dumps(facts)  # JSON-ready


def test_assess_json_has_criteria_with_rule_reason_and_reference() -> None:
    options = [part for program_id in IDS for part in ("-p", program_id)]
    code = CliRunner().invoke(
        app, ["assess", str(AUSTIN), "--on", "2026-11-25", "--json", *options]
    )
    assert code.exit_code == 0
    data = json.loads(code.stdout)
    assert [program["id"] for program in data["programs"]] == IDS
    for program in data["programs"]:
        assert program["kind"] == "work_permit" and program["eligible"] in (True, False, None)
        for item in program["criteria"]:
            assert item["rule"] and item["reason"] and item["met"] in (True, False, None)
            assert item["reference"]["href"].startswith("http")


def test_french_explanations() -> None:
    text = json.dumps(assess(AUSTIN, "2026-11-25", ["cusma"]).to_dict("fr"), ensure_ascii=False)
    assert "ACEUM" in text and "wp." not in text


def test_work_permit_columns_do_not_collide_with_other_domains() -> None:
    for package in canpath.facts.DERIVER_PACKAGES:
        for module in getattr(importlib.import_module(package), "DERIVER_MODULES", ()):
            importlib.import_module(module)
    owners = collections.defaultdict(list)
    for group, found in canpath.facts.DERIVERS.items():
        for column in found.columns:
            owners[column.name].append(group)
    ours = {
        name for name, groups in owners.items() if any(g.startswith("work_permit") for g in groups)
    }
    assert all(len(owners[name]) == 1 for name in ours), {
        n: owners[n] for n in ours if len(owners[n]) > 1
    }


def test_fees_in_the_workers_facts_waive_biometrics_for_us_citizens() -> None:
    # IRPR 299(1) 155 $, 303.1 230 $ (employer), biometrics 85 $ waived for US nationals (12.2).
    fees = (
        assess(AUSTIN, "2026-11-25", ["cusma.professional"])
        .program("cusma.professional")
        .facts["fees"]
    )
    assert [(f["item"], f["amount_cad"], f["paid_by"], f["waived"]) for f in fees] == [
        ("work_permit", 155, "worker", False),
        ("employer_compliance", 230, "employer", False),
        ("biometrics", 85, "worker", True),
    ]
