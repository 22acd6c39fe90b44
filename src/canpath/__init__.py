"""canpath: Canadian immigration routes for tech workers, as dated, cited rules.

    >>> import canpath
    >>> person = canpath.load_profile("examples/profiles/bangalore-software-engineer.yaml")
    >>> result = canpath.crs(person, on="2026-06-01")

The functions imported here are the public API; everything else may change between versions.
"""

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

__version__ = "0.1.0"

__all__ = [
    "RULES",
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
    "UnknownNameError",
    "__version__",
    "assess",
    "crs",
    "crs_batch",
    "evaluate_programs",
    "facts_for",
    "load_profile",
    "parse_profile",
    "resolve_date",
]
