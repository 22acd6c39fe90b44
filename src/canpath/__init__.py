"""canpath: Canadian immigration routes for tech workers, as dated, cited rules.

    >>> import canpath
    >>> person = canpath.load_profile("examples/profiles/bangalore-software-engineer.yaml")
    >>> result = canpath.crs(person, on="2026-06-01")

The names listed in `__all__` are the public API; everything else may change between versions.
They are imported on first use, so `import canpath` (and the command line) start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from canpath.lazy import lazy_exports

__version__ = "0.1.0"

_EXPORTS = {
    "assess": "canpath.api",
    "crs": "canpath.api",
    "crs_batch": "canpath.api",
    "evaluate_programs": "canpath.api",
    "facts_for": "canpath.api",
    "resolve_date": "canpath.api",
    "plan": "canpath.planner",
    "CanpathError": "canpath.errors",
    "DataError": "canpath.errors",
    "ParameterError": "canpath.errors",
    "ParameterNotInForce": "canpath.errors",
    "ProfileError": "canpath.errors",
    "UnknownNameError": "canpath.errors",
    "RULES": "canpath.params",
    "Profile": "canpath.profile",
    "load_profile": "canpath.profile",
    "parse_profile": "canpath.profile",
    "Assessment": "canpath.results",
    "Criterion": "canpath.results",
    "CrsResult": "canpath.results",
    "ProgramResult": "canpath.results",
}

__all__ = [
    "Assessment",
    "CanpathError",
    "Criterion",
    "CrsResult",
    "DataError",
    "ParameterError",
    "ParameterNotInForce",
    "Profile",
    "ProfileError",
    "ProgramResult",
    "RULES",
    "UnknownNameError",
    "__version__",
    "assess",
    "crs",
    "crs_batch",
    "evaluate_programs",
    "facts_for",
    "load_profile",
    "parse_profile",
    "plan",
    "resolve_date",
]

if TYPE_CHECKING:
    from canpath.api import assess, crs, crs_batch, evaluate_programs, facts_for, resolve_date
    from canpath.errors import (
        CanpathError,
        DataError,
        ParameterError,
        ParameterNotInForce,
        ProfileError,
        UnknownNameError,
    )
    from canpath.params import RULES
    from canpath.profile import Profile, load_profile, parse_profile
    from canpath.results import Assessment, Criterion, CrsResult, ProgramResult


__getattr__ = lazy_exports("canpath", _EXPORTS, globals())
