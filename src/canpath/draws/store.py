"""Where the rounds feed lives: the packaged copy, a user's updated copy, and replacing it safely.

- The packaged feed (`canpath/reference/data/ee_rounds_123_en.json`) is read-only.
- `canpath draws update` stores a newer feed in the user data directory: `$CANPATH_DATA_DIR`
  when set, else `$XDG_DATA_HOME/canpath`, else `~/.local/share/canpath`.
- `load_rounds()` uses the user copy when it is valid and newer (a later newest round, or
  as new with more rounds); otherwise the packaged copy. Reads are cached per file version
  (path, modification time, size), so repeated calls are free and an update is seen at once.
- Missing pool distributions are filled from the packaged April 2024 snapshot.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from canpath.draws.feed import Round, backfill_distributions, parse_feed, parse_feed_bytes
from canpath.errors import DataError

__all__ = [
    "FEED_FILENAME",
    "OFFICIAL_FEED_URL",
    "ActiveFeed",
    "UpdateReport",
    "active_feed",
    "load_rounds",
    "packaged_feed_path",
    "update_feed",
    "user_feed_path",
]

OFFICIAL_FEED_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"
FEED_FILENAME = "ee_rounds_123_en.json"
SNAPSHOT_FILENAME = "ee_rounds_123_en_snapshot_2024-04.json"
_MAX_DOWNLOAD_BYTES = 50_000_000
_DATA = Path(__file__).resolve().parent.parent / "reference" / "data"


@dataclass(frozen=True)
class ActiveFeed:
    """The rounds in use, which file they came from, and why a user copy was not used."""

    rounds: tuple[Round, ...]
    path: Path
    is_user_copy: bool
    note: str | None = None


@dataclass(frozen=True)
class UpdateReport:
    """What `update_feed` did: round counts before and after, the newest round, the file written."""

    rounds_before: int
    rounds_after: int
    newest: Round
    path: Path
    source: str


def packaged_feed_path() -> Path:
    """The read-only feed shipped with canpath."""
    return _DATA / FEED_FILENAME


def user_data_dir() -> Path:
    """The directory holding a user's updated reference data."""
    explicit = os.environ.get("CANPATH_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "canpath"


def user_feed_path() -> Path:
    """The user's copy of the feed written by `canpath draws update` (it may not exist)."""
    return user_data_dir() / FEED_FILENAME


@functools.cache
def _snapshot_rounds(numbers: frozenset[str]) -> tuple[Round, ...]:
    """The rounds of the packaged 2024 snapshot whose numbers are asked for."""
    document = json.loads((_DATA / SNAPSHOT_FILENAME).read_text(encoding="utf-8"))
    wanted = [entry for entry in document["rounds"] if entry.get("drawNumber") in numbers]
    if not wanted:
        return ()
    return parse_feed({"rounds": wanted}, SNAPSHOT_FILENAME)


@functools.cache
def _read_version(path: Path, version: tuple[int, int, int]) -> tuple[Round, ...]:
    """The backfilled rounds of one version of a feed file.

    `version` (inode, modification time, size) is only part of the cache key: a file
    replaced by `update_feed` has a new inode, so it is read again.
    """
    del version
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"{path}: cannot read the rounds feed ({error.strerror}).") from None
    rounds = parse_feed_bytes(raw, str(path))
    missing = frozenset(item.number for item in rounds if item.distribution is None)
    return backfill_distributions(rounds, _snapshot_rounds(missing)) if missing else rounds


def read_rounds(path: Path) -> tuple[Round, ...]:
    """The validated, backfilled rounds of a feed file, oldest first (cached per file version)."""
    try:
        status = path.stat()
    except OSError as error:
        raise DataError(f"{path}: cannot read the rounds feed ({error.strerror}).") from None
    version = (status.st_ino, status.st_mtime_ns, status.st_size)
    return _read_version(path.resolve(), version)


def _freshness(rounds: tuple[Round, ...]) -> tuple[dt.date, int]:
    return (rounds[-1].date, len(rounds))


def active_feed() -> ActiveFeed:
    """The feed in use: the user copy when it is valid and newer than the packaged one."""
    packaged = read_rounds(packaged_feed_path())
    user_path = user_feed_path()
    if not user_path.exists():
        return ActiveFeed(packaged, packaged_feed_path(), is_user_copy=False)
    try:
        user = read_rounds(user_path)
    except DataError as error:
        note = f"ignored the updated copy, which is not valid: {error}"
        return ActiveFeed(packaged, packaged_feed_path(), is_user_copy=False, note=note)
    if _freshness(user) > _freshness(packaged):
        return ActiveFeed(user, user_path, is_user_copy=True)
    note = f"the updated copy at {user_path} is not newer than the packaged feed"
    return ActiveFeed(packaged, packaged_feed_path(), is_user_copy=False, note=note)


def load_rounds() -> tuple[Round, ...]:
    """All rounds of invitations in use, oldest first (see `active_feed`)."""
    return active_feed().rounds


def _fetch(source: str, timeout_seconds: float) -> bytes:
    """The bytes of a feed at a URL (http, https, file) or a local path."""
    if source.startswith(("http://", "https://", "file://")):
        import urllib.request  # imported here: it pulls in http and ssl, slow for a cold start

        request = urllib.request.Request(source, headers={"User-Agent": "canpath (draws update)"})
        try:
            with urllib.request.urlopen(request, timeout=timeout_seconds) as response:
                raw: bytes = response.read(_MAX_DOWNLOAD_BYTES + 1)
        except OSError as error:  # URLError, HTTPError and timeouts are all OSErrors
            raise DataError(f"{source}: download failed ({error}). Try again later.") from None
    else:
        try:
            raw = Path(source).expanduser().read_bytes()
        except OSError as error:
            raise DataError(f"{source}: cannot read the file ({error.strerror}).") from None
    if len(raw) > _MAX_DOWNLOAD_BYTES:
        raise DataError(f"{source}: larger than {_MAX_DOWNLOAD_BYTES} bytes; not a rounds feed.")
    return raw


def update_feed(
    source: str | None = None, *, timeout_seconds: float = 30.0, allow_fewer: bool = False
) -> UpdateReport:
    """Fetch a feed, validate it fully, and only then replace the user copy atomically.

    The new file is written to a temporary file beside the target, read back and validated,
    and moved into place with `os.replace`; on any failure the previous copy is untouched.
    A feed with fewer rounds than the one in use is refused unless `allow_fewer` is true.
    """
    origin = source or OFFICIAL_FEED_URL
    raw = _fetch(origin, timeout_seconds)
    incoming = parse_feed_bytes(raw, origin)
    before = load_rounds()
    if len(incoming) < len(before) and not allow_fewer:
        raise DataError(
            f"{origin}: has {len(incoming)} rounds, fewer than the {len(before)} in use; "
            "refusing to replace them (use --allow-fewer to accept it)."
        )
    target = user_feed_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary_name = tempfile.mkstemp(prefix=".rounds-", dir=target.parent)
    except OSError as error:
        raise DataError(f"{target.parent}: cannot write there ({error.strerror}).") from None
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        parse_feed_bytes(temporary.read_bytes(), str(temporary))
        os.replace(temporary, target)
    except OSError as error:
        raise DataError(f"{target}: cannot write the rounds feed ({error}).") from None
    finally:
        temporary.unlink(missing_ok=True)
    after = read_rounds(target)
    return UpdateReport(len(before), len(after), after[-1], target, origin)
