"""Programs: each immigration route canpath assesses, behind one interface.

A program evaluates columns of facts and returns, per row, each criterion as met / not met /
unknown with its reason, plus a score where the program has one. `all_programs()` lists them in
the order they are shown. New programs register in `PROGRAM_MODULES`.
"""

from __future__ import annotations

import importlib

from canpath.programs.base import (
    FALSE,
    TRUE,
    UNKNOWN,
    CriterionColumn,
    Program,
    ProgramColumns,
    cite,
    closed_program,
    tristate,
)

# Modules that define and register programs, in display order.
PROGRAM_MODULES = (
    "canpath.rules.federal.express_entry.fsw",
    "canpath.rules.federal.express_entry.cec",
    "canpath.rules.federal.express_entry.fst",
    "canpath.rules.federal.express_entry.categories",
)

_REGISTRY: dict[str, Program] = {}


def register(program: Program) -> Program:
    """Add a program to the registry (called at import of its module)."""
    _REGISTRY[program.id] = program
    return program


def all_programs() -> list[Program]:
    """Every registered program, importing the program modules on first use."""
    for module in PROGRAM_MODULES:
        importlib.import_module(module)
    return list(_REGISTRY.values())


__all__ = [
    "FALSE",
    "PROGRAM_MODULES",
    "TRUE",
    "UNKNOWN",
    "CriterionColumn",
    "Program",
    "ProgramColumns",
    "all_programs",
    "cite",
    "closed_program",
    "register",
    "tristate",
]
