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

# Packages whose `PROGRAM_MODULES` list the modules that define and register programs, in
# display order. Each domain keeps its own list in its package's __init__.py.
PROGRAM_PACKAGES = (
    "canpath.rules.federal.express_entry",
    "canpath.rules.federal.work_permits",
    "canpath.rules.provinces",
)

_REGISTRY: dict[str, Program] = {}


def register(program: Program) -> Program:
    """Add a program to the registry (called at import of its module)."""
    _REGISTRY[program.id] = program
    return program


def program_modules() -> list[str]:
    """Every module that registers programs, package by package."""
    modules: list[str] = []
    for package in PROGRAM_PACKAGES:
        modules.extend(getattr(importlib.import_module(package), "PROGRAM_MODULES", ()))
    return modules


_ORDERED: list[Program] = []


def all_programs() -> list[Program]:
    """Every registered program, in the order of `PROGRAM_PACKAGES` and their `PROGRAM_MODULES`."""
    if len(_ORDERED) != len(_REGISTRY) or not _ORDERED:
        modules = program_modules()
        for module in modules:
            importlib.import_module(module)
        order = {module: index for index, module in enumerate(modules)}
        _ORDERED[:] = sorted(
            _REGISTRY.values(), key=lambda p: order.get(type(p).__module__, len(order))
        )
    return list(_ORDERED)


__all__ = [
    "FALSE",
    "PROGRAM_PACKAGES",
    "TRUE",
    "UNKNOWN",
    "CriterionColumn",
    "Program",
    "ProgramColumns",
    "all_programs",
    "cite",
    "program_modules",
    "closed_program",
    "register",
    "tristate",
]
