"""The one exception tree of canpath.

```
CanpathError
├── ProfileError            a profile (file, JSON body, table row) is not valid; lists every problem
├── ParameterError          a parameter file is malformed (file, key path)
│   └── ParameterNotInForce a parameter is asked for on a date it does not cover
├── DataError               reference data (rounds feed, NOC table, wages) is missing or malformed
└── UnknownNameError        a rule, program or parameter id that does not exist (with close matches)
```

Domain code raises these; only the CLI and the web layer turn them into exit codes or HTTP
responses. Every message says what is wrong, where, and what to do next.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from canpath.i18n import Language, Message

__all__ = [
    "CanpathError",
    "DataError",
    "ParameterError",
    "ParameterNotInForce",
    "ProfileError",
    "Problem",
    "UnknownNameError",
]


class CanpathError(Exception):
    """Base class of every error canpath raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (a dotted field path) and what.

    `message` is English; `text`, when set, is the same problem as a catalog message, used by
    `render` for other languages.
    """

    location: str
    message: str
    text: Message | None = None

    def what(self, language: Language = "en") -> str:
        """What is wrong, without the location, in `language` where it has a translation."""
        if self.text is not None and language != "en":
            return self.text.render(language)
        return self.message

    def render(self, language: Language = "en") -> str:
        """The problem, with its location, in `language` where it has a translation."""
        what = self.what(language)
        return f"{self.location}: {what}" if self.location else what

    def __str__(self) -> str:
        return self.render("en")


class ProfileError(CanpathError):
    """A profile is not valid. `problems` holds one entry per field in error."""

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(self.render())

    def render(self, language: Language = "en") -> str:
        prefix = f"{self.source}: " if self.source else ""
        return "\n".join(f"{prefix}{problem.render(language)}" for problem in self.problems)

    def with_source(self, source: str) -> ProfileError:
        return ProfileError(self.problems, source=source)


class ParameterError(CanpathError):
    """A parameter file is malformed, or a parameter is used in a way its file does not allow."""


class ParameterNotInForce(ParameterError):
    """A parameter has no value on the date asked for (before its first entry, or ended)."""

    def __init__(self, parameter_id: str, on: date, first: date | None, ended: date | None) -> None:
        self.parameter_id = parameter_id
        self.on = on
        self.first = first
        self.ended = ended
        if first is None or on < first:
            span = f"its first value takes effect on {first}" if first else "it has no values"
            if parameter_id == "federal.express_entry.crs.caps":
                span = f"Express Entry and its CRS began on {first}"
            hint = "Assess on a later date (--on)."
        else:
            span = f"it ended on {ended}"
            hint = "Assess on an earlier date, or the rule no longer exists."
        super().__init__(f"{parameter_id} is not in force on {on}: {span}. {hint}")


class DataError(CanpathError):
    """Reference data is missing or malformed."""


class UnknownNameError(CanpathError):
    """An id that does not exist; the message suggests the closest known ids."""

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"unknown {kind} {name!r}.{hint}")
        self.name = name
