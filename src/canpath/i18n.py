"""Messages in English and French.

Rules never build sentences: they return `Message(key, params)`. Catalogs in
`locales/<language>/*.yaml` map each key to a template with `{named}` fields; every key exists in
both languages (a test checks). A parameter that is itself a `Message` is rendered in the same
language, so "CLB 7 needed in {ability}" can name the ability in French too.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from canpath.yamlio import load_yaml_file

Language = Literal["en", "fr"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")
LOCALES = Path(__file__).parent / "locales"


@dataclass(frozen=True)
class Message:
    """A translatable sentence: a catalog key and the values it names."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: Language = "en") -> str:
        return render(self, language)

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, **params: Any) -> Message:
    """Shorthand for `Message(key, params)`."""
    return Message(key, params)


@functools.cache
def catalog(language: Language) -> dict[str, str]:
    """Every template of one language, from all catalog files of that language."""
    merged: dict[str, str] = {}
    for path in sorted((LOCALES / language).glob("*.yaml")):
        content = load_yaml_file(path) or {}
        _flatten(content, "", merged, path)
    return merged


def _flatten(node: Any, prefix: str, into: dict[str, str], path: Path) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(
                value,
                f"{prefix}{key}." if isinstance(value, dict) else f"{prefix}{key}",
                into,
                path,
            )
        return
    key = prefix.rstrip(".")
    if key in into:
        raise ValueError(f"{path}: message key {key!r} is defined twice")
    into[key] = str(node)


class _Params(dict[str, Any]):
    def __init__(self, values: Mapping[str, Any], language: Language) -> None:
        super().__init__(values)
        self.language = language

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, Message):
            return value.render(self.language)
        if isinstance(value, list | tuple):
            return ", ".join(
                item.render(self.language) if isinstance(item, Message) else str(item)
                for item in value
            )
        return value

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(message: Message, language: Language = "en") -> str:
    """The message in `language`, falling back to English, then to the key itself."""
    template = catalog(language).get(message.key) or catalog("en").get(message.key)
    if template is None:
        return message.key
    return template.format_map(_Params(message.params, language))


def label(key: str, language: Language = "en") -> str:
    """A label without parameters (program names, factor names, ability names)."""
    return render(Message(key), language)
