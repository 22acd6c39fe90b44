"""Loading dated parameters and reading them as of a date.

`RULES.at(day)` gives a `Snapshot`: every parameter as in force on that day. A parameter's id is
its file path under `params/data/` with dots (`federal/express_entry/crs/core/age.yaml` is
`federal.express_entry.crs.core.age`). Files are read lazily, on first use, and validated against
`schema.ParameterFile`.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from canpath.errors import ParameterError, ParameterNotInForce, UnknownNameError
from canpath.i18n import Language, Message, msg
from canpath.params.schema import Announcement, ParameterFile, Reference, Status
from canpath.yamlio import YamlProblem, load_yaml_file

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class RuleWarning:
    """Something a result depends on that a user should know: unconfirmed or not modelled.

    `text` is a catalog message (translated when rendered); the notes it quotes from parameter
    files (summaries, what is not modelled) are written in English.
    """

    code: str
    parameter_id: str
    text: Message
    href: str | None = None

    @property
    def message(self) -> str:
        """The warning in English."""
        return self.text.render("en")

    def render(self, language: Language = "en") -> str:
        """The warning in `language`."""
        return self.text.render(language)


def announcement_warning(item: Announcement, parameter_id: str) -> RuleWarning:
    """The warning a result carries on or after the date of a change canpath cannot encode."""
    return RuleWarning(
        code=f"{item.state}:{item.id}",
        parameter_id=parameter_id,
        text=msg(
            "warning.announced",
            summary=item.summary,
            date=item.date.isoformat(),
            state=msg(f"warning.state.{item.state}"),
            status=msg(f"warning.status.{item.status}"),
            not_modelled=item.not_modelled,
        ),
    )


@dataclass(eq=False)
class InForce:
    """A parameter's value on a date, with the dates it covers and the source it rests on."""

    parameter_id: str
    value: Any
    since: date
    until: date | None
    references: list[Reference]
    status: Status
    note: str | None
    announcements: list[Announcement]
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def reference(self) -> Reference:
        return self.references[0]

    def cached(self, key: str, build: Any) -> Any:
        """Memoize a derived form of this value (e.g. a NumPy lookup array) for reuse."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def warnings(self) -> list[RuleWarning]:
        found: list[RuleWarning] = []
        if self.status == "unconfirmed":
            found.append(
                RuleWarning(
                    code="unconfirmed",
                    parameter_id=self.parameter_id,
                    text=msg(
                        "warning.unconfirmed_note" if self.note else "warning.unconfirmed",
                        parameter=self.parameter_id,
                        since=self.since.isoformat(),
                        note=self.note or "",
                    ),
                    href=self.reference.href,
                )
            )
        found.extend(announcement_warning(item, self.parameter_id) for item in self.announcements)
        return found


class Parameter:
    """One parameter file, validated, with its dated values in order."""

    def __init__(self, parameter_id: str, path: Path, content: ParameterFile) -> None:
        self.id = parameter_id
        self.path = path
        self.content = content
        self.dates = sorted(content.values)

    @property
    def first_date(self) -> date:
        return self.dates[0]

    @property
    def ended(self) -> date | None:
        last = self.content.values[self.dates[-1]]
        return self.dates[-1] if last.value is None else None

    def entry_on(self, on: date) -> tuple[date, date | None]:
        position = bisect.bisect_right(self.dates, on) - 1
        if position < 0 or self.content.values[self.dates[position]].value is None:
            raise ParameterNotInForce(self.id, on, self.first_date, self.ended)
        until = self.dates[position + 1] if position + 1 < len(self.dates) else None
        return self.dates[position], until

    def at(self, on: date) -> InForce:
        since, until = self.entry_on(on)
        entry = self.content.values[since]
        return InForce(
            parameter_id=self.id,
            value=entry.value,
            since=since,
            until=until,
            references=[self.content.references[ref] for ref in entry.refs],
            status=entry.status or self.content.status,
            note=entry.note,
            announcements=[item for item in self.content.announced if item.date <= on],
        )

    def upcoming(self, on: date) -> list[Announcement]:
        return [item for item in self.content.announced if item.date > on]


def load_parameter(parameter_id: str, path: Path) -> Parameter:
    """Read and validate one parameter file; errors name the file and the key path."""
    try:
        raw = load_yaml_file(path)
    except YamlProblem as problem:
        raise ParameterError(f"{path}: {problem}") from None
    try:
        content = ParameterFile.model_validate(raw)
    except ValidationError as error:
        lines = [
            f"{path}: {'.'.join(str(part) for part in item['loc']) or '(top)'}: {item['msg']}"
            for item in error.errors()
        ]
        raise ParameterError("\n".join(lines)) from None
    return Parameter(parameter_id, path, content)


class ParameterStore:
    """Every parameter file under a folder, loaded on first use."""

    def __init__(self, root: Path = DATA_DIR) -> None:
        self.root = root
        self._paths: dict[str, Path] | None = None
        self._loaded: dict[str, Parameter] = {}
        self._change_dates: list[date] | None = None

    @property
    def paths(self) -> dict[str, Path]:
        if self._paths is None:
            self._paths = {
                ".".join(path.relative_to(self.root).with_suffix("").parts): path
                for path in sorted(self.root.rglob("*.yaml"))
            }
        return self._paths

    def ids(self) -> list[str]:
        return list(self.paths)

    def parameter(self, parameter_id: str) -> Parameter:
        found = self._loaded.get(parameter_id)
        if found is None:
            path = self.paths.get(parameter_id)
            if path is None:
                raise UnknownNameError("parameter", parameter_id, self.paths)
            found = self._loaded[parameter_id] = load_parameter(parameter_id, path)
        return found

    def __iter__(self) -> Iterator[Parameter]:
        return (self.parameter(parameter_id) for parameter_id in self.paths)

    @functools.lru_cache(maxsize=512)  # noqa: B019 - the store lives as long as the process
    def at(self, on: date) -> Snapshot:
        return Snapshot(self, on)

    def change_dates(self) -> list[date]:
        """Every date on which some parameter takes a new value, in order."""
        if self._change_dates is None:
            self._change_dates = sorted({day for parameter in self for day in parameter.dates})
        return self._change_dates


class Snapshot:
    """The rules in force on one date. `snapshot[id]` is that parameter's `InForce`."""

    def __init__(self, store: ParameterStore, on: date) -> None:
        self.store = store
        self.on = on
        self._values: dict[str, InForce] = {}
        self._warnings: dict[frozenset[str], list[RuleWarning]] = {}

    def __getitem__(self, parameter_id: str) -> InForce:
        found = self._values.get(parameter_id)
        if found is None:
            found = self._values[parameter_id] = self.store.parameter(parameter_id).at(self.on)
        return found

    def value(self, parameter_id: str) -> Any:
        return self[parameter_id].value

    def is_in_force(self, parameter_id: str) -> bool:
        try:
            self[parameter_id]
        except ParameterNotInForce:
            return False
        return True

    def warnings(self, parameter_ids: list[str] | tuple[str, ...] | set[str]) -> list[RuleWarning]:
        """Warnings of the given parameters that are in force, without repeats."""
        key = frozenset(parameter_ids)
        cached = self._warnings.get(key)
        if cached is None:
            cached = self._warnings[key] = self._collect_warnings(key)
        return list(cached)

    def _collect_warnings(self, parameter_ids: frozenset[str]) -> list[RuleWarning]:
        found: dict[str, RuleWarning] = {}
        for parameter_id in sorted(parameter_ids):
            if not self.is_in_force(parameter_id):
                continue
            for item in self[parameter_id].warnings():
                key = item.code if item.code != "unconfirmed" else f"{item.code}:{parameter_id}"
                # One announcement may be recorded on several parameters: keep its fullest text.
                if key not in found or len(item.message) > len(found[key].message):
                    found[key] = item
        return list(found.values())


Warning_ = RuleWarning  # former name, kept for code written against it

RULES = ParameterStore()
