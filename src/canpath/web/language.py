"""The language of a page: `?lang=` first, then the browser's Accept-Language, then English.

Page strings are message keys under `web.` in `locales/<language>/web.yaml`, rendered with
`canpath.i18n.render`, so the web app shares the catalogs (and their completeness test) with
the rest of canpath.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from canpath.i18n import LANGUAGES, Language, Message, render

__all__ = ["Translate", "choose_language", "translator"]

Translate = Callable[..., str]


def choose_language(query_value: str | None, accept_language: str | None) -> Language:
    """The language asked for in the query, else the browser's preferred one we have, else en."""
    if query_value in LANGUAGES:
        return "fr" if query_value == "fr" else "en"
    best: tuple[float, Language] | None = None
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, parameters = item.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGUAGES:
            continue
        weight = _quality(parameters) - position / 1000
        if best is None or weight > best[0]:
            best = (weight, "fr" if primary == "fr" else "en")
    return best[1] if best else "en"


def _quality(parameters: str) -> float:
    for parameter in parameters.split(";"):
        name, _, value = parameter.strip().partition("=")
        if name == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def translator(language: Language) -> Translate:
    """`t(key, **params)`: the page string `web.<key>` in `language`."""

    def translate(key: str, **params: Any) -> str:
        return render(Message(f"web.{key}", params), language)

    return translate
