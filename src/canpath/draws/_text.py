"""Readers for the loosely formatted text values of the IRCC rounds feed (numbers, dates, times).

IRCC types some of these fields by hand, and the published feed has many spellings of the
same timestamp: "June 7, 2017 at 20:11:13 UTC", "April 22, 2023 19:46:58 UTC",
"March 02. 2024 at 01:58:34 UTC", "July 3rd 2026 at 21:35:13 UTC",
"October 7 at 16:38:21 UTC" (no year), "June 22, 2021 at 20:19:59 PM UTC".
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}

_DAY = r"(?P<month>[A-Za-z]+)\.?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*[.,]?\s*(?P<year>\d{4})?"
_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2})\s*(?P<half>AM|PM)?"
_DATE_ONLY = re.compile(rf"^\s*{_DAY}\s*$", re.IGNORECASE)
_DATE_TIME = re.compile(rf"^\s*{_DAY}\s*,?\s*(?:at\s*)?{_TIME}\s*(?:UTC)?\s*$", re.IGNORECASE)


def parse_count(text: str) -> int:
    """A whole number written with optional thousands separators ("4,500"); ValueError otherwise."""
    cleaned = text.replace(",", "").replace("\u00a0", "").strip()
    if not cleaned.isdigit() or not cleaned.isascii():
        raise ValueError(f"{text!r} is not a whole number")
    return int(cleaned)


def _month_number(name: str) -> int:
    number = _MONTHS.get(name.lower())
    if number is None:
        raise ValueError(f"{name!r} is not a month name")
    return number


def parse_long_date(text: str) -> dt.date:
    """A date written "August 3, 2026" (month name, day, year); ValueError otherwise."""
    match = _DATE_ONLY.match(text)
    if match is None or match["year"] is None:
        raise ValueError(f"{text!r} is not a date like 'August 3, 2026'")
    return dt.date(int(match["year"]), _month_number(match["month"]), int(match["day"]))


def parse_tie_break(text: str, round_date: dt.date) -> dt.datetime | None:
    """The UTC timestamp of a round's tie-breaking rule, or None when it is blank or unreadable.

    Interpretation: when the year is missing, it is the latest year that puts the timestamp
    on or before the round date (the tie-break always precedes the round). "AM"/"PM" is
    applied only to 12-hour times; IRCC sometimes writes it after a 24-hour time.
    """
    match = _DATE_TIME.match(text)
    if match is None:
        return None
    try:
        month = _month_number(match["month"])
        day, hour = int(match["day"]), int(match["hour"])
        half = (match["half"] or "").upper()
        if half == "PM" and hour < 12:
            hour += 12
        elif half == "AM" and hour == 12:
            hour = 0
        year = int(match["year"]) if match["year"] else round_date.year
        stamp = dt.datetime(
            year, month, day, hour, int(match["minute"]), int(match["second"]), tzinfo=dt.UTC
        )
        if not match["year"] and stamp.date() > round_date:
            stamp = stamp.replace(year=year - 1)
    except ValueError:
        return None
    return stamp
