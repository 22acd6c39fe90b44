"""The plan as a result: routes ranked, cliffs, moves; JSON (DESIGN.md §6), rich and HTML views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from canpath.i18n import Language, Message, label
from canpath.params import RuleWarning
from canpath.planner.cliffs import Cliff
from canpath.planner.moves import Move
from canpath.planner.routes import Route
from canpath.results import warning_dict


def _jsonable(value: Any, language: Language) -> Any:
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, date):
        return value.isoformat()
    return value


def route_name(route_id: str, language: Language = "en") -> str:
    """A route's name: its parts (the Express Entry pool, a permit, a stream) joined with +."""
    return " + ".join(
        label(
            "plan.route.express_entry" if part == "express_entry" else f"program.{part}", language
        )
        for part in route_id.split("+")
    )


@dataclass
class Plan:
    """Routes to permanent residence for one person, from a date, over a horizon in months."""

    on: date
    months: int
    routes: list[Route]
    cliffs: list[Cliff]
    moves: list[Move]
    crs_today: int
    model_on: date
    warnings: list[RuleWarning] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    profile_id: str | None = None

    def route(self, route_id: str) -> Route:
        return next(route for route in self.routes if route.id == route_id)

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        return {
            "id": self.profile_id,
            "on": self.on.isoformat(),
            "months": self.months,
            "crs_today": self.crs_today,
            "routes": [self._route(route, language) for route in self.routes],
            "cliffs": [
                {
                    "date": c.day.isoformat(),
                    "what": c.what.render(language),
                    "points_change": c.points_change,
                    "act_by": c.act_by.isoformat() if c.act_by else None,
                }
                for c in self.cliffs
            ],  # fmt: skip
            "moves": [
                {
                    "id": m.id,
                    "what": m.what.render(language),
                    "crs_before": m.crs_before,
                    "crs_after": m.crs_after,
                    "points_gain": m.points_gain,
                    "expected_months_to_invitation_before": None
                    if m.months_before is None
                    else round(m.months_before, 1),
                    "expected_months_to_invitation_after": None
                    if m.months_after is None
                    else round(m.months_after, 1),
                }
                for m in self.moves
            ],  # fmt: skip
            "model": {"fitted_on_rounds_before": self.model_on.isoformat()},
            "notes": [note.render(language) for note in self.notes],
            "warnings": [warning_dict(w, language) for w in self.warnings],
        }

    @staticmethod
    def _route(route: Route, language: Language) -> dict[str, Any]:
        return {
            "id": route.id,
            "name": route_name(route.id, language),
            "steps": [
                {key: _jsonable(value, language) for key, value in step.items()}
                for step in route.steps
            ],
            "probability": route.probability,
            "expected_invitation_date": route.expected_ita_date.isoformat()
            if route.expected_ita_date
            else None,
            "expected_pr_date": route.expected_pr_date.isoformat()
            if route.expected_pr_date
            else None,
            "timeline": [
                {
                    "date": m.day.isoformat(),
                    "crs": m.crs,
                    "in_pool": m.in_pool,
                    "round_types": list(m.round_types),
                    "probability_invited_by": None
                    if route.chances is None or i == 0
                    else round(route.chances.cumulative[i - 1], 4),
                }
                for i, m in enumerate(route.months)
            ],  # fmt: skip
            "notes": [note.render(language) for note in route.notes],
        }

    def __rich__(self) -> Any:
        from canpath.planner.render import plan_renderable

        return plan_renderable(self)

    def _repr_html_(self) -> str:
        from canpath.render import rich_html

        return rich_html(self)
