"""Which feed is in use, caching, and `update`: a broken download never replaces good data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canpath.draws import store
from canpath.draws.store import (
    active_feed,
    load_rounds,
    packaged_feed_path,
    update_feed,
    user_feed_path,
)
from canpath.errors import DataError

from .conftest import feed_entry


def newer_feed(
    packaged_bytes: bytes, tmp_path: Path, name: str = "newer.json", cutoff: int = 761
) -> Path:
    """The shipped feed plus a round 435 on 2026-08-20, as a file."""
    document = json.loads(packaged_bytes)
    document["rounds"].insert(
        0,
        feed_entry(
            "435",
            drawDate="2026-08-20",
            drawName="Provincial Nominee Program",
            drawCRS=str(cutoff),
            drawSize="512",
        ),
    )
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_user_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CANPATH_DATA_DIR", str(tmp_path / "a"))
    assert user_feed_path() == tmp_path / "a" / "ee_rounds_123_en.json"
    monkeypatch.delenv("CANPATH_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_feed_path() == tmp_path / "xdg" / "canpath" / "ee_rounds_123_en.json"


def test_packaged_feed_is_used_without_a_user_copy() -> None:
    feed = active_feed()
    assert not feed.is_user_copy
    assert feed.path == packaged_feed_path()
    assert load_rounds() is load_rounds()  # cached: the same tuple, not re-read


def test_update_from_file_then_loader_prefers_it(packaged_bytes: bytes, tmp_path: Path) -> None:
    report = update_feed(str(newer_feed(packaged_bytes, tmp_path)))
    assert (report.rounds_before, report.rounds_after) == (435, 436)
    assert (report.newest.number, report.newest.crs_cutoff) == ("435", 761)
    assert report.path == user_feed_path()
    assert user_feed_path().exists()
    feed = active_feed()
    assert feed.is_user_copy
    assert len(feed.rounds) == 436
    # The backfill applies to the user copy too.
    assert {r.number: r for r in feed.rounds}["223"].distribution is not None


def test_update_from_file_url(packaged_bytes: bytes, tmp_path: Path) -> None:
    source = newer_feed(packaged_bytes, tmp_path)
    report = update_feed(source.as_uri())
    assert report.rounds_after == 436


@pytest.mark.parametrize(
    "broken",
    [
        b'{"classes": "wb-tables", "rounds": [{"drawNumber": "435"',  # download cut short
        b"<!DOCTYPE html><html>Service unavailable</html>",
        b'{"classes": "wb-tables", "rounds": []}',
        json.dumps({"rounds": [feed_entry("500", drawSize="lots")]}).encode(),
    ],
)
def test_broken_update_leaves_the_previous_copy_untouched(
    packaged_bytes: bytes, tmp_path: Path, broken: bytes
) -> None:
    update_feed(str(newer_feed(packaged_bytes, tmp_path)))
    good = user_feed_path().read_bytes()
    source = tmp_path / "broken.json"
    source.write_bytes(broken)
    with pytest.raises(DataError, match=str(source)):
        update_feed(str(source), allow_fewer=True)
    assert user_feed_path().read_bytes() == good
    assert sorted(p.name for p in user_feed_path().parent.iterdir()) == [user_feed_path().name]
    assert len(load_rounds()) == 436


def test_validation_failure_after_writing_removes_the_temporary_file(
    packaged_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    update_feed(str(newer_feed(packaged_bytes, tmp_path)))
    good = user_feed_path().read_bytes()
    real_parse = store.parse_feed_bytes
    read_back: list[str] = []

    def fail_on_read_back(raw: bytes, source: str = "") -> object:
        if Path(source).name.startswith(".rounds-"):  # the temporary file beside the target
            read_back.append(source)
            raise DataError("disk returned garbage")
        return real_parse(raw, source)

    monkeypatch.setattr(store, "parse_feed_bytes", fail_on_read_back)
    with pytest.raises(DataError, match="garbage"):
        update_feed(str(newer_feed(packaged_bytes, tmp_path, "again.json", cutoff=700)))
    assert len(read_back) == 1
    assert user_feed_path().read_bytes() == good
    assert [p.name for p in user_feed_path().parent.iterdir()] == [user_feed_path().name]


def test_feed_with_fewer_rounds_is_refused_unless_allowed(tmp_path: Path) -> None:
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"rounds": [feed_entry("1")]}))
    with pytest.raises(DataError, match="fewer than the 435"):
        update_feed(str(small))
    assert not user_feed_path().exists()
    report = update_feed(str(small), allow_fewer=True)
    assert report.rounds_after == 1
    # The user copy is valid but older than the packaged feed: the packaged feed stays in use.
    feed = active_feed()
    assert not feed.is_user_copy
    assert len(feed.rounds) == 435
    assert feed.note is not None
    assert "not newer" in feed.note


def test_corrupt_user_copy_falls_back_to_the_packaged_feed() -> None:
    user_feed_path().parent.mkdir(parents=True)
    user_feed_path().write_text("{ not json")
    feed = active_feed()
    assert not feed.is_user_copy
    assert len(feed.rounds) == 435
    assert feed.note is not None
    assert "not valid" in feed.note


def test_missing_source_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read the file"):
        update_feed(str(tmp_path / "nowhere.json"))


def test_unreachable_url_is_a_data_error() -> None:
    with pytest.raises(DataError, match="download failed"):
        update_feed("http://127.0.0.1:9/ee_rounds_123_en.json", timeout_seconds=2)
