"""Round types: map the `drawName` of an IRCC round of invitations to a stable category id.

IRCC names the same kind of round differently from one feed version to the next
("Healthcare occupations (2023-1)", "Healthcare occupations (Version 1)",
"Healthcare and Social Services Occupations, 2026-Version 3"). A name is normalised
(lower case, punctuation and hyphens to spaces, the trailing version label removed) and
then looked up in `NAME_TO_CATEGORY`, which is plain data: to teach canpath a new name,
add one line there. A name that is not in the table is classified `other`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CATEGORY_IDS",
    "CATEGORY_LABELS",
    "NAME_TO_CATEGORY",
    "OTHER",
    "classify",
    "normalise_name",
    "unknown_names",
]

OTHER = "other"

# Stable ids, in the order listings show them, with a short English label.
CATEGORY_LABELS: dict[str, str] = {
    "general": "General (no program specified)",
    "cec": "Canadian Experience Class",
    "fsw": "Federal Skilled Worker",
    "fst": "Federal Skilled Trades",
    "pnp": "Provincial Nominee Program",
    "stem": "STEM occupations",
    "french": "French-language proficiency",
    "healthcare": "Healthcare and social services occupations",
    "trades": "Trade occupations",
    "transport": "Transport occupations",
    "agriculture": "Agriculture and agri-food occupations",
    "education": "Education occupations",
    "physicians": "Physicians with Canadian work experience",
    "researchers": "Researchers",
    "senior_managers": "Senior managers with Canadian work experience",
    "military": "Skilled military recruits",
    OTHER: "Other (round type not recognised)",
}

CATEGORY_IDS: tuple[str, ...] = tuple(CATEGORY_LABELS)

# Normalised round name (see `normalise_name`) -> category id. Spelling variants across
# feed versions each get a line; names seen in the shipped feeds are all listed.
NAME_TO_CATEGORY: dict[str, str] = {
    "no program specified": "general",
    "general": "general",
    "canadian experience class": "cec",
    "federal skilled worker": "fsw",
    "federal skilled worker program": "fsw",
    "federal skilled trades": "fst",
    "federal skilled trades program": "fst",
    "provincial nominee program": "pnp",
    "stem occupations": "stem",
    "french language proficiency": "french",
    "healthcare occupations": "healthcare",
    "healthcare and social services occupations": "healthcare",
    "trade occupations": "trades",
    "trades occupations": "trades",
    "transport occupations": "transport",
    "agriculture and agri food occupations": "agriculture",
    "education occupations": "education",
    "physicians with canadian work experience": "physicians",
    "researchers": "researchers",
    "researchers with canadian work experience": "researchers",
    "senior managers with canadian work experience": "senior_managers",
    "skilled military recruits": "military",
}

# A trailing version label: "(Version 1)", "(2023-1)", ", 2026-Version 3", "2026-Version 2".
_VERSION_SUFFIX = re.compile(
    r"[\s,]*\(?\s*(?:\d{4}\s*-\s*)?(?:version\s*\d+|\d{4}\s*-\s*\d+)\s*\)?\s*$",
    re.IGNORECASE,
)
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise_name(name: str) -> str:
    """The lookup key of a round name: lower case, no version label, words separated by one space."""
    without_version = _VERSION_SUFFIX.sub("", name.strip())
    return _NOT_WORD.sub(" ", without_version.lower()).strip()


def classify(name: str) -> str:
    """The category id of a round name (`other` when the name is not recognised)."""
    return NAME_TO_CATEGORY.get(normalise_name(name), OTHER)


def unknown_names(names: Iterable[str]) -> list[str]:
    """The distinct round names, sorted, that `classify` does not recognise."""
    return sorted({name for name in names if classify(name) == OTHER})
