"""The employer's view of a role, explained: each route, for whom, at what cost and how fast."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from canpath.employer.role import Role
from canpath.i18n import Language, Message, label
from canpath.params import RuleWarning
from canpath.results import Criterion, warning_dict
from canpath.rules.federal.work_permits.base import Fee


@dataclass
class RouteResult:
    """One route for the role: open to the employer or not, for whom, cost, time, commitments."""

    id: str
    status: str
    open: bool | None
    hiring: str
    criteria: list[Criterion]
    candidates: list[Message]
    fees: list[Fee]
    commitments: list[Message]
    facts: dict[str, Any]
    warnings: list[RuleWarning] = field(default_factory=list)
    positions: int = 1

    @property
    def employer_cost_cad(self) -> float:
        """What the employer pays in government fees for all the role's positions."""
        return (
            sum(fee.amount_cad for fee in self.fees if fee.paid_by == "employer") * self.positions
        )

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        return {
            "id": self.id,
            "name": label(f"program.{self.id}", language),
            "status": self.status,
            "open": self.open,
            "hiring": self.hiring,
            "criteria": [criterion.to_dict(language) for criterion in self.criteria],
            "candidates": [item.render(language) for item in self.candidates],
            "fees": [fee.to_dict(language) for fee in self.fees],
            "employer_cost_cad": self.employer_cost_cad,
            "processing_weeks": self.facts.get("processing_weeks"),
            "commitments": [item.render(language) for item in self.commitments],
            "facts": self.facts,
            "warnings": [warning_dict(warning, language) for warning in self.warnings],
        }


@dataclass
class RoleAssessment:
    """Every work route for one role on one date."""

    role: Role
    on: date
    routes: list[RouteResult]
    prevailing_wage: Message | None
    gts_precedent_2024: dict[str, Any] | None = None

    def route(self, route_id: str) -> RouteResult:
        for found in self.routes:
            if found.id == route_id:
                return found
        raise KeyError(route_id)

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        return {
            "id": self.role.id,
            "on": self.on.isoformat(),
            "role": self.role.model_dump(mode="json", exclude_none=True),
            "prevailing_wage": self.prevailing_wage.render(language)
            if self.prevailing_wage
            else None,
            "gts_precedent_2024": self.gts_precedent_2024,
            "routes": [route.to_dict(language) for route in self.routes],
        }

    def __rich__(self) -> Any:
        from canpath.employer.render import role_renderable  # noqa: PLC0415 - rich only when shown

        return role_renderable(self)

    def _repr_html_(self) -> str:
        from canpath.render import rich_html

        return rich_html(self)
