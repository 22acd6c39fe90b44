"""Dated parameters: `RULES.at(day)[parameter_id]` is a parameter's value in force on that day."""

from canpath.params.schema import Announcement, ParameterFile, Reference
from canpath.params.store import (
    DATA_DIR,
    RULES,
    InForce,
    Parameter,
    ParameterStore,
    RuleWarning,
    Snapshot,
    Warning_,
    announcement_warning,
    load_parameter,
)

__all__ = [
    "DATA_DIR",
    "RULES",
    "Announcement",
    "InForce",
    "Parameter",
    "ParameterFile",
    "ParameterStore",
    "Reference",
    "Snapshot",
    "RuleWarning",
    "Warning_",
    "announcement_warning",
    "load_parameter",
]
