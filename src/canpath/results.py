"""Results that explain themselves: CRS points by factor, program criteria, and their sources.

Every result renders to the public JSON shape (DESIGN.md §6) with `to_dict(language)`, to a rich
table in a terminal, and to HTML in Jupyter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from canpath.i18n import Language, Message, label
from canpath.params import Reference, RuleWarning

Eligible = bool | None


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from."""

    title: str
    href: str
    pin: str | None = None

    @classmethod
    def of(cls, reference: Reference) -> Citation:
        return cls(reference.title, reference.href, reference.pin)

    def to_dict(self) -> dict[str, Any]:
        found = {"title": self.title, "href": self.href}
        if self.pin:
            found["pin"] = self.pin
        return found


def warning_dict(warning: RuleWarning, language: Language = "en") -> dict[str, Any]:
    found: dict[str, Any] = {
        "code": warning.code,
        "parameter": warning.parameter_id,
        "message": warning.render(language),
    }
    if warning.href:
        found["href"] = warning.href
    return found


@dataclass(frozen=True)
class Factor:
    """Points for one factor, the rule that gave them, what it read, and its source."""

    name: str
    points: int
    rule: str
    detail: Message | None
    reference: Citation | None
    maximum: int | None = None

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        found: dict[str, Any] = {
            "points": self.points,
            "label": label(f"factor.{self.name}", language),
            "rule": self.rule,
        }
        if self.detail is not None:
            found["detail"] = self.detail.render(language)
        if self.reference is not None:
            found["reference"] = self.reference.to_dict()
        return found


@dataclass(frozen=True)
class Part:
    """One CRS part (core, spouse, transferability, additional): its total and factors."""

    name: str
    total: int
    maximum: int
    factors: tuple[Factor, ...]
    note: Message | None = None

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        found: dict[str, Any] = {
            "total": self.total,
            "maximum": self.maximum,
            "factors": {factor.name: factor.to_dict(language) for factor in self.factors},
        }
        if self.note is not None:
            found["note"] = self.note.render(language)
        return found


@dataclass
class CrsResult:
    """A Comprehensive Ranking System score, explained."""

    total: int
    parts: dict[str, Part]
    on: date
    rules_as_of: date
    first_official_language: str
    scored_with_spouse: bool
    derived: dict[str, Any]
    warnings: list[RuleWarning]
    notes: list[Message] = field(default_factory=list)
    profile_id: str | None = None

    @property
    def breakdown(self) -> dict[str, int]:
        return {name: part.total for name, part in self.parts.items()}

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        return {
            "id": self.profile_id,
            "total": self.total,
            "breakdown": {name: part.to_dict(language) for name, part in self.parts.items()},
            "on": self.on.isoformat(),
            "rules_as_of": self.rules_as_of.isoformat(),
            "first_official_language": self.first_official_language,
            "scored_with_spouse": self.scored_with_spouse,
            "derived": self.derived,
            "notes": [note.render(language) for note in self.notes],
            "warnings": [warning_dict(warning, language) for warning in self.warnings],
        }

    def __rich__(self) -> Any:
        from canpath.render import crs_renderable

        return crs_renderable(self)

    def _repr_html_(self) -> str:
        from canpath.render import to_html

        return to_html(self)


@dataclass(frozen=True)
class Criterion:
    """One requirement of a program: met or not (None when the profile lacks what it needs)."""

    rule: str
    met: Eligible
    reason: Message
    reference: Citation | None
    needed: Message | None = None
    unconfirmed: bool = False

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        found: dict[str, Any] = {
            "rule": self.rule,
            "met": self.met,
            "reason": self.reason.render(language),
            "reference": self.reference.to_dict() if self.reference else None,
        }
        if self.needed is not None:
            found["needed"] = self.needed.render(language)
        if self.unconfirmed:
            found["unconfirmed"] = True
        return found


ProgramKind = Literal[
    "permanent_residence", "express_entry_category", "work_permit", "provincial_nomination"
]


@dataclass
class ProgramResult:
    """A program's verdict for one person, with every criterion and (where it scores) a score."""

    id: str
    kind: ProgramKind
    eligible: Eligible
    criteria: list[Criterion]
    score: dict[str, Any] | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    warnings: list[RuleWarning] = field(default_factory=list)
    status: Literal["open", "closed", "not_yet_open"] = "open"

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        found: dict[str, Any] = {
            "id": self.id,
            "name": label(f"program.{self.id}", language),
            "kind": self.kind,
            "status": self.status,
            "eligible": self.eligible,
            "criteria": [criterion.to_dict(language) for criterion in self.criteria],
        }
        if self.score is not None:
            found["score"] = self.score
        if self.facts:
            found["facts"] = self.facts
        found["warnings"] = [warning_dict(warning, language) for warning in self.warnings]
        return found


@dataclass
class Assessment:
    """Every program for one person on one date, and the CRS they would have."""

    on: date
    crs: CrsResult
    programs: list[ProgramResult]
    warnings: list[RuleWarning]
    profile_id: str | None = None

    def program(self, program_id: str) -> ProgramResult:
        for found in self.programs:
            if found.id == program_id:
                return found
        raise KeyError(program_id)

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        return {
            "id": self.profile_id,
            "on": self.on.isoformat(),
            "rules_as_of": self.crs.rules_as_of.isoformat(),
            "programs": [program.to_dict(language) for program in self.programs],
            "crs": self.crs.to_dict(language),
            "warnings": [warning_dict(warning, language) for warning in self.warnings],
        }

    def __rich__(self) -> Any:
        from canpath.render import assessment_renderable

        return assessment_renderable(self)

    def _repr_html_(self) -> str:
        from canpath.render import to_html

        return to_html(self)
