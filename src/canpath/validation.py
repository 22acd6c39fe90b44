"""Pydantic validation errors as canpath problems, with a translatable text for common kinds.

The English message stays what the model or its validator wrote (so `canpath crs` prints what it
always printed); for the kinds of error listed in `validation.*` of the catalogs, a problem also
carries a catalog message, which `Problem.render(language)` uses for other languages. Messages
written by canpath's own validators (value errors) stay English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from canpath.errors import Problem
from canpath.i18n import Message, catalog, msg

__all__ = ["problems_of", "text_of"]

Override = Callable[[ErrorDetails, str], str]
MAX_ECHO = 40


def _shown(value: Any) -> str:
    """A submitted value as a message may quote it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= MAX_ECHO else text[: MAX_ECHO - 1] + "…"


def _param(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:g}"
    return value


def text_of(item: ErrorDetails) -> Message | None:
    """The catalog message for a pydantic error of a kind canpath translates, else None."""
    key = f"validation.{item['type']}"
    if key not in catalog("en"):
        return None
    params = {name: _param(value) for name, value in (item.get("ctx") or {}).items()}
    if "expected" in params:
        params["expected"] = str(params["expected"]).replace(" or ", ", ")
    params["input"] = _shown(item.get("input"))
    return msg(key, **params)


def problems_of(error: ValidationError, english: Override) -> list[Problem]:
    """One problem per pydantic error: location, English message (`english(item, message)` may
    rewrite pydantic's), and a translatable text where the kind has one."""
    found = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"])
        message = english(item, item["msg"].removeprefix("Value error, "))
        found.append(Problem(location, message, text_of(item)))
    return found
