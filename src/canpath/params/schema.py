"""The schema every parameter file must satisfy (DESIGN.md §4).

A parameter file describes one legal quantity or table, cites where it comes from, and lists its
values keyed by the first day each is in force. `value: null` ends the parameter. Changes that are
announced but cannot be encoded yet are listed under `announced`, and every result computed on or
after their date carries a warning.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Status = Literal["confirmed", "unconfirmed"]


class Reference(BaseModel):
    """An official (or, failing that, the best available) source for a value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=3)
    href: str = Field(pattern=r"^https?://\S+$")
    pin: str | None = None


class DatedValue(BaseModel):
    """One value in force from its date key until the next key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ref: str | list[str]
    value: Any
    status: Status | None = None
    note: str | None = None

    @property
    def refs(self) -> list[str]:
        return [self.ref] if isinstance(self.ref, str) else list(self.ref)


class Announcement(BaseModel):
    """A change announced (or reported) for a date, whose values canpath cannot encode yet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_.-]+$")
    date: date
    state: Literal["announced", "proposed"]
    status: Status
    summary: str
    not_modelled: str
    ref: str | list[str]

    @property
    def refs(self) -> list[str]:
        return [self.ref] if isinstance(self.ref, str) else list(self.ref)


class ParameterFile(BaseModel):
    """The contents of one YAML parameter file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = Field(min_length=10)
    label: str = Field(min_length=3)
    unit: str
    index: list[str] | None = None
    references: dict[str, Reference] = Field(min_length=1)
    verified: date
    status: Status
    documentation: str | None = None
    shape_changes: str | None = Field(
        None, description="why dated values may differ in shape (categories added or removed, ...)"
    )
    values: dict[date, DatedValue] = Field(min_length=1)
    announced: list[Announcement] = Field(default_factory=list)

    @field_validator("values", mode="before")
    @classmethod
    def _dates_are_iso(cls, raw: Any) -> Any:
        if isinstance(raw, dict):
            for key in raw:
                if not isinstance(key, date):
                    raise ValueError(f"value key {key!r} is not an ISO date (YYYY-MM-DD)")
        return raw

    @model_validator(mode="after")
    def _refs_exist(self) -> ParameterFile:
        known = set(self.references)
        for day, entry in self.values.items():
            for ref in entry.refs:
                if ref not in known:
                    raise ValueError(f"values.{day}: ref {ref!r} is not in references")
        for item in self.announced:
            for ref in item.refs:
                if ref not in known:
                    raise ValueError(f"announced.{item.id}: ref {ref!r} is not in references")
        return self
