"""The employer's view: routes open to a role, for whom, cost, time and commitments.

Fees and standards from research/work-permits.md sections 1.6, 1.7 and 7; the list and wage rules
as in the worker's view (the same rule functions run).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from canpath.employer import assess_role, load_role, parse_role
from canpath.employer.render import role_renderable

ROLES = Path(__file__).parent.parent.parent / "examples" / "roles"
ON = date(2026, 11, 25)


def role(**overrides: Any) -> Any:
    data: dict[str, Any] = {
        "noc": "21231",
        "title": "Software engineer",
        "province": "ON",
        "region": "Toronto",
        "annual_salary_cad": 150000,
    }
    data.update(overrides)
    return parse_role({k: v for k, v in data.items() if v is not None})


def test_toronto_software_engineer() -> None:
    result = assess_role(load_role(ROLES / "toronto-software-engineer.yaml"), ON)
    gts = result.route("gts.category_b")
    assert gts.open is True and gts.hiring == "employer_specific"
    assert gts.employer_cost_cad == 1000 and gts.facts["processing_weeks"] == 4
    assert any("skills and training" in item.render() for item in gts.commitments)
    cusma = result.route("cusma.professional")
    assert cusma.open is True and cusma.employer_cost_cad == 230
    assert any("Computer Systems Analyst" in item.render() for item in cusma.candidates)
    assert result.route("gts.category_a").open is False  # listed occupation: Category B
    assert result.route("ict.general").open is False  # no related foreign enterprise
    assert result.route("pgwp").open is True and result.route("pgwp").hiring == "open_permit_holder"
    assert result.route("pgwp").employer_cost_cad == 0
    assert result.route("h1b_open_work_permit_2023").status == "closed"


def test_the_lmbp_commitment_is_the_employers() -> None:
    unstated = assess_role(role(), ON).route("gts.category_b")
    assert unstated.open is None
    refused = assess_role(role(employer={"will_make_lmbp_commitments": False}), ON).route(
        "gts.category_b"
    )
    assert refused.open is False


def test_a_wage_below_the_floor_closes_category_b() -> None:
    result = assess_role(
        role(
            noc="22222",
            annual_salary_cad=None,
            hourly_wage_cad=40.0,
            employer={"will_make_lmbp_commitments": True},
        ),
        ON,
    )
    gts = result.route("gts.category_b")
    assert gts.open is False and any("41.03" in c.reason.render() for c in gts.criteria)


def test_an_unlisted_occupation_suggests_listed_ones() -> None:
    gts = assess_role(role(noc="21399", employer={"will_make_lmbp_commitments": True}), ON).route(
        "gts.category_b"
    )
    assert gts.open is False
    assert any(c.needed is not None and "21390" in c.needed.render() for c in gts.criteria)


def test_category_a_with_a_referral_in_calgary() -> None:
    result = assess_role(load_role(ROLES / "calgary-data-scientist-category-a.yaml"), ON)
    category_a = result.route("gts.category_a")
    referral = [c for c in category_a.criteria if c.rule.endswith("referral")][0]
    assert referral.met is True and "Calgary Economic Development" in referral.reason.render()
    assert category_a.open is False  # 21211 is on the list: ESDC processes it as Category B
    assert result.route("gts.category_b").open is True


def test_quebec_wages_follow_the_mifi() -> None:
    result = assess_role(load_role(ROLES / "montreal-network-technician.yaml"), ON)
    assert result.route("gts.category_b").open is None
    assert result.route("cusma.intra_company_transferee").open is True
    assert "MIFI" in (result.prevailing_wage.render() if result.prevailing_wage else "")


def test_positions_multiply_the_employer_fees() -> None:
    gts = assess_role(role(positions=3, employer={"will_make_lmbp_commitments": True}), ON).route(
        "gts.category_b"
    )
    assert gts.employer_cost_cad == 3000


def test_json_and_rich_views() -> None:
    result = assess_role(role(), ON)
    data = result.to_dict("fr")
    assert data["role"]["noc"] == "21231" and data["on"] == "2026-11-25"
    route = next(r for r in data["routes"] if r["id"] == "cusma.professional")
    assert set(route) >= {
        "id",
        "name",
        "status",
        "open",
        "hiring",
        "criteria",
        "candidates",
        "fees",
        "employer_cost_cad",
        "processing_weeks",
        "commitments",
        "facts",
        "warnings",
    }
    assert "ACEUM" in route["name"]
    assert role_renderable(result, "en") is not None


def test_a_role_assessment_shows_itself_in_jupyter_as_html() -> None:
    shown = assess_role(role(), ON)._repr_html_()
    assert shown.startswith("<pre") and "Global Talent Stream, Category B" in shown
