"""Errors as HTTP answers: every bad input is a structured 422 naming the field, never a 500.

The body follows FastAPI's validation shape, so clients handle one format:

    {"detail": [{"loc": ["body", "education", 0, "level"], "msg": "...", "type": "value_error"}]}

`loc` starts with where the value came from (`body` or `query`), then the field path of the
problem as `ProfileError.problems` gives it (list positions as integers). Messages never echo
the submitted values back beyond what the domain message says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from canpath.errors import DataError, ParameterNotInForce, ProfileError, UnknownNameError
from canpath.i18n import Language

__all__ = [
    "RequestProblem",
    "detail_of",
    "install_handlers",
    "location",
    "not_built",
    "problem_response",
]

Detail = dict[str, Any]


class RequestProblem(Exception):
    """A request the API refuses, with its HTTP status and one detail entry per problem."""

    def __init__(self, status_code: int, detail: Sequence[Detail]) -> None:
        """A refusal with `status_code` and its `detail` entries."""
        super().__init__(status_code, detail)
        self.status_code = status_code
        self.detail = list(detail)

    @classmethod
    def one(cls, status_code: int, loc: Sequence[str | int], msg: str, kind: str) -> RequestProblem:
        """A problem with a single entry."""
        return cls(status_code, [{"loc": list(loc), "msg": msg, "type": kind}])


def not_built(part: str) -> RequestProblem:
    """501: a part of canpath this installation does not have yet."""
    return RequestProblem.one(
        501, [], f"the {part} is not part of this canpath version yet", "not_implemented"
    )


def location(where: str, path: str) -> list[str | int]:
    """`["body", "education", 0, "level"]` from `body` and a dotted path `education.0.level`."""
    parts: list[str | int] = [where]
    for part in path.split(".") if path else ():
        parts.append(int(part) if part.isdigit() else part)
    return parts


def detail_of(error: ProfileError, where: str = "body", language: Language = "en") -> list[Detail]:
    """One detail entry per problem of a profile (or role) error, in `language` where canpath
    has a translation of the problem."""
    return [
        {
            "loc": location(where, problem.location),
            "msg": problem.what(language),
            "type": "value_error",
        }
        for problem in error.problems
    ]


def request_language(request: Request) -> Language:
    """The `lang` query parameter when it names a language canpath speaks, else English."""
    return "fr" if request.query_params.get("lang") == "fr" else "en"


def problem_response(status_code: int, detail: Sequence[Detail]) -> JSONResponse:
    """The JSON answer for a refused request."""
    return JSONResponse({"detail": list(detail)}, status_code=status_code)


def not_in_force_detail(error: ParameterNotInForce) -> list[Detail]:
    """A date the rules do not cover, named as the `on` query parameter."""
    return [{"loc": ["query", "on"], "msg": str(error), "type": "date_not_in_force"}]


async def _validation(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    detail = [
        {"loc": list(item.get("loc", ())), "msg": item.get("msg", ""), "type": item.get("type", "")}
        for item in error.errors()
    ]
    return problem_response(422, detail)


async def _request_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestProblem)
    return problem_response(error.status_code, error.detail)


async def _profile(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProfileError)
    return problem_response(422, detail_of(error, language=request_language(request)))


async def _not_in_force(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ParameterNotInForce)
    return problem_response(422, not_in_force_detail(error))


async def _unknown_name(request: Request, error: Exception) -> JSONResponse:
    return problem_response(422, [{"loc": ["query"], "msg": str(error), "type": "unknown_name"}])


async def _data(request: Request, error: Exception) -> JSONResponse:
    return problem_response(503, [{"loc": [], "msg": str(error), "type": "data_unavailable"}])


def install_handlers(app: FastAPI) -> None:
    """Map canpath's errors (and FastAPI's own validation errors) to structured answers."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(RequestProblem, _request_problem)
    app.add_exception_handler(ProfileError, _profile)
    app.add_exception_handler(ParameterNotInForce, _not_in_force)
    app.add_exception_handler(UnknownNameError, _unknown_name)
    app.add_exception_handler(DataError, _data)
