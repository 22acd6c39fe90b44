"""The employer's view: which work routes a role can be filled through, for whom, at what cost.

    from canpath.employer import assess_role, load_role

    role = load_role("examples/roles/toronto-software-engineer.yaml")
    result = assess_role(role, date(2026, 11, 25))
    open_routes = [route.id for route in result.routes if route.open]

`canpath role ROLE.yaml` is the command-line adapter (see `canpath.employer.cli`).
"""

from canpath.employer.assess import assess_role, role_facts
from canpath.employer.results import RoleAssessment, RouteResult
from canpath.employer.role import Employer, Role, load_role, parse_role

__all__ = [
    "Employer",
    "Role",
    "RoleAssessment",
    "RouteResult",
    "assess_role",
    "load_role",
    "parse_role",
    "role_facts",
]
