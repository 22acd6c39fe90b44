"""The rule registry: every rule function, its stable id, and the parameters it reads.

A rule id is the function's module path under `canpath.rules` plus its name, for example
`federal.express_entry.crs.core.age_points`. Explanations cite rule ids; tests check that every
declared parameter exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

PREFIX = "canpath.rules."


@dataclass(frozen=True)
class RuleInfo:
    """What the registry knows about one rule."""

    id: str
    uses: tuple[str, ...]
    doc: str
    function: Callable[..., object]


REGISTRY: dict[str, RuleInfo] = {}


def rule_id(function: Callable[..., object]) -> str:
    module = function.__module__.removeprefix(PREFIX)
    return f"{module}.{function.__name__}"


def rule(uses: Iterable[str] = ()) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register a rule function under its id, with the parameter ids it reads."""

    def register(function: Callable[P, R]) -> Callable[P, R]:
        identifier = rule_id(function)
        doc = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else ""
        REGISTRY[identifier] = RuleInfo(identifier, tuple(uses), doc, function)
        function.rule_id = identifier  # type: ignore[attr-defined]
        return function

    return register
