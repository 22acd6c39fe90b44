"""NOC 2021 search by job title for the questionnaire, over `canpath.reference.noc.search`."""

from __future__ import annotations

import re
from typing import Any

from canpath.reference import noc

__all__ = ["search"]


def search(query: str, language: str, limit: int) -> list[dict[str, Any]]:
    """Matches in the page's language first, then in the other; one entry per unit group.

    When no title has every word ("Senior software engineer"), each query with one word left
    out is tried, so a seniority or a qualifier does not hide the occupation.
    """
    words = [word for word in re.split(r"\s+", query.strip()) if word]
    attempts = [" ".join(words)]
    if len(words) > 1:
        attempts += [" ".join(words[:index] + words[index + 1 :]) for index in range(len(words))]
    found: dict[str, dict[str, Any]] = {}
    for attempt in attempts:
        for wanted in (language, None):
            for code, title, group_title in noc.search(attempt, limit=limit, language=wanted):
                if code not in found and len(found) < limit:
                    found[code] = {
                        "code": code,
                        "title": title,
                        "unit_group": group_title,
                        "teer": noc.teer_of(code),
                    }
        if found:
            break
    return list(found.values())
