"""A role an employer wants to fill: the job (NOC, title, place, wage) and what the employer states.

Validated at the edge like a profile: every problem is reported with its field path, and the CLI
turns them into exit code 2. The place must be a province, and a region, when given, one of Job
Bank's economic regions of that province (the prevailing wage is read there).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from canpath.errors import Problem, ProfileError
from canpath.profile import Hours, JobOffer, Noc, Province
from canpath.validation import problems_of
from canpath.yamlio import YamlProblem, load_yaml_file

__all__ = ["Employer", "Role", "load_role", "parse_role"]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


class Employer(_Model):
    """What the employer states about itself and its commitments."""

    name: str | None = None
    gts_referral_partner: str | None = Field(
        None, description="designated partner referring the employer (GTS Category A)"
    )
    gts_category_a_prior_positions_this_year: int | None = Field(None, ge=0, le=10_000)
    will_make_lmbp_commitments: bool | None = Field(
        None, description="will sign a GTS Labour Market Benefits Plan"
    )
    related_foreign_enterprise: bool | None = Field(
        None, description="has a parent, branch, subsidiary or affiliate abroad"
    )


class Role(_Model):
    """One job to fill in Canada."""

    id: str | None = None
    noc: Noc
    title: str | None = None
    province: Province
    region: str | None = Field(None, description="Job Bank economic region, e.g. Toronto")
    city: str | None = None
    hourly_wage_cad: float | None = Field(None, gt=0, description="CAD, more than 0")
    annual_salary_cad: float | None = Field(None, gt=0, description="CAD, more than 0")
    hours_per_week: Hours = 40
    permanent: bool = True
    duration_months: int | None = Field(None, ge=1, le=600)
    positions: int = Field(1, ge=1, le=1000)
    prevailing_wage_hourly_cad: float | None = Field(None, gt=0, description="CAD, more than 0")
    gts_subset_condition_met: bool | None = None
    intra_company_transfer: bool | None = None
    ict_capacity: Literal["executive", "manager", "specialized_knowledge", "startup"] | None = None
    employer: Employer = Field(default_factory=Employer)

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _wage_and_region(self) -> Role:
        if self.hourly_wage_cad is None and self.annual_salary_cad is None:
            raise ValueError("give the wage: hourly_wage_cad or annual_salary_cad")
        if self.region is not None:
            from canpath.reference.wages import find_region, region_names  # noqa: PLC0415 - lazy data

            if find_region(self.province, self.region) is None:
                names = ", ".join(region_names(self.province)) or "(the province has one region)"
                raise ValueError(
                    f"region {self.region!r} is not a Job Bank economic region of {self.province}; use one of: {names}"
                )
        return self

    def job_offer(self) -> JobOffer:
        """The role as a job offer, the shape the worker-side rules read."""
        return JobOffer(
            noc=self.noc,
            title=self.title,
            employer=self.employer.name,
            province=self.province,
            city=self.city,
            region=self.region,
            annual_salary_cad=self.annual_salary_cad,
            hourly_wage_cad=self.hourly_wage_cad,
            hours_per_week=self.hours_per_week,
            permanent=self.permanent,
            duration_months=self.duration_months,
            gts_referral_partner=self.employer.gts_referral_partner,
            prevailing_wage_hourly_cad=self.prevailing_wage_hourly_cad,
            gts_category_a_prior_positions_this_year=self.employer.gts_category_a_prior_positions_this_year,
            gts_subset_condition_met=self.gts_subset_condition_met,
            intra_company_transfer=self.intra_company_transfer
            if self.intra_company_transfer is not None
            else self.employer.related_foreign_enterprise,
            ict_capacity=self.ict_capacity,
        )


def _english(item: ErrorDetails, message: str) -> str:
    if item["type"] == "missing":
        return "missing: this field is required"
    if item["type"] == "extra_forbidden":
        return "unknown field (check the spelling; see examples/roles/)"
    if item["type"] == "greater_than":
        return f"must be more than {item['ctx']['gt']:g}; got {item.get('input')!r}"
    if item["type"] == "literal_error":
        return f"{message}; got {item.get('input')!r}"
    return message


def _problems(error: ValidationError) -> list[Problem]:
    return problems_of(error, _english)


def parse_role(data: Any, source: str | None = None) -> Role:
    """Validate a role given as a mapping (parsed YAML or JSON)."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        raise ProfileError([Problem("", f"a role must be a mapping of fields, got {kind}")], source)
    try:
        return Role.model_validate(data)
    except ValidationError as error:
        raise ProfileError(_problems(error), source) from None


def load_role(path: str | Path) -> Role:
    """Read a role from a YAML or JSON file."""
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise ProfileError(
            [Problem("", f"the file {'is a folder' if path.is_dir() else 'does not exist'}")],
            source,
        )
    try:
        data = (
            json.loads(path.read_text(encoding="utf-8-sig"))
            if path.suffix.lower() == ".json"
            else load_yaml_file(path)
        )
    except YamlProblem as problem:
        raise ProfileError([Problem("", f"not valid YAML: {problem}")], source) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ProfileError([Problem("", f"not valid JSON: {error}")], source) from None
    return parse_role(data, source)
