"""Rounds of invitations: parse and validate the IRCC Express Entry rounds feed.

The feed (`ee_rounds_123_en.json`, see `reference/data/SOURCES_rounds.md`) is an object
`{"classes": ..., "rounds": [...]}`; every value is a string, counts carry thousands
separators ("4,500"), and one round number has a letter ("91a", "91b"). Each round becomes
a frozen `Round`. Anything that cannot be read raises `DataError` naming the source, the
round and the field. Rounds are returned oldest first (by date, then round number).

Which file is read (the packaged copy or a user's updated copy) is `store.py`'s business.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from canpath.draws._text import parse_count, parse_long_date, parse_tie_break
from canpath.draws.classify import classify
from canpath.errors import DataError

__all__ = [
    "DISTRIBUTION_FIELDS",
    "LEAF_RANGES",
    "Round",
    "backfill_distributions",
    "is_consistent_distribution",
    "parse_feed",
    "parse_feed_bytes",
]

# Feed field -> key in `Round.distribution` (CRS score range, both ends included).
# "451-500" and "401-450" are subtotals of the ten-point ranges listed under them.
DISTRIBUTION_FIELDS: dict[str, str] = {
    "dd1": "601-1200",
    "dd2": "501-600",
    "dd3": "451-500",
    "dd4": "491-500",
    "dd5": "481-490",
    "dd6": "471-480",
    "dd7": "461-470",
    "dd8": "451-460",
    "dd9": "401-450",
    "dd10": "441-450",
    "dd11": "431-440",
    "dd12": "421-430",
    "dd13": "411-420",
    "dd14": "401-410",
    "dd15": "351-400",
    "dd16": "301-350",
    "dd17": "0-300",
    "dd18": "total",
}

# The non-overlapping ranges, highest first; together they make up the whole pool.
LEAF_RANGES: tuple[str, ...] = tuple(
    key for key in DISTRIBUTION_FIELDS.values() if key not in {"451-500", "401-450", "total"}
)

_REQUIRED = ("drawNumber", "drawDate", "drawName", "drawSize", "drawCRS")
_NUMBER = re.compile(r"^(\d+)([a-z]?)$")


@dataclass(frozen=True)
class Round:
    """One round of invitations as IRCC published it (category derived from its name)."""

    number: str
    date: dt.date
    name: str
    category: str
    size: int
    crs_cutoff: int
    tie_break: dt.datetime | None = None
    distribution_as_of: dt.date | None = None
    distribution: dict[str, int] | None = None
    programs: str = ""

    def __hash__(self) -> int:
        return hash((self.number, self.date, self.crs_cutoff))

    @property
    def sort_key(self) -> tuple[dt.date, int, str]:
        """The chronological order of rounds: date, then number ("91a" before "91b")."""
        match = _NUMBER.match(self.number)
        digits, letter = (int(match[1]), match[2]) if match else (0, self.number)
        return (self.date, digits, letter)


def _problem(source: str, where: str, message: str) -> DataError:
    return DataError(
        f"{source}: {where}: {message}. Check the file, or run `canpath draws update`."
    )


def _parse_distribution(
    entry: Mapping[str, object], source: str, where: str
) -> dict[str, int] | None:
    present = [field for field in DISTRIBUTION_FIELDS if field in entry]
    if not present:
        return None
    missing = [field for field in DISTRIBUTION_FIELDS if field not in entry]
    if missing:
        raise _problem(source, where, f"missing field(s) {', '.join(missing)}")
    values: dict[str, int] = {}
    for field, key in DISTRIBUTION_FIELDS.items():
        text = entry[field]
        try:
            values[key] = parse_count(str(text)) if text != "" else 0
        except ValueError as error:
            raise _problem(source, where, f"field {field}: {error}") from None
    return values if any(values.values()) else None


def _parse_round(entry: object, index: int, source: str) -> Round:
    if not isinstance(entry, Mapping):
        raise _problem(source, f"entry {index + 1}", "is not an object")
    raw_number = entry.get("drawNumber")
    where = f"round {raw_number}" if raw_number else f"entry {index + 1} (no drawNumber)"
    missing = [field for field in _REQUIRED if entry.get(field) in (None, "")]
    if missing:
        raise _problem(source, where, f"missing field(s) {', '.join(missing)}")
    if any(not isinstance(entry[field], str) for field in _REQUIRED):
        raise _problem(source, where, "values must be strings, as IRCC publishes them")
    number = str(raw_number).strip()
    if not _NUMBER.match(number):
        raise _problem(source, where, f"drawNumber {number!r} is not a round number like '91a'")
    try:
        day = dt.date.fromisoformat(str(entry["drawDate"]).strip())
    except ValueError:
        raise _problem(source, where, f"drawDate {entry['drawDate']!r} is not YYYY-MM-DD") from None
    counts: dict[str, int] = {}
    for field in ("drawSize", "drawCRS"):
        try:
            counts[field] = parse_count(str(entry[field]))
        except ValueError as error:
            raise _problem(source, where, f"field {field}: {error}") from None
    as_of_text = str(entry.get("drawDistributionAsOn") or "").strip()
    try:
        as_of = parse_long_date(as_of_text) if as_of_text else None
    except ValueError as error:
        raise _problem(source, where, f"field drawDistributionAsOn: {error}") from None
    name = str(entry["drawName"]).strip()
    return Round(
        number=number,
        date=day,
        name=name,
        category=classify(name),
        size=counts["drawSize"],
        crs_cutoff=counts["drawCRS"],
        tie_break=parse_tie_break(str(entry.get("drawCutOff") or ""), day),
        distribution_as_of=as_of,
        distribution=_parse_distribution(entry, source, where),
        programs=str(entry.get("drawText2") or "").strip(),
    )


def parse_feed(document: object, source: str = "rounds feed") -> tuple[Round, ...]:
    """The rounds of a decoded IRCC feed, oldest first; DataError on anything malformed."""
    if not isinstance(document, Mapping) or not isinstance(document.get("rounds"), list):
        raise _problem(source, "top level", "expected an object with a 'rounds' list")
    entries: list[object] = document["rounds"]
    if not entries:
        raise _problem(source, "rounds", "the feed has zero rounds")
    rounds = [_parse_round(entry, index, source) for index, entry in enumerate(entries)]
    seen: set[str] = set()
    for item in rounds:
        if item.number in seen:
            raise _problem(source, f"round {item.number}", "the round number appears twice")
        seen.add(item.number)
    return tuple(sorted(rounds, key=lambda item: item.sort_key))


def parse_feed_bytes(raw: bytes, source: str = "rounds feed") -> tuple[Round, ...]:
    """The rounds of an IRCC feed given as JSON bytes; DataError when it is not JSON."""
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _problem(source, "whole file", f"not valid JSON ({error})") from None
    return parse_feed(document, source)


def is_consistent_distribution(distribution: Mapping[str, int] | None) -> bool:
    """Whether a pool distribution has a positive total equal to the sum of its ranges."""
    if not distribution or distribution.get("total", 0) <= 0:
        return False
    return sum(distribution.get(key, 0) for key in LEAF_RANGES) == distribution["total"]


def backfill_distributions(rounds: Sequence[Round], snapshot: Sequence[Round]) -> tuple[Round, ...]:
    """The rounds with missing pool distributions filled from an older copy of the feed.

    Only a snapshot round with the same number and date, and whose distribution adds up
    (`is_consistent_distribution`), is used. The April 2024 snapshot fills rounds 223, 224
    and 227; its round 226 is a half-updated copy of round 225 (total 0) and is not used.
    """
    by_number = {item.number: item for item in snapshot}
    filled: list[Round] = []
    for item in rounds:
        older = by_number.get(item.number)
        if (
            item.distribution is None
            and older is not None
            and older.date == item.date
            and is_consistent_distribution(older.distribution)
        ):
            item = replace(
                item,
                distribution=older.distribution,
                distribution_as_of=older.distribution_as_of or item.distribution_as_of,
            )
        filled.append(item)
    return tuple(filled)
