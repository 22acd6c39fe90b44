"""Shared fixtures for the rounds tests: an isolated user data directory and round builders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from canpath.draws.feed import DISTRIBUTION_FIELDS, Round
from canpath.draws.store import packaged_feed_path


@pytest.fixture(autouse=True)
def user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user data directory, so a real ~/.local copy never leaks in."""
    directory = tmp_path / "user-data"
    monkeypatch.setenv("CANPATH_DATA_DIR", str(directory))
    return directory


@pytest.fixture
def packaged_bytes() -> bytes:
    """The shipped feed, byte for byte."""
    return packaged_feed_path().read_bytes()


def make_round(
    number: str, on: str, category: str, cutoff: int, size: int = 1000, **extra: object
) -> Round:
    """A hand-made round (the name is the category id)."""
    return Round(
        number=number,
        date=dt.date.fromisoformat(on),
        name=category,
        category=category,
        size=size,
        crs_cutoff=cutoff,
        **extra,  # type: ignore[arg-type]
    )


def feed_entry(number: str = "1", **overrides: str) -> dict[str, str]:
    """One round in the IRCC feed format, all values strings, with a zero distribution."""
    entry = {
        "drawNumber": number,
        "drawDate": "2025-01-07",
        "drawName": "Canadian Experience Class",
        "drawSize": "1,350",
        "drawCRS": "542",
        "drawCutOff": "December 20, 2024 at 14:00:00 UTC",
        "drawDistributionAsOn": "January 5, 2025",
        "drawText2": "Canadian Experience Class",
    }
    entry.update(dict.fromkeys(DISTRIBUTION_FIELDS, "0"))
    entry.update(overrides)
    return entry
