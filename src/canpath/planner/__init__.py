"""The route planner: from a person and a date, every credible route to permanent residence.

`plan(profile, on, months)` re-derives the person on each month of the horizon along each route
(age, experience accrued under the route's permit, tests and ECAs expiring, permits ending,
nominations), re-runs every program with the rules in force on each date, and estimates the
chance of an invitation from the rounds model. It holds no rule logic of its own.

Names are imported on first use, so the command line starts without loading the planner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from canpath.lazy import lazy_exports

if TYPE_CHECKING:
    from canpath.planner.planning import MAX_MONTHS, plan
    from canpath.planner.result import Plan
    from canpath.planner.routes import Route

__all__ = ["MAX_MONTHS", "Plan", "Route", "plan"]

_EXPORTS = {
    "MAX_MONTHS": "canpath.planner.planning",
    "plan": "canpath.planner.planning",
    "Plan": "canpath.planner.result",
    "Route": "canpath.planner.routes",
}


__getattr__ = lazy_exports("canpath.planner", _EXPORTS, globals())
