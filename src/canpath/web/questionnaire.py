"""The guided questionnaire: which questions to ask, and when, derived from what the rules read.

Each question names a profile field (DESIGN.md §5) by its path, so a validation problem at
`education.0.level` lands on the input named `education.0.level`. Choices come from the profile
model itself, so the form cannot drift from the contract. A question is asked only when the
rules can use its answer (`When` conditions): spouse questions only for a married or
common-law person whose spouse counts (accompanying, not a citizen or PR); the province of
study only for Canadian study; an ECA only for a foreign credential; test scores only once a
test is taken. The same conditions hide questions in the browser and drop their answers on
the server, so a hidden answer never reaches the rules. Names starting with `_` are the
questionnaire's own switches (such as "not taken yet"), never profile fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from canpath.profile import Education, InCanada, Job, JobOffer, LanguageResult, Profile

__all__ = ["SECTIONS", "Group", "Question", "Section", "When", "choices", "groups"]

Kind = Literal[
    "text",
    "date",
    "number",
    "select",
    "yesno",
    "choice",
    "countries",
    "country",
    "noc",
    "job_title",
]


def choices(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """The allowed values of a Literal field of a profile model (None excluded)."""
    return tuple(str(value) for value in _literal_values(model.model_fields[field].annotation))


def _literal_values(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    return tuple(value for argument in get_args(annotation) for value in _literal_values(argument))


@dataclass(frozen=True)
class When:
    """Ask only when the answer at `name` is (or, negated, is not) one of `values`.

    `name` is absolute (`marital_status`) or, with a leading dot, inside the same entry
    (`.country` in an education entry).
    """

    name: str
    values: tuple[str, ...]
    negate: bool = False

    @property
    def attribute(self) -> str:
        """The form `name=a,b` or `name!=a`, read by questionnaire.js."""
        return f"{self.name}{'!=' if self.negate else '='}{','.join(self.values)}"

    def holds(self, answers: Mapping[str, str], prefix: str) -> bool:
        """Whether the condition holds for the answers (a flat mapping of field names)."""
        name = prefix + self.name[1:] if self.name.startswith(".") else self.name
        return (answers.get(name, "") in self.values) != self.negate


@dataclass(frozen=True)
class Question:
    """One input: the profile field it fills, its kind, choices and conditions."""

    name: str
    kind: Kind
    required: bool = False
    options: tuple[str, ...] = ()
    option_set: str | None = None  # labels: web.option.<option_set>.<value>
    when: tuple[When, ...] = ()
    unknown: bool = False  # offers "I don't know (yet)", meaning the field is left out
    step: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def is_switch(self) -> bool:
        """A questionnaire switch (`_languages`), not a profile field."""
        return self.name.startswith("_")


@dataclass(frozen=True)
class Group:
    """Questions filling one object of the profile (`path`; "" is the top level).

    A repeated group fills a list (`education`, `spouse.work`), one entry per answer set.
    `kind` names its labels (`web.q.<kind>.<question>`), shared by the applicant and spouse.
    """

    kind: str
    path: str
    questions: tuple[Question, ...]
    repeated: bool = False
    when: tuple[When, ...] = ()


@dataclass(frozen=True)
class Section:
    """A part of the page with a heading (`web.section.<key>`) and its groups."""

    key: str
    groups: tuple[Group, ...]
    when: tuple[When, ...] = ()


YES = ("true",)
PROVINCES = choices(Job, "province")
PROVINCE = Question(
    "province",
    "select",
    options=PROVINCES,
    option_set="province",
    when=(When(".country", ("CA",)),),
)
MARRIED = When("marital_status", ("married", "common_law"))
SPOUSE_COUNTS = (
    MARRIED,
    When("spouse.accompanying", YES),
    When("spouse.canadian_citizen_or_pr", ("false",)),
)


def language_questions() -> tuple[Question, ...]:
    """A test (or CLB/NCLC levels) with four scores; a date for real tests."""
    scores = tuple(
        Question(ability, "number", required=True, step="any", minimum=0)
        for ability in ("listening", "reading", "writing", "speaking")
    )
    test = Question(
        "test", "select", required=True, options=choices(LanguageResult, "test"), option_set="test"
    )
    taken = Question(
        "taken", "date", required=True, when=(When(".test", ("clb", "nclc"), negate=True),)
    )
    return (test, taken, *scores)


EDUCATION = (
    Question(
        "level",
        "select",
        required=True,
        options=choices(Education, "level"),
        option_set="education",
    ),
    Question("country", "country", required=True),
    PROVINCE,
    Question("length_years", "number", required=True, step="any", minimum=0.5, maximum=12),
    Question("completed", "date"),
    Question("full_time", "yesno", when=(When(".country", ("CA",)),)),
    Question("eca", "yesno", when=(When(".country", ("CA",), negate=True),)),
)
WORK = (
    Question("title", "job_title"),
    Question("noc", "noc", required=True),
    Question("country", "country", required=True),
    PROVINCE,
    Question("start", "date", required=True),
    Question("end", "date"),
    Question("hours_per_week", "number", required=True, step="any", minimum=1, maximum=168),
    Question(
        "permit",
        "select",
        options=choices(Job, "permit"),
        option_set="permit",
        when=(When(".country", ("CA",)),),
    ),
    Question("student", "yesno"),
    Question("self_employed", "yesno"),
)
TESTS_TAKEN = Question(
    "_languages", "choice", required=True, options=("taken", "not_yet"), option_set="languages"
)

SECTIONS: tuple[Section, ...] = (
    Section("about", (
        Group("about", "", (
            Question("birth_date", "date", required=True),
            Question("citizenships", "countries", required=True),
            Question("country_of_residence", "country"),
            Question("marital_status", "select", required=True, options=choices(Profile, "marital_status"), option_set="marital"),
        )),
    )),
    Section("spouse", (
        Group("spouse", "spouse", (Question("accompanying", "yesno", required=True), Question("canadian_citizen_or_pr", "yesno", required=True))),
        Group("spouse_details", "spouse", (Question("birth_date", "date"), TESTS_TAKEN), when=SPOUSE_COUNTS[1:]),
        Group("language", "spouse.languages", language_questions(), repeated=True, when=(*SPOUSE_COUNTS[1:], When("spouse._languages", ("taken",)))),
        Group("education", "spouse.education", EDUCATION, repeated=True, when=SPOUSE_COUNTS[1:]),
        Group("work", "spouse.work", WORK, repeated=True, when=SPOUSE_COUNTS[1:]),
    ), when=(MARRIED,)),
    Section("languages", (
        Group("languages", "", (TESTS_TAKEN,)),
        Group("language", "languages", language_questions(), repeated=True, when=(When("_languages", ("taken",)),)),
    )),
    Section("education", (Group("education", "education", EDUCATION, repeated=True),)),
    Section("work", (Group("work", "work", WORK, repeated=True),)),
    Section("job_offer", (
        Group("job_offer_switch", "", (Question("_job_offer", "yesno", required=True),)),
        Group("job_offer", "job_offer", (
            Question("title", "job_title"),
            Question("noc", "noc", required=True),
            Question("employer", "text"),
            Question("province", "select", required=True, options=PROVINCES, option_set="province"),
            Question("city", "text"),
            Question("annual_salary_cad", "number", step="any", minimum=0),
            Question("hours_per_week", "number", step="any", minimum=1, maximum=168),
            Question("permanent", "yesno"),
            Question("lmia", "select", options=choices(JobOffer, "lmia"), option_set="lmia"),
        ), when=(When("_job_offer", YES),)),
    )),
    Section("canada", (
        Group("canada_switch", "", (Question("_in_canada", "yesno", required=True),)),
        Group("in_canada", "in_canada", (
            Question("status", "select", required=True, options=tuple(s for s in choices(InCanada, "status") if s != "none"), option_set="status"),
            Question("permit", "select", options=choices(InCanada, "permit"), option_set="permit"),
            Question("permit_expiry", "date"),
        ), when=(When("_in_canada", YES),)),
    )),
    Section("more", (
        Group("more", "", (
            Question("sibling_in_canada", "yesno"),
            Question("relative_in_canada", "yesno", unknown=True),
            Question("funds_cad", "number", step="any", minimum=0, unknown=True),
            Question("family_size", "number", step="1", minimum=1, maximum=30, unknown=True),
            Question("intended_province", "select", options=PROVINCES, option_set="province", unknown=True),
            Question("first_official_language", "select", options=choices(Profile, "first_official_language"), option_set="official_language", unknown=True),
            Question("_nomination", "yesno"),
        )),
        Group("nomination", "provincial_nomination", (
            Question("province", "select", required=True, options=PROVINCES, option_set="province"),
            Question("stream", "text"),
            Question("enhanced", "yesno", required=True),
            Question("date", "date"),
        ), when=(When("_nomination", YES),)),
    )),
    Section("when", (Group("when", "", (Question("_on", "date"),)),)),
)  # fmt: skip


def groups() -> list[tuple[Section, Group]]:
    """Every group with its section, in page order."""
    return [(section, group) for section in SECTIONS for group in section.groups]


def represented(path: str) -> set[str]:
    """The profile keys at `path` that some question (or sub-group) of the form fills."""
    found: set[str] = set()
    for _, group in groups():
        if group.path == path:
            found.update(q.name for q in group.questions if not q.is_switch)
        elif group.path.startswith(f"{path}.") or (path == "" and group.path):
            rest = group.path[len(path) + 1 :] if path else group.path
            found.add(rest.split(".")[0])
    return found


def visible(conditions: tuple[When, ...], answers: Mapping[str, str], prefix: str = "") -> bool:
    """Whether every condition holds."""
    return all(condition.holds(answers, prefix) for condition in conditions)
