"""The employer side, over `canpath.employer` (built separately; 501 until it exists)."""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

from pydantic import ValidationError

from canpath.i18n import Language
from canpath.web.problems import RequestProblem, location, not_built

__all__ = ["assess_role_dict"]


def assess_role_dict(data: dict[str, Any], on: date, language: Language) -> dict[str, Any]:
    """`assess_role(parse_role(data), on).to_dict(language)`; 422 naming fields for a bad role."""
    try:
        employer = importlib.import_module("canpath.employer")
    except ModuleNotFoundError as error:
        if error.name and "canpath.employer".startswith(error.name):
            raise not_built("employer assessment") from None
        raise
    if not (hasattr(employer, "parse_role") and hasattr(employer, "assess_role")):
        raise not_built("employer assessment")  # the package exists but is not finished
    try:
        role = employer.parse_role(data)
    except ValidationError as error:  # a parser that lets pydantic's error through
        detail = [
            {
                "loc": location("body", ".".join(str(part) for part in item["loc"])),
                "msg": item["msg"],
                "type": item["type"],
            }
            for item in error.errors()
        ]
        raise RequestProblem(422, detail) from None
    result: dict[str, Any] = employer.assess_role(role, on).to_dict(language)
    return result
