"""Form answers to a profile and back, following the questionnaire's questions and conditions.

Answers are a flat mapping of field names (`education.0.level`) to text, as a browser sends
them. `to_profile` keeps only the answers the conditions ask for, turns text into numbers,
booleans and lists, and skips blank entries. `from_profile` fills the form from a profile
file (import). Fields the form does not ask (an `id`, an education `field`, ...) travel in a
hidden `_extra` answer per object, so a profile survives import, editing and export.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from canpath.web.questionnaire import Group, Question, groups, represented, visible

__all__ = ["Converted", "answer_text", "entry_indices", "from_profile", "read_group", "to_profile"]

EXTRA = "_extra"


@dataclass
class Converted:
    """A profile built from answers, and where each list entry came from in the form."""

    profile: dict[str, Any]
    form_prefix: dict[str, str] = field(default_factory=dict)  # "education.0" -> "education.2"

    def form_name(self, location: str) -> str:
        """The form field name of a profile location (list positions mapped back)."""
        parts = location.split(".")
        for length in range(len(parts), 0, -1):
            head = ".".join(parts[:length])
            if head in self.form_prefix:
                return ".".join([self.form_prefix[head], *parts[length:]])
        return location


def entry_indices(answers: Mapping[str, str], path: str) -> list[int]:
    """The entry numbers present in the answers for a repeated group, in order."""
    pattern = re.compile(rf"^{re.escape(path)}\.(\d+)\.")
    found = {int(match.group(1)) for name in answers if (match := pattern.match(name))}
    return sorted(found)


def _first_groups() -> set[int]:
    seen: set[str] = set()
    firsts: set[int] = set()
    for _, group in groups():
        if group.path not in seen:
            seen.add(group.path)
            firsts.add(id(group))
    return firsts


FIRST_OF_PATH = _first_groups()


def _number(text: str) -> Any:
    try:
        value = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return text  # the profile's validation names the field
    return int(value) if value.is_integer() else value


def _value(question: Question, text: str) -> Any:
    if question.kind == "number":
        return _number(text)
    if question.kind == "yesno":
        return {"true": True, "false": False}.get(text, text)
    if question.kind == "countries":
        return [code.upper() for code in re.split(r"[\s,;]+", text) if code]
    if question.kind == "country":
        return text.upper()
    return text


def read_group(group: Group, answers: Mapping[str, str], prefix: str) -> dict[str, Any]:
    """The answers of one group (or entry) that its conditions ask for, as profile values."""
    found: dict[str, Any] = {}
    for question in group.questions:
        if question.is_switch or not visible(question.when, answers, prefix):
            continue
        text = answers.get(prefix + question.name, "").strip()
        if text:
            found[question.name] = _value(question, text)
    if id(group) in FIRST_OF_PATH:
        try:
            extra = json.loads(answers.get(prefix + EXTRA) or "{}")
        except ValueError:
            extra = {}
        if isinstance(extra, dict):
            for key, value in extra.items():
                found.setdefault(str(key), value)
    return found


def _place(profile: dict[str, Any], path: str, values: Any) -> None:
    if not path:
        profile.update(values)
        return
    *parents, last = path.split(".")
    node = profile
    for part in parents:
        node = node.setdefault(part, {})
    if isinstance(values, dict) and isinstance(node.get(last), dict):
        node[last].update(values)
    else:
        node[last] = values


def to_profile(answers: Mapping[str, str]) -> Converted:
    """The profile the answers describe (unvalidated; `parse_profile` names any problem)."""
    converted = Converted({})
    for section, group in groups():
        if not (visible(section.when, answers) and visible(group.when, answers)):
            continue
        if not group.repeated:
            values = read_group(group, answers, f"{group.path}." if group.path else "")
            if values:
                _place(converted.profile, group.path, values)
            continue
        entries: list[dict[str, Any]] = []
        for index in entry_indices(answers, group.path):
            entry = read_group(group, answers, f"{group.path}.{index}.")
            if entry:
                converted.form_prefix[f"{group.path}.{len(entries)}"] = f"{group.path}.{index}"
                entries.append(entry)
        if entries:
            _place(converted.profile, group.path, entries)
    return converted


def answer_text(value: Any) -> str:
    """A profile or role value as a form answer (booleans as true/false, lists comma-separated)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(answer_text(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _write(group: Group, node: Mapping[str, Any], prefix: str, answers: dict[str, str]) -> None:
    for question in group.questions:
        if not question.is_switch and question.name in node:
            answers[prefix + question.name] = answer_text(node[question.name])
    if id(group) in FIRST_OF_PATH:
        known = represented(group.path)
        extra = {key: value for key, value in node.items() if key not in known}
        if extra:
            answers[prefix + EXTRA] = json.dumps(extra, default=answer_text, ensure_ascii=False)


def _at(profile: Mapping[str, Any], path: str) -> Any:
    node: Any = profile
    for part in path.split(".") if path else ():
        node = node.get(part) if isinstance(node, Mapping) else None
    return node


def from_profile(profile: Mapping[str, Any]) -> dict[str, str]:
    """Answers that fill the form with a profile (from a file the person imports)."""
    answers: dict[str, str] = {}
    for _, group in groups():
        node = _at(profile, group.path)
        if group.repeated and isinstance(node, list):
            for index, item in enumerate(node):
                if isinstance(item, Mapping):
                    _write(group, item, f"{group.path}.{index}.", answers)
        elif not group.repeated and isinstance(node, Mapping):
            _write(group, node, f"{group.path}." if group.path else "", answers)
    spouse = profile.get("spouse")
    answers["_languages"] = "taken" if profile.get("languages") else "not_yet"
    if isinstance(spouse, Mapping):
        answers["spouse._languages"] = "taken" if spouse.get("languages") else "not_yet"
    answers["_job_offer"] = answer_text(bool(profile.get("job_offer")))
    in_canada = profile.get("in_canada")
    answers["_in_canada"] = answer_text(
        isinstance(in_canada, Mapping) and in_canada.get("status") not in (None, "none")
    )
    answers["_nomination"] = answer_text(bool(profile.get("provincial_nomination")))
    return answers
