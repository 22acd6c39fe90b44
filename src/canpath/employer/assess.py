"""Which work routes an employer can hire through for a role, run on the worker-side rules.

The role becomes a job offer held by a placeholder person, so each route's job criteria (the same
functions `canpath assess` runs) read exactly what they read for a worker. Person criteria are not
run: the employer's view says instead who the route is for (its candidates). Criteria only an
employer can state (a Labour Market Benefits Plan) are added from the role.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from canpath.employer.results import RoleAssessment, RouteResult
from canpath.employer.role import Role
from canpath.facts import Facts
from canpath.i18n import msg
from canpath.params import RULES
from canpath.profile import Profile
from canpath.programs import FALSE, TRUE, UNKNOWN, all_programs
from canpath.programs.base import as_eligible
from canpath.reference import wages
from canpath.rules.federal.work_permits.base import WorkPermitProgram, all_of, route_status
from canpath.rules.federal.work_permits.prevailing import prevailing_wages
from canpath.timeutil import add_years

PLACEHOLDER_AGE_YEARS = 30  # the placeholder person is never assessed; any adult age will do
PLACEHOLDER_CITIZENSHIP = "CA"


def _tri(value: bool | None) -> int:
    return UNKNOWN if value is None else TRUE if value else FALSE


def role_facts(role: Role, on: date) -> Facts:
    """Facts for one role: its job offer on a placeholder person, and the employer's statements."""
    person = Profile(
        birth_date=add_years(on, -PLACEHOLDER_AGE_YEARS),
        citizenships=[PLACEHOLDER_CITIZENSHIP],
        job_offer=role.job_offer(),
    )
    columns = {
        "employer_commits_to_lmbp": np.array(
            [_tri(role.employer.will_make_lmbp_commitments)], dtype=np.int8
        )
    }
    return Facts(on, RULES.at(on), profiles=[person], columns=columns)


def _hiring(program: WorkPermitProgram, facts: Facts) -> str:
    details = program.planner_facts(facts, 0)
    if details.get("leads_to") == "work_permit_exemption":
        return "without_permit"
    return "employer_specific" if details.get("employer_specific") else "open_permit_holder"


def route(program: WorkPermitProgram, facts: Facts, positions: int) -> RouteResult:
    """One route for the role: its job and employer criteria, candidates, fees and commitments."""
    status = route_status(facts.snapshot, program.defining)
    if status != "open":
        closed = program.evaluated(facts).result(0)
        return RouteResult(
            program.id,
            status,
            False,
            "",
            closed.criteria,
            [],
            [],
            [],
            closed.facts,
            closed.warnings,
            positions,
        )
    columns = [*program.job_criteria(facts), *program.employer_criteria(facts)]
    criteria = [column.at(0) for column in columns]
    verdict = all_of([int(column.met[0]) for column in columns]) if columns else TRUE
    return RouteResult(
        id=program.id,
        status=status,
        open=as_eligible(verdict),
        hiring=_hiring(program, facts),
        criteria=criteria,
        candidates=program.candidates(facts, 0),
        fees=program.fees(facts, 0),
        commitments=program.commitments(facts, 0),
        facts=program.planner_facts(facts, 0),
        warnings=program.warnings(facts.snapshot),
        positions=positions,
    )


def assess_role(role: Role, on: date) -> RoleAssessment:
    """Every work route an employer could use for the role on a date."""
    facts = role_facts(role, on)
    programs = [p for p in all_programs() if isinstance(p, WorkPermitProgram)]
    routes = [route(program, facts, role.positions) for program in programs]
    prevailing = prevailing_wages(facts)[0]
    precedent = wages.gts_precedent_2024(role.noc, role.province)
    return RoleAssessment(
        role=role,
        on=on,
        routes=routes,
        prevailing_wage=prevailing.describe()
        if prevailing.why != "no_offer"
        else msg("wp.prevailing.no_offer"),
        gts_precedent_2024={
            "employers": precedent.employers,
            "lmias": precedent.lmias,
            "positions": precedent.positions,
            "quarters": "2024Q2-Q4",
        },
    )
