"""NOC 2021 unit groups: titles, TEER categories, hierarchy, and search by job title.

Data: Statistics Canada, NOC 2021 Version 1.0 (see data/SOURCES.md). The TEER category of a
five-digit code is its second digit; the table confirms every code exists.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class UnitGroup:
    """One NOC 2021 unit group."""

    code: str
    title: str
    teer: int
    major_group: str
    minor_group: str
    link: str


@functools.cache
def unit_groups() -> dict[str, UnitGroup]:
    raw = json.loads((DATA / "noc2021_unit_groups.json").read_text(encoding="utf-8"))
    return {
        item["noc_code"]: UnitGroup(
            code=item["noc_code"],
            title=item["title"],
            teer=int(item["teer"]["level"]),
            major_group=item["hierarchy"]["major_group"]["code"],
            minor_group=item["hierarchy"]["minor_group"]["code"],
            link=item["link"],
        )
        for item in raw["nocs"]
    }


def teer_of(code: str) -> int:
    """The TEER category of a NOC 2021 code (its second digit)."""
    return int(code[1])


def is_known(code: str) -> bool:
    return code in unit_groups()


def title_of(code: str) -> str:
    group = unit_groups().get(code)
    return group.title if group else f"NOC {code}"


def close_codes(code: str, limit: int = 3) -> list[str]:
    """Known codes sharing the longest prefix with `code` (same minor group first)."""
    for length in (4, 3, 2):
        found = [known for known in unit_groups() if known[:length] == code[:length]]
        if found:
            return found[:limit]
    return difflib.get_close_matches(code, list(unit_groups()), n=limit, cutoff=0.6)


def unknown_code_message(code: str) -> str:
    close = close_codes(code)
    hint = f"; close codes: {', '.join(f'{c} {title_of(c)}' for c in close)}" if close else ""
    return f"{code} is not a NOC 2021 unit group{hint}"


@functools.cache
def _example_titles() -> list[tuple[str, str, str]]:
    raw = json.loads((DATA / "noc2021_example_titles.json").read_text(encoding="utf-8"))
    rows: list[tuple[str, str, str]] = []
    for item in raw:
        for language, key in (("en", "occupations_EN"), ("fr", "occupations_FR")):
            for title in item.get(key) or []:
                rows.append((item["category_code"], language, title.strip()))
    return rows


def _folded(text: str) -> str:
    """Lower case without accents, so that "developpeur" finds "développeur"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.cache
def _search_candidates() -> list[tuple[str, str, str, str]]:
    """(code, language, title, folded title) for every unit group title and example title."""
    candidates = [(g.code, "en", g.title) for g in unit_groups().values()] + _example_titles()
    return [(code, lang, title, _folded(title)) for code, lang, title in candidates]


def search(query: str, limit: int = 10, language: str | None = None) -> list[tuple[str, str, str]]:
    """Unit groups whose title or example job titles match the words of `query`.

    Returns (code, matched title, unit group title), best first: exact title matches, then titles
    containing every word, ranked by how short (specific) the match is. Case and accents are
    ignored.
    """
    folded_query = _folded(query).strip()
    words = [w for w in re.split(r"\W+", folded_query) if w]
    if not words:
        return []
    if re.fullmatch(r"\d{5}", query.strip()) and is_known(query.strip()):
        code = query.strip()
        return [(code, title_of(code), title_of(code))]
    scored: dict[str, tuple[float, str]] = {}
    for code, lang, title, folded in _search_candidates():
        if language and lang != language:
            continue
        if not all(word in folded for word in words):
            continue
        score = (0.0 if folded == folded_query else 1.0) + len(folded) / 200
        if code not in scored or score < scored[code][0]:
            scored[code] = (score, title)
    best = sorted(scored.items(), key=lambda item: item[1][0])[:limit]
    return [(code, title, title_of(code)) for code, (_, title) in best]
