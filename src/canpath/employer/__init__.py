"""The employer's view: which work routes a role can be filled through, for whom, at what cost.

    from canpath.employer import assess_role, load_role

    role = load_role("examples/roles/toronto-software-engineer.yaml")
    result = assess_role(role, date(2026, 11, 25))
    open_routes = [route.id for route in result.routes if route.open]

`canpath role ROLE.yaml` is the command-line adapter (see `canpath.employer.cli`).

Names are imported on first use, so the command line starts without loading the employer rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from canpath.lazy import lazy_exports

if TYPE_CHECKING:
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

_EXPORTS = {
    "assess_role": "canpath.employer.assess",
    "role_facts": "canpath.employer.assess",
    "RoleAssessment": "canpath.employer.results",
    "RouteResult": "canpath.employer.results",
    "Employer": "canpath.employer.role",
    "Role": "canpath.employer.role",
    "load_role": "canpath.employer.role",
    "parse_role": "canpath.employer.role",
}


__getattr__ = lazy_exports("canpath.employer", _EXPORTS, globals())
