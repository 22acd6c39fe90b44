"""What the questionnaire template needs: answers, errors per field, labels, hints, choices."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from canpath.errors import Problem, ProfileError
from canpath.i18n import Language, catalog
from canpath.reference.noc import is_known, title_of
from canpath.web.answers import EXTRA, FIRST_OF_PATH, Converted, entry_indices
from canpath.web.language import Translate
from canpath.web.questionnaire import SECTIONS, Group, Question, When, groups

__all__ = ["FieldError", "FormView", "field_id", "when_attribute"]


def field_id(name: str) -> str:
    """The HTML id of the input named `name` (`education.0.level` -> `f-education-0-level`)."""
    return "f-" + name.replace(".", "-")


def when_attribute(conditions: tuple[When, ...]) -> str:
    """Conditions as questionnaire.js reads them: `a=x,y;.b!=z`."""
    return ";".join(condition.attribute for condition in conditions)


@dataclass(frozen=True)
class FieldError:
    """A problem shown beside a field and in the summary at the top of the page."""

    name: str
    anchor: str
    label: str
    message: str


def _find(name: str) -> tuple[Group, Question] | None:
    parts = name.split(".")
    path = ".".join(part for part in parts[:-1] if not part.isdigit())
    for _, group in groups():
        if group.path == path:
            for question in group.questions:
                if question.name == parts[-1]:
                    return group, question
    return None


GENERIC_MESSAGES = (
    (re.compile(r"^Field required$"), "error.required"),
    (re.compile(r"^Input should be a valid date"), "error.date"),
    (re.compile(r"^Input should be a valid (number|integer)"), "error.number"),
    (re.compile(r"^Input should be a valid boolean"), "error.choice"),
    (re.compile(r"^Input should be '"), "error.choice"),
    (re.compile(r"^Input should be (greater|less) than"), "error.range"),
    (re.compile(r"^List should have at least 1 item"), "error.required"),
)


@dataclass
class FormView:
    """The questionnaire's state for one rendering: answers, errors, language."""

    answers: Mapping[str, str]
    language: Language
    t: Translate
    errors: dict[str, FieldError] = field(default_factory=dict)
    sections = SECTIONS

    def value(self, name: str) -> str:
        """The answer to show in the field named `name`."""
        return self.answers.get(name, "")

    def entries(self, path: str) -> list[int]:
        """The entry numbers to show for a repeated group (at least one blank entry)."""
        return entry_indices(self.answers, path) or [0]

    def extra_name(self, group: Group) -> str:
        """The hidden field carrying what the form does not ask, on the first group of a path."""
        if group.repeated or id(group) not in FIRST_OF_PATH:
            return ""
        return f"{group.path}.{EXTRA}" if group.path else EXTRA

    def error(self, name: str) -> str:
        """The problem with the field named `name`, or an empty string."""
        found = self.errors.get(name)
        return found.message if found else ""

    def label(self, group: Group, question: Question) -> str:
        """The question's label."""
        return self.t(f"q.{group.kind}.{question.name}")

    def hint(self, group: Group, question: Question) -> str:
        """A hint under the label, when the catalog has one."""
        key = f"hint.{group.kind}.{question.name}"
        return self.t(key) if f"web.{key}" in catalog(self.language) else ""

    def options(self, question: Question) -> list[tuple[str, str]]:
        """(value, label) pairs; an empty first choice for selects, "I don't know" when offered."""
        if question.kind == "yesno":
            pairs = [("true", self.t("option.yesno.true")), ("false", self.t("option.yesno.false"))]
        else:
            pairs = [
                (value, self.t(f"option.{question.option_set}.{value}"))
                for value in question.options
            ]
        if question.unknown:
            pairs.append(("", self.t("option.unknown")))
        elif question.kind == "select":
            pairs.insert(0, ("", self.t("option.choose")))
        return pairs

    def noc_title(self, code: str) -> str:
        """The NOC 2021 unit group title of a code, for the line under a NOC input."""
        return f"{code}: {title_of(code)}" if is_known(code) else ""

    def add_problems(self, error: ProfileError, converted: Converted) -> None:
        """Attach each problem of the profile to its field (or its entry, or the page)."""
        for problem in error.problems:
            name = converted.form_name(problem.location) if problem.location else ""
            self.add(name, self.problem_text(problem))

    def add(self, name: str, message: str) -> None:
        """Attach one problem to the field named `name`."""
        found = _find(name)
        label = self.label(*found) if found else self.t("error.general")
        anchor = (
            field_id(name) if found else (field_id(name + ".entry") if name else "questionnaire")
        )
        if name in self.errors:
            message = f"{self.errors[name].message}; {self.translate(message)}"
        else:
            message = self.translate(message)
        self.errors[name] = FieldError(name, anchor, label, message)

    def problem_text(self, problem: Problem) -> str:
        """A problem as the form shows it: the form's own wording for common messages (`add`
        translates them), else the problem in the page's language."""
        if self.translate(problem.message) != problem.message:
            return problem.message
        return problem.what(self.language)

    def translate(self, message: str) -> str:
        """Common validation messages in the page's language; others as the rules wrote them."""
        for pattern, key in GENERIC_MESSAGES:
            if pattern.search(message):
                return self.t(key)
        return message
