"""The profile: a person as canpath reads them (DESIGN.md §5, a public contract).

Profiles come as YAML (read the YAML 1.2 way, so `province: ON` stays a province), JSON, or a
Python dict. Validation happens here, at the edge; every problem is reported with its field path.
Fields beyond the contract are optional additions and never required.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from canpath.errors import Problem, ProfileError
from canpath.validation import problems_of
from canpath.yamlio import YamlProblem, load_yaml_file, load_yaml_text

__all__ = [
    "CertificateOfQualification",
    "Earnings",
    "Education",
    "InCanada",
    "Job",
    "JobOffer",
    "LanguageResult",
    "Licence",
    "Nomination",
    "Profile",
    "Spouse",
    "load_profile",
    "parse_profile",
]

PROVINCES = ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")
Province = Literal["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
EducationLevel = Literal[
    "less_than_secondary", "secondary", "one_year", "two_year", "three_year",
    "bachelors", "two_or_more", "masters", "professional", "doctoral",
]  # fmt: skip
LanguageTest = Literal["ielts", "celpip", "pte_core", "tef", "tcf", "clb", "nclc"]
Permit = Literal[
    "pgwp", "gts", "lmia", "cusma", "ict", "iec", "spousal_open", "open_work_permit", "study"
]
Hours = Annotated[float, Field(gt=0, le=168)]


def _country(value: str) -> str:
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ValueError(f"{value!r} is not an ISO 3166 alpha-2 country code (e.g. CA, IN, US)")
    return code


Country = Annotated[str, AfterValidator(_country), Field(description="ISO 3166 alpha-2 code")]


def _noc(value: str) -> str:
    from canpath.reference.noc import is_known, unknown_code_message  # noqa: PLC0415 - lazy data

    code = value.strip()
    if not re.fullmatch(r"\d{5}", code):
        raise ValueError(
            f'{value!r} is not a NOC 2021 code: five digits, written as a string (e.g. "21231")'
        )
    if not is_known(code):
        raise ValueError(unknown_code_message(code))
    return code


def _noc_as_text(value: Any) -> Any:
    """A code written as a YAML number (21231, or 12 for 00012) is read as the code it stands for."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 99999:
        return f"{value:05d}"
    return value


Noc = Annotated[
    str,
    BeforeValidator(_noc_as_text),
    AfterValidator(_noc),
    Field(description="NOC 2021 five-digit code, as a string"),
]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


class Education(_Model):
    """One credential, completed or expected."""

    level: EducationLevel
    field: str | None = None
    country: Country
    province: Province | None = None
    institution: str | None = None
    completed: date | None = Field(None, description="completion date; absent or future = not yet")
    length_years: float = Field(gt=0, le=12)
    eca: bool = Field(False, description="an Educational Credential Assessment was done")
    eca_date: date | None = None
    full_time: bool = True
    # Work-permit rules (optional): PGWP eligibility of the program, which canpath cannot look up.
    pgwp_eligible_program: bool | None = Field(
        None, description="the program is PGWP-eligible at a designated learning institution"
    )

    @property
    def is_canadian(self) -> bool:
        return self.country == "CA"


class LanguageResult(_Model):
    """One test result, or CLB/NCLC levels given directly (10 means 10 or more, 3 below 4)."""

    test: LanguageTest
    taken: date | None = None
    listening: float = Field(ge=0)
    reading: float = Field(ge=0)
    writing: float = Field(ge=0)
    speaking: float = Field(ge=0)

    @model_validator(mode="after")
    def _scores_fit_the_test(self) -> LanguageResult:
        from canpath.rules.federal.language import check_scores  # noqa: PLC0415 - no cycle at import

        problems = check_scores(self.test, self.scores(), self.taken)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def scores(self) -> dict[str, float]:
        return {
            "reading": self.reading,
            "writing": self.writing,
            "listening": self.listening,
            "speaking": self.speaking,
        }

    @property
    def language(self) -> Literal["english", "french"]:
        return "french" if self.test in ("tef", "tcf", "nclc") else "english"


class Job(_Model):
    """One job, past or current (end: null)."""

    noc: Noc
    title: str | None = None
    employer: str | None = None
    country: Country
    province: Province | None = None
    region: str | None = None
    start: date
    end: date | None = None
    hours_per_week: Hours
    student: bool = Field(False, description="worked while a full-time student")
    self_employed: bool = False
    paid: bool = True
    authorized: bool = Field(True, description="work in Canada was authorized")
    permit: Permit | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Job:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class JobOffer(_Model):
    """A job offer from a Canadian employer."""

    noc: Noc
    title: str | None = None
    employer: str | None = None
    province: Province | None = None
    city: str | None = None
    region: str | None = None
    annual_salary_cad: float | None = Field(None, ge=0)
    hourly_wage_cad: float | None = Field(None, ge=0)
    hours_per_week: Hours = 40
    permanent: bool = True
    duration_months: int | None = Field(None, ge=1, le=600)
    lmia: Literal["none", "approved", "exempt"] = "none"
    start: date | None = None
    # Optional employer facts (used by work-permit and provincial rules; never required).
    gts_referral_partner: str | None = Field(
        None, description="designated referral partner (GTS Category A)"
    )
    prevailing_wage_hourly_cad: float | None = Field(
        None, ge=0, description="prevailing wage if known"
    )
    employer_in_tech_industry: bool | None = None
    # Work-permit facts about the offer (optional; canpath says "unknown" when absent).
    gts_category_a_prior_positions_this_year: int | None = Field(
        None,
        ge=0,
        le=10_000,
        description="GTS Category A positions the employer requested earlier this year",
    )
    gts_subset_condition_met: bool | None = Field(
        None, description="the position meets the condition of a GTS subset occupation"
    )
    intra_company_transfer: bool | None = Field(
        None, description="a transfer from a related enterprise abroad (parent, branch, affiliate)"
    )
    ict_capacity: Literal["executive", "manager", "specialized_knowledge", "startup"] | None = None
    # Provincial streams (optional): whether the offer comes from the employer of the current job.
    is_current_employer: bool | None = Field(
        None, description="the offer is from the person's current employer"
    )


class Licence(_Model):
    """A professional licence or designation (work-permit rules: CUSMA alternative credentials)."""

    kind: Literal[
        "state_provincial_licence", "federal_licence", "accounting_designation",
        "bar_membership", "actuarial_recognition", "disaster_relief_claims_training",
    ]  # fmt: skip
    profession: str | None = Field(None, description="the profession it is for, e.g. engineer")
    issued_by: str | None = None


class Nomination(_Model):
    """A provincial or territorial nomination."""

    province: Province
    stream: str | None = None
    enhanced: bool
    date: dt.date | None = None


class Earnings(_Model):
    """Employment income in Canada for one tax year, as on a CRA notice of assessment."""

    year: int = Field(ge=1950, le=2100)
    amount_cad: float = Field(ge=0)


class CertificateOfQualification(_Model):
    """A Canadian certificate of qualification in a trade."""

    trade: str
    province: Province


class InCanada(_Model):
    """Status in Canada now."""

    status: Literal["worker", "student", "visitor", "none"]
    permit: Permit | None = None
    permit_expiry: date | None = None


class Spouse(_Model):
    """The spouse or common-law partner."""

    accompanying: bool
    canadian_citizen_or_pr: bool
    birth_date: date | None = None
    education: list[Education] = Field(default_factory=list)
    languages: list[LanguageResult] = Field(default_factory=list)
    work: list[Job] = Field(default_factory=list)

    @property
    def is_scored(self) -> bool:
        """CRS rule: a spouse who is not coming, or is a citizen or PR, means scoring as single."""
        return self.accompanying and not self.canadian_citizen_or_pr


class Profile(_Model):
    """A person: the input to every canpath assessment."""

    id: str | None = None
    birth_date: date
    citizenships: list[Country] = Field(min_length=1)
    country_of_residence: Country | None = None
    marital_status: Literal[
        "single", "married", "common_law", "divorced", "separated", "widowed", "annulled"
    ] = "single"
    first_official_language: Literal["english", "french"] | None = None
    education: list[Education] = Field(default_factory=list)
    languages: list[LanguageResult] = Field(default_factory=list)
    work: list[Job] = Field(default_factory=list)
    job_offer: JobOffer | None = None
    spouse: Spouse | None = None
    sibling_in_canada: bool = False
    relative_in_canada: bool | None = Field(
        None, description="FSW adaptability: a relative aged 18+ who is a citizen or PR in Canada"
    )
    provincial_nomination: Nomination | None = None
    certificate_of_qualification: CertificateOfQualification | None = None
    in_canada: InCanada | None = None
    funds_cad: float | None = Field(None, ge=0)
    family_size: int | None = Field(None, ge=1, le=30)
    intended_province: Province | None = Field(None, description="where the person plans to live")
    # Work-permit rules (optional): status in the United States and professional licences.
    us_status: Literal["citizen", "permanent_resident", "h1b", "other"] | None = Field(
        None, description="immigration status in the United States, if any"
    )
    licences: list[Licence] = Field(default_factory=list)
    # Provincial streams (optional): Ontario EOI earnings history, Alberta EOI family connection.
    canadian_earnings: list[Earnings] = Field(
        default_factory=list, description="employment income in Canada by tax year"
    )
    close_family_in_provinces: list[Province] = Field(
        default_factory=list,
        description="provinces where a parent, child or sibling aged 18+ who is a citizen or PR lives",
    )

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @property
    def has_scored_spouse(self) -> bool:
        return self.spouse is not None and self.spouse.is_scored


def _english(item: ErrorDetails, message: str) -> str:
    if item["type"] == "extra_forbidden":
        return "unknown field (check the spelling; see `canpath schema`)"
    if item["type"] == "literal_error":
        return f"{message}; got {item.get('input')!r}"
    return message


def _problems(error: ValidationError) -> list[Problem]:
    return problems_of(error, _english)


def parse_profile(data: Any, source: str | None = None) -> Profile:
    """Validate a profile given as a mapping (parsed YAML or JSON)."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        raise ProfileError(
            [Problem("", f"a profile must be a mapping of fields, got {kind}")], source
        )
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        raise ProfileError(_problems(error), source) from None


def load_profile(path: str | Path) -> Profile:
    """Read a profile from a YAML or JSON file."""
    path = Path(path)
    source = str(path)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise ProfileError([Problem("", f"the file {what}")], source)
    try:
        if path.suffix.lower() == ".json":
            text = path.read_text(encoding="utf-8-sig")
            data = json.loads(text)
        else:
            data = load_yaml_file(path)
    except YamlProblem as problem:
        raise ProfileError([Problem("", f"not valid YAML: {problem}")], source) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ProfileError([Problem("", f"not valid JSON: {error}")], source) from None
    return parse_profile(data, source)


def profile_from_text(text: str, source: str = "<text>") -> Profile:
    """Validate a profile from YAML or JSON text (JSON is YAML's subset for our purposes)."""
    try:
        data = load_yaml_text(text)
    except YamlProblem as problem:
        raise ProfileError([Problem("", f"not valid YAML/JSON: {problem}")], source) from None
    return parse_profile(data, source)
