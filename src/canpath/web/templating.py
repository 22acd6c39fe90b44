"""Jinja2 templates with what every page needs: the language, its switch, and asset links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import StrictUndefined

import canpath
from canpath.i18n import Language
from canpath.web.form_view import field_id, when_attribute
from canpath.web.language import choose_language, translator

__all__ = ["OTHER_LANGUAGE", "page", "page_language"]

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
TEMPLATES.env.undefined = StrictUndefined
TEMPLATES.env.globals.update(
    field_id=field_id,
    when_attribute=when_attribute,
    version=canpath.__version__,
    static=lambda name: f"/static/{name}?v={canpath.__version__}",
)
OTHER_LANGUAGE: dict[Language, Language] = {"en": "fr", "fr": "en"}


def page_language(request: Request, chosen: str | None = None) -> Language:
    """The page's language: a form's `_lang`, else `?lang=`, else Accept-Language, else English."""
    return choose_language(
        chosen or request.query_params.get("lang"), request.headers.get("accept-language")
    )


def page(
    request: Request, template: str, language: Language, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render a page; GET pages switch language by a link to the same address."""
    other = OTHER_LANGUAGE[language]
    switched = request.url.include_query_params(lang=other)
    context.setdefault("switch_url", f"{switched.path}?{switched.query}")
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {"lang": language, "other": other, "t": translator(language), **context},
        status_code=status_code,
    )
