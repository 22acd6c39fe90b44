"""The pages: questionnaire, results, profile import and export, employer, API reference.

Every page is rendered on the server in English or French. Answers travel with each request
and nothing is kept: the browser saves progress (localStorage), the server forgets.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

import yaml
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from canpath.api import resolve_date
from canpath.employer import parse_role
from canpath.errors import ParameterNotInForce, ProfileError
from canpath.profile import parse_profile
from canpath.web.answers import Converted, from_profile, to_profile
from canpath.web.employer import (
    ROLE_SECTIONS,
    RoleFormView,
    RoleOutcome,
    assess_role_dict,
    build_outcome,
    to_role,
)
from canpath.web.form_view import FormView
from canpath.web.language import translator
from canpath.web.problems import RequestProblem
from canpath.web.results_view import build_results
from canpath.web.templating import page, page_language
from canpath.yamlio import YamlProblem, load_yaml_text

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


async def form_answers(request: Request) -> tuple[dict[str, str], bytes | None]:
    """The submitted fields as text (the last value of a repeated name), and an uploaded file."""
    answers: dict[str, str] = {}
    upload = None
    async with request.form() as form:
        for name, value in form.multi_items():
            if isinstance(value, str):
                answers[name] = value
            elif isinstance(value, UploadFile):
                upload = await value.read()
    return answers, upload


def questionnaire_page(
    request: Request, view: FormView, status_code: int = 200, notice: str = ""
) -> HTMLResponse:
    """The questionnaire, filled with `view`'s answers and errors."""
    return page(
        request,
        "questionnaire.html",
        view.language,
        status_code,
        form=view,
        from_server=bool(view.answers),
        notice=notice,
    )


@router.get("/", response_class=HTMLResponse)
async def questionnaire(request: Request) -> HTMLResponse:
    """The guided questionnaire (answers come back from the browser's storage)."""
    language = page_language(request)
    return questionnaire_page(request, FormView({}, language, translator(language)))


def _assessment_day(view: FormView) -> date | None:
    try:
        return resolve_date(view.answers.get("_on") or None)
    except ProfileError:
        view.add("_on", view.t("error.date"))
        return None


@router.post("/results", response_class=HTMLResponse)
async def results(request: Request) -> HTMLResponse:
    """Assess the answers (or a profile sent back by the results page to switch language)."""
    answers, _ = await form_answers(request)
    language = page_language(request, answers.get("_lang"))
    if "_profile" in answers:
        converted = Converted(_profile_field(answers["_profile"]))
        answers = {**from_profile(converted.profile), "_on": answers.get("_on", "")}
    else:
        converted = to_profile(answers)
    view = FormView(answers, language, translator(language))
    day = _assessment_day(view)
    try:
        person = parse_profile(converted.profile)
    except ProfileError as error:
        view.add_problems(error, converted)
    if view.errors or day is None:
        return questionnaire_page(request, view, 422)
    try:
        shown = await run_in_threadpool(build_results, person, day, language, view.t)
    except ParameterNotInForce as error:
        view.add("_on", str(error))
        return questionnaire_page(request, view, 422)
    profile_json = json.dumps(converted.profile, ensure_ascii=False, default=str)
    return page(
        request,
        "results.html",
        language,
        view=shown,
        profile_json=profile_json,
        on_text=answers.get("_on", ""),
    )


def _profile_field(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise RequestProblem.one(422, ["body", "_profile"], "not a profile in JSON", "json_invalid")
    return data


@router.post("/profile/export")
async def export_profile(
    request: Request, format: Annotated[Literal["yaml", "json"], Query()] = "yaml"
) -> Response:
    """The answers as a profile file to download (complete or not)."""
    answers, _ = await form_answers(request)
    profile = (
        _profile_field(answers["_profile"])
        if "_profile" in answers
        else to_profile(answers).profile
    )
    if format == "json":
        text = json.dumps(profile, ensure_ascii=False, indent=2, default=str) + "\n"
        media_type = "application/json"
    else:
        text = "# canpath profile (see `canpath schema`)\n" + yaml.safe_dump(
            profile, sort_keys=False, allow_unicode=True
        )
        media_type = "application/yaml"
    disposition = f'attachment; filename="canpath-profile.{format}"'
    return Response(text, media_type=media_type, headers={"content-disposition": disposition})


@router.post("/profile/import", response_class=HTMLResponse)
async def import_profile(request: Request) -> HTMLResponse:
    """Fill the questionnaire from an uploaded (or pasted) profile file, showing its problems."""
    answers, upload = await form_answers(request)
    language = page_language(request, answers.get("_lang"))
    t = translator(language)
    text = (
        upload.decode("utf-8-sig", errors="replace")
        if upload is not None
        else answers.get("text", "")
    )
    try:
        data = load_yaml_text(text)
    except YamlProblem as problem:
        view = FormView({}, language, t)
        return questionnaire_page(request, view, 422, t("import.invalid", reason=str(problem)))
    if not isinstance(data, dict):
        return questionnaire_page(request, FormView({}, language, t), 422, t("import.not_profile"))
    view = FormView(from_profile(data), language, t)
    try:
        parse_profile(data)
    except ProfileError as error:
        view.add_problems(error, Converted(data))
    return questionnaire_page(request, view, 200, t("import.done"))


def employer_page(
    request: Request,
    view: RoleFormView,
    status_code: int = 200,
    outcome: RoleOutcome | None = None,
) -> HTMLResponse:
    """The employer page: the role form (filled with `view`'s answers and errors) and the routes."""
    return page(
        request,
        "employer.html",
        view.language,
        status_code,
        form=view,
        sections=ROLE_SECTIONS,
        outcome=outcome,
        posted=bool(view.answers),
    )


@router.get("/employer", response_class=HTMLResponse)
async def employer(request: Request) -> HTMLResponse:
    """The employer page: describe a role, see the routes to hire through."""
    language = page_language(request)
    return employer_page(request, RoleFormView({}, language, translator(language)))


@router.post("/employer", response_class=HTMLResponse)
async def employer_results(request: Request) -> HTMLResponse:
    """The routes for the role described, from the same JSON as `POST /api/role`."""
    answers, _ = await form_answers(request)
    language = page_language(request, answers.get("_lang"))
    view = RoleFormView(answers, language, translator(language))
    day = _assessment_day(view)
    role = to_role(answers)
    try:
        parse_role(role)
    except ProfileError as error:
        view.add_problems(error)
    if view.errors or day is None:
        return employer_page(request, view, 422)
    try:
        answer = await run_in_threadpool(assess_role_dict, role, day, language)
    except ParameterNotInForce as error:
        view.add("_on", str(error))
        return employer_page(request, view, 422)
    return employer_page(request, view, outcome=build_outcome(answer, view.t, language))


@router.get("/docs", response_class=HTMLResponse)
async def api_reference(request: Request) -> HTMLResponse:
    """The API reference, from the OpenAPI document (no third-party script)."""
    language = page_language(request)
    return page(request, "docs.html", language, openapi=request.app.openapi())
