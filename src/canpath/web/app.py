"""The FastAPI application: JSON API, pages, static assets, error handlers, the edge middleware.

uvicorn --factory canpath.web.app:create_app     # or: canpath serve
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import canpath
from canpath.employer import Role
from canpath.profile import Profile
from canpath.web.edge import DEFAULT_MAX_BODY_BYTES, EdgeMiddleware
from canpath.web.problems import install_handlers
from canpath.web.routes import api, pages

__all__ = ["create_app", "warm_up"]

STATIC = Path(__file__).parent / "static"
WARM_UP_PROFILE = {"birth_date": "1995-01-01", "citizenships": ["IN"]}


def warm_up() -> None:
    """Load rules, catalogs, reference data and rounds once, before the first request."""
    from canpath.draws.store import active_feed
    from canpath.i18n import catalog
    from canpath.reference.noc import search, unit_groups

    for language in ("en", "fr"):
        catalog(language)
    unit_groups()
    search("warm up")  # folds every title once
    active_feed()
    canpath.assess(WARM_UP_PROFILE).to_dict("en")
    api.profile_schema()


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Warm up at start-up; nothing to clean at shutdown (the app keeps no state)."""
    warm_up()
    yield


def create_app(max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> FastAPI:
    """The canpath web application."""
    app = FastAPI(
        title="canpath",
        version=canpath.__version__,
        summary="Canadian immigration routes for tech workers, as dated, cited rules.",
        description="JSON API over canpath's public Python API. Answers are the same JSON as the "
        "CLI's `--json`; bad input is a 422 naming each field; nothing is stored or logged.",
        docs_url=None,  # /docs is canpath's own page: Swagger UI would load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_handlers(app)
    app.add_middleware(EdgeMiddleware, max_body_bytes=max_body_bytes)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        return _with_profile_schema(generate())

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _with_profile_schema(document: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's document plus the profile's and the role's schemas (bodies are read raw, for our
    own 422s)."""
    components = document.setdefault("components", {}).setdefault("schemas", {})
    for name, model in (("Profile", Profile), ("Role", Role)):
        if name not in components:
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(schema.pop("$defs", {}))
            components[name] = schema
    return document
