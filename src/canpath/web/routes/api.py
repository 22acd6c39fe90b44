"""The JSON API: thin handlers over canpath's public Python API.

`POST /api/crs`, `POST /api/assess` and `POST /api/role` answer exactly what `canpath crs --json`,
`canpath assess --json` and `canpath role --json` print for the same profile (or role), date and
language. Bad input is a 422 naming each field (see `problems.py`); nothing is stored or logged.
"""

from __future__ import annotations

import functools
import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

import canpath
from canpath.profile import Profile, parse_profile
from canpath.web import draws_view
from canpath.web.employer import assess_role_dict
from canpath.web.problems import RequestProblem, not_built

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

PROFILE_BODY = {
    "requestBody": {
        "required": True,
        "description": "A profile in the public format (see GET /api/schema).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Profile"}}},
    }
}
ROLE_BODY = {
    "requestBody": {
        "required": True,
        "description": "A role an employer wants to fill (see examples/roles/).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Role"}}},
    }
}

OnQuery = Annotated[
    str | None,
    Query(
        description="Assessment date (YYYY-MM-DD); rules, age and experience as of that day. Default: today."
    ),
]
LangQuery = Annotated[Literal["en", "fr"], Query(description="Language of reasons and labels.")]


def json_response(data: Any) -> Response:
    """A JSON answer, encoded as the CLI encodes it (dates as ISO strings)."""
    return Response(
        json.dumps(data, ensure_ascii=False, default=str), media_type="application/json"
    )


def assessment_date(on: str | None) -> date:
    """The `on` query parameter as a date (today when absent); 422 naming `on` otherwise."""
    try:
        return canpath.resolve_date(on)
    except canpath.ProfileError:
        raise RequestProblem.one(
            422, ["query", "on"], f"{on!r} is not a date in the form YYYY-MM-DD", "date_invalid"
        ) from None


async def json_object(request: Request) -> dict[str, Any]:
    """The request body as a JSON object; 422 for anything else."""
    body = await request.body()
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise RequestProblem.one(
            422, ["body"], f"the body is not valid JSON: {error}", "json_invalid"
        ) from None
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        raise RequestProblem.one(
            422,
            ["body"],
            f"the body must be a JSON object of fields, got {kind}",
            "object_expected",
        )
    return data


async def profile_from(request: Request) -> Profile:
    """The validated profile in the body (ProfileError becomes a 422 naming each field)."""
    return parse_profile(await json_object(request))


@router.post("/crs", openapi_extra=PROFILE_BODY, summary="CRS score of a profile")
async def crs(request: Request, on: OnQuery = None, lang: LangQuery = "en") -> Response:
    """The Comprehensive Ranking System score by part and factor: the JSON of `canpath crs --json`."""
    day = assessment_date(on)
    result = canpath.crs(await profile_from(request), day)
    return json_response(result.to_dict(lang))


@router.post("/assess", openapi_extra=PROFILE_BODY, summary="Every program for a profile")
async def assess(
    request: Request,
    on: OnQuery = None,
    lang: LangQuery = "en",
    program: Annotated[
        list[str] | None, Query(description="Only these program ids or prefixes.")
    ] = None,
) -> Response:
    """Every program's verdict with criteria, reasons and sources: the JSON of `canpath assess --json`."""
    day = assessment_date(on)
    result = canpath.assess(await profile_from(request), day, program)
    return json_response(result.to_dict(lang))


@router.post("/plan", openapi_extra=PROFILE_BODY, summary="Routes to permanent residence")
async def plan(
    request: Request,
    on: OnQuery = None,
    lang: LangQuery = "en",
    months: Annotated[int, Query(ge=1, le=120, description="Planning horizon in months.")] = 36,
) -> Response:
    """Ranked routes month by month, with the dates that cost points: the JSON of `canpath plan --json`."""
    day = assessment_date(on)
    person = await profile_from(request)
    try:
        from canpath.planner import plan as make_plan
    except ModuleNotFoundError as error:
        if error.name and "canpath.planner".startswith(error.name):
            raise not_built("route planner") from None
        raise
    result = await run_in_threadpool(make_plan, person, day, months)
    return json_response(result.to_dict(lang))


@router.post("/role", openapi_extra=ROLE_BODY, summary="Routes to hire for a role")
async def role(request: Request, on: OnQuery = None, lang: LangQuery = "en") -> Response:
    """For an employer: every work route a role can be filled through, for whom, at what cost and
    how fast: the JSON of `canpath role --json`. A bad role is a 422 naming each field."""
    day = assessment_date(on)
    data = await json_object(request)
    return json_response(await run_in_threadpool(assess_role_dict, data, day, lang))


@router.get("/draws", summary="Rounds of invitations")
async def draws(
    category: Annotated[
        list[str] | None, Query(description="Only these round types (repeat or comma-separate).")
    ] = None,
    since: Annotated[
        str | None, Query(description="Only rounds on or after this date (YYYY-MM-DD).")
    ] = None,
    on: OnQuery = None,
    limit: Annotated[
        int | None, Query(ge=1, le=1000, description="At most this many rounds, newest first.")
    ] = None,
    score: Annotated[
        int | None, Query(ge=0, le=1200, description="Show where this CRS score stands.")
    ] = None,
) -> Response:
    """Express Entry rounds, newest first, with cut-off summaries: like `canpath draws --json`."""
    chosen = draws_view.categories_from(category)
    since_day = draws_view.optional_date("since", since)
    until_day = draws_view.optional_date("on", on)
    return json_response(draws_view.rounds_answer(chosen, since_day, until_day, limit, score))


@router.get("/schema", summary="JSON Schema of the profile")
async def schema() -> Response:
    """The JSON Schema of the profile format (the same as `canpath schema`)."""
    return json_response(profile_schema())


@functools.cache
def profile_schema() -> dict[str, Any]:
    """The profile's JSON Schema, built once."""
    return Profile.model_json_schema()


@router.get("/noc", summary="Search NOC 2021 by job title")
async def noc(
    q: Annotated[
        str,
        Query(
            min_length=1, max_length=100, description="Words of a job title, or a five-digit code."
        ),
    ],
    lang: LangQuery = "en",
    limit: Annotated[int, Query(ge=1, le=25)] = 8,
) -> Response:
    """NOC 2021 unit groups whose title or example job titles match, best first."""
    from canpath.web.nocsearch import search

    return json_response({"results": search(q, lang, limit)})


@router.get("/health", summary="Liveness")
async def health() -> Response:
    """`{"status": "ok", "version": ...}` when the app is up."""
    return json_response({"status": "ok", "version": canpath.__version__})
