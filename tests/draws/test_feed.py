"""The IRCC rounds feed: the shipped file, malformed feeds, distributions and backfill."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from canpath.draws._text import parse_count, parse_long_date, parse_tie_break
from canpath.draws.feed import (
    LEAF_RANGES,
    backfill_distributions,
    is_consistent_distribution,
    parse_feed,
    parse_feed_bytes,
)
from canpath.draws.store import load_rounds
from canpath.errors import DataError

from .conftest import feed_entry

UTC = dt.UTC


@pytest.fixture(scope="module")
def shipped() -> dict[str, object]:
    rounds = load_rounds()
    return {"list": rounds, "by_number": {item.number: item for item in rounds}}


def test_shipped_feed_has_435_rounds_from_2015_to_2026(shipped: dict[str, object]) -> None:
    rounds = shipped["list"]
    assert isinstance(rounds, tuple)
    assert len(rounds) == 435
    assert (rounds[0].number, rounds[0].date) == ("1", dt.date(2015, 1, 31))
    assert (rounds[-1].number, rounds[-1].date) == ("434", dt.date(2026, 8, 7))
    assert [item.date for item in rounds] == sorted(item.date for item in rounds)


def test_round_91_is_split_in_two(shipped: dict[str, object]) -> None:
    by_number = shipped["by_number"]
    assert isinstance(by_number, dict)
    first, second = by_number["91a"], by_number["91b"]
    assert first.date == second.date == dt.date(2018, 5, 30)
    assert (first.category, first.size, first.crs_cutoff) == ("fst", 500, 288)
    assert (second.category, second.size, second.crs_cutoff) == ("pnp", 200, 902)
    numbers = [item.number for item in shipped["list"]]  # type: ignore[attr-defined]
    assert numbers.index("91a") + 1 == numbers.index("91b")


def test_thousands_separators_are_read(shipped: dict[str, object]) -> None:
    by_number = shipped["by_number"]
    assert isinstance(by_number, dict)
    assert (by_number["176"].size, by_number["176"].crs_cutoff) == (27_332, 75)  # "27,332"
    latest = by_number["434"]
    assert latest.distribution["501-600"] == 19_705  # "19,705"
    assert latest.distribution["total"] == 229_100  # "229,100"
    assert latest.distribution_as_of == dt.date(2026, 8, 3)
    assert latest.tie_break == dt.datetime(2025, 10, 11, 14, 55, 49, tzinfo=UTC)


def test_snapshot_backfills_223_224_227_but_not_the_broken_226(
    shipped: dict[str, object],
) -> None:
    by_number = shipped["by_number"]
    assert isinstance(by_number, dict)
    # Totals (dd18) of the April 2024 snapshot, read off the file.
    assert by_number["223"].distribution["total"] == 211_093
    assert by_number["224"].distribution["total"] == 215_316
    assert by_number["227"].distribution["total"] == 239_631
    assert by_number["227"].distribution["601-1200"] == 580
    # The snapshot's 226 is a half-updated copy of 225 whose ranges do not add up.
    assert by_number["226"].distribution is None
    # Every other round from 2022-01-19 on carries one; none before 2022.
    with_distribution = [item for item in shipped["list"] if item.distribution]  # type: ignore[attr-defined]
    assert len(with_distribution) == 217 + 3
    assert min(item.date for item in with_distribution) == dt.date(2022, 1, 19)


def test_main_feed_alone_has_those_distributions_zeroed(packaged_bytes: bytes) -> None:
    by_number = {item.number: item for item in parse_feed_bytes(packaged_bytes)}
    assert all(by_number[n].distribution is None for n in ("223", "224", "226", "227"))
    assert by_number["225"].distribution is not None


def test_backfill_only_uses_same_round_and_consistent_distribution() -> None:
    full = dict.fromkeys(("451-500", "401-450"), 0)
    full.update(dict.fromkeys(LEAF_RANGES, 10))
    full["total"] = 10 * len(LEAF_RANGES)
    assert is_consistent_distribution(full)
    assert not is_consistent_distribution({**full, "total": 0})
    assert not is_consistent_distribution({**full, "0-300": 11})
    current = parse_feed({"rounds": [feed_entry("5"), feed_entry("6", drawDate="2025-02-01")]})
    older = parse_feed({"rounds": [feed_entry("5"), feed_entry("6", drawDate="2025-02-02")]})
    older = tuple(replace(item, distribution=full) for item in older)
    filled = backfill_distributions(current, older)
    assert filled[0].distribution == full
    assert filled[1].distribution is None  # different date: not the same round


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"drawCRS": None}, ["round 12", "drawCRS"]),
        ({"drawDate": "2024-02-30"}, ["round 12", "drawDate"]),
        ({"drawDate": "May 3, 2024"}, ["round 12", "drawDate"]),
        ({"drawSize": "about 500"}, ["round 12", "drawSize"]),
        ({"drawSize": "-5"}, ["round 12", "drawSize"]),
        ({"drawCRS": "4 90"}, ["round 12", "drawCRS"]),
        ({"dd3": "n/a"}, ["round 12", "dd3"]),
        ({"dd18": None}, ["round 12", "dd18"]),
        ({"drawDistributionAsOn": "someday"}, ["round 12", "drawDistributionAsOn"]),
        ({"drawNumber": "12-b"}, ["round 12-b", "drawNumber"]),
        ({"drawName": ""}, ["round 12", "drawName"]),
    ],
)
def test_malformed_round_names_round_and_field(
    change: dict[str, str | None], expected: list[str]
) -> None:
    entry: dict[str, str] = feed_entry("12")
    for field, value in change.items():
        if value is None:
            del entry[field]
        else:
            entry[field] = value
    with pytest.raises(DataError) as caught:
        parse_feed({"rounds": [feed_entry("11"), entry]}, "test.json")
    message = str(caught.value)
    assert message.startswith("test.json: ")
    for part in expected:
        assert part in message


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"classes": "wb-tables", "rounds": []}, "zero rounds"),
        ({"classes": "wb-tables"}, "'rounds' list"),
        ([1, 2], "'rounds' list"),
        ({"rounds": [feed_entry("7"), feed_entry("7")]}, "round 7: the round number appears twice"),
        ({"rounds": [feed_entry("1"), {"drawDate": "2025-01-01"}]}, "entry 2 (no drawNumber)"),
        ({"rounds": ["not an object"]}, "entry 1: is not an object"),
        ({"rounds": [feed_entry("3", drawCRS=500)]}, "round 3: values must be strings"),  # type: ignore[arg-type]
    ],
)
def test_malformed_feed_raises_data_error(document: object, expected: str) -> None:
    with pytest.raises(DataError, match=None) as caught:
        parse_feed(document, "feed")
    assert expected in str(caught.value)


def test_not_json_raises_data_error() -> None:
    with pytest.raises(DataError, match="not valid JSON"):
        parse_feed_bytes(b'{"rounds": [', "cut.json")
    with pytest.raises(DataError, match="not valid JSON"):
        parse_feed_bytes(b"\xff\xfe\x00garbage", "binary.json")


def test_feed_round_trip_of_one_entry() -> None:
    raw = json.dumps({"classes": "wb-tables", "rounds": [feed_entry("91a")]}).encode()
    (item,) = parse_feed_bytes(raw)
    assert (item.number, item.date, item.category, item.size, item.crs_cutoff) == (
        "91a",
        dt.date(2025, 1, 7),
        "cec",
        1350,
        542,
    )
    assert item.distribution is None  # all zeros means not published
    assert item.tie_break == dt.datetime(2024, 12, 20, 14, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "round_date", "expected"),
    [
        ("June 7, 2017 at 20:11:13 UTC", "2018-05-30", (2017, 6, 7, 20, 11, 13)),
        ("April 22, 2023 19:46:58 UTC", "2023-04-26", (2023, 4, 22, 19, 46, 58)),
        ("March 02. 2024 at 01:58:34 UTC", "2024-11-12", (2024, 3, 2, 1, 58, 34)),
        ("July 3rd 2026 at 21:35:13 UTC", "2026-08-05", (2026, 7, 3, 21, 35, 13)),
        ("May 19,2022 06:48:41 UTC", "2023-03-23", (2022, 5, 19, 6, 48, 41)),
        ("December 12, 2022, at 10:48:12 UTC", "2023-03-01", (2022, 12, 12, 10, 48, 12)),
        (" January 17, 2018 at 12:33:00 UTC", "2018-01-24", (2018, 1, 17, 12, 33, 0)),
        ("October 18, 2025 at  7:18:52 UTC", "2025-12-15", (2025, 10, 18, 7, 18, 52)),
        ("June 15, 2023 at 23:49:05", "2023-07-12", (2023, 6, 15, 23, 49, 5)),
        ("June 22, 2021 at 20:19:59 PM UTC", "2021-11-24", (2021, 6, 22, 20, 19, 59)),
        ("March 1, 2024 at 1:00:00 PM UTC", "2024-03-10", (2024, 3, 1, 13, 0, 0)),
        ("March 1, 2024 at 12:30:00 AM UTC", "2024-03-10", (2024, 3, 1, 0, 30, 0)),
        ("October 7 at 16:38:21 UTC", "2021-10-27", (2021, 10, 7, 16, 38, 21)),
        ("December 30 at 10:00:00 UTC", "2022-01-05", (2021, 12, 30, 10, 0, 0)),
    ],
)
def test_tie_break_spellings(text: str, round_date: str, expected: tuple[int, ...]) -> None:
    parsed = parse_tie_break(text, dt.date.fromisoformat(round_date))
    assert parsed == dt.datetime(*expected, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "soon", "Smarch 3, 2024 at 10:00:00 UTC", "February 30, 2024 at 10:00:00 UTC"],
)
def test_unreadable_tie_break_is_none(text: str) -> None:
    assert parse_tie_break(text, dt.date(2024, 5, 1)) is None


def test_counts_and_long_dates() -> None:
    assert parse_count("229,100") == 229_100
    assert parse_count(" 7 ") == 7
    for bad in ("", "1.5", "-3", "٣", "1e3"):
        with pytest.raises(ValueError, match="not a whole number"):
            parse_count(bad)
    assert parse_long_date("August 3, 2026") == dt.date(2026, 8, 3)
    assert parse_long_date("May 3 2026") == dt.date(2026, 5, 3)
    with pytest.raises(ValueError, match="not a date"):
        parse_long_date("August 3")
