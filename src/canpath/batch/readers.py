"""Inputs in chunks, with bounded memory: JSON Lines of profiles, CSV or Parquet in the flat layout.

The format follows the extension (.jsonl/.ndjson/.json, .csv, .parquet/.pq). Opening a source
checks the file and its header, so problems there stop the run before any output (exit 2).

A row is a line (JSON Lines, CSV; blank lines are not rows) or a Parquet row. CSV lines are
parsed by PyArrow a block at a time, numbers and dates typed and codes dictionary-encoded (a
block with a cell that does not parse is read again as text, so the cell gets its message); a
block with a line that does not parse (wrong number of values, a stray quote) is parsed again
line by line, so that line becomes an error row in its place and the others are read as usual.
Values must not contain line breaks. Parquet code columns are read dictionary-encoded too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from canpath.batch.cells import header_problems
from canpath.batch.chunk import Chunk
from canpath.batch.layout import by_name
from canpath.errors import Problem, ProfileError

FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
BYTES_PER_ROW = 160  # a first guess of a flat CSV row's size, to size blocks
CODED = pa.dictionary(pa.int32(), pa.string())
TYPED = {"number": pa.float64(), "date": pa.date32()}


def format_of(path: Path, role: str) -> str:
    """The format an extension names (raises ProfileError for others)."""
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        known = ", ".join(sorted(FORMATS))
        raise ProfileError(
            [
                Problem(
                    "",
                    f"unknown {role} format {path.suffix or '(no extension)'!r}; use one of {known}",
                )
            ],
            str(path),
        )
    return found


@dataclass
class Source:
    """An open input: its format, size, and how far reading has got (rows or bytes)."""

    path: Path
    format: str
    names: list[str]
    total_rows: int | None
    total_bytes: int
    done_bytes: int = 0

    def chunks(self, rows: int) -> Iterator[Chunk]:
        if self.format == "parquet":
            return self._parquet(rows)
        if self.format == "csv":
            return self._csv(rows)
        return self._jsonl(rows)

    def _parquet(self, rows: int) -> Iterator[Chunk]:
        start = 0
        parquet = pq.ParquetFile(self.path, read_dictionary=_coded(self.names))
        for batch in parquet.iter_batches(batch_size=rows):
            yield Chunk(start, batch.num_rows, table=pa.Table.from_batches([batch]))
            start += batch.num_rows

    def _jsonl(self, rows: int) -> Iterator[Chunk]:
        start = 0
        lines: list[str] = []
        with self.path.open("rb") as stream:
            for raw in stream:
                self.done_bytes += len(raw)
                if raw.strip():
                    lines.append(raw.decode("utf-8", errors="replace").removeprefix("\ufeff"))
                if len(lines) >= rows:
                    yield Chunk(start, len(lines), lines=lines)
                    start, lines = start + len(lines), []
        if lines:
            yield Chunk(start, len(lines), lines=lines)

    def _csv(self, rows: int) -> Iterator[Chunk]:
        start = 0
        with self.path.open("rb") as stream:
            self.done_bytes = len(stream.readline())
            while block := _block(stream, rows * BYTES_PER_ROW):
                self.done_bytes += len(block)
                body = block[:-1] if block.endswith(b"\n") else block
                if b"\n\n" in body or b"\n\r\n" in body or body[:1] in (b"\n", b"\r"):
                    body = b"\n".join(line for line in body.split(b"\n") if line.strip())
                if not body:
                    continue
                chunk = _parse_block(body, self.names, start)
                start += chunk.size
                yield chunk


def _coded(names: list[str]) -> list[str]:
    """Columns with few distinct values, read dictionary-encoded (they convert through them)."""
    known = by_name()
    return [
        name
        for name in names
        if name in known and known[name].kind in ("choice", "noc", "boolean", "integer")
    ]


def _block(stream: BinaryIO, size: int) -> bytes:
    block = stream.read(size)
    if block and not block.endswith(b"\n"):
        block += stream.readline()
    return block


def _types(names: list[str], typed: bool) -> dict[str, pa.DataType]:
    """Column types to parse CSV cells with: typed numbers and dates, or text (always safe)."""
    known = by_name()
    kinds = {name: known[name].kind for name in names if name in known}
    found: dict[str, pa.DataType] = {
        name: CODED if name in _coded(names) else pa.string() for name in names
    }
    if typed:
        found.update({name: TYPED[kind] for name, kind in kinds.items() if kind in TYPED})
    return found


def _parse_block(body: bytes, names: list[str], start: int) -> Chunk:
    """A block of lines: typed if every cell parses, else as text; line by line if a line is bad."""
    lines = body.count(b"\n") + 1
    for typed in (True, False):
        invalid = 0

        def skip(row: object) -> str:
            nonlocal invalid
            invalid += 1
            return "skip"

        try:
            table = pacsv.read_csv(
                io.BytesIO(body + b"\n"),
                read_options=pacsv.ReadOptions(column_names=names),
                parse_options=pacsv.ParseOptions(invalid_row_handler=skip),
                convert_options=pacsv.ConvertOptions(
                    column_types=_types(names, typed), null_values=[""], strings_can_be_null=True
                ),
            )
        except (pa.ArrowInvalid, UnicodeDecodeError):
            continue  # a cell that is not a number or date: read the block as text
        if invalid == 0 and table.num_rows == lines:
            return Chunk(start, lines, table=table)
        break
    return _parse_lines([line for line in body.split(b"\n") if line.strip()], names, start)


def _parse_lines(lines: list[bytes], names: list[str], start: int) -> Chunk:
    """A block parsed line by line: each line that does not parse becomes an error row."""
    columns: list[list[str | None]] = [[] for _ in names]
    positions: list[int] = []
    broken: dict[int, tuple[str, str | None]] = {}
    id_index = names.index("id") if "id" in names else None
    for position, raw in enumerate(lines):
        text = raw.decode("utf-8", errors="replace").rstrip("\r")
        try:
            values = next(csv.reader([text], strict=True))
            problem = (
                ""
                if len(values) == len(names)
                else f"the line has {len(values)} values for {len(names)} columns"
            )
        except (csv.Error, StopIteration) as error:
            values, problem = [], f"the line is not valid CSV ({error})"
        if problem:
            found_id = (
                values[id_index].strip() if id_index is not None and id_index < len(values) else ""
            )
            broken[position] = (problem, found_id or None)
            continue
        positions.append(position)
        for column, value in zip(columns, values, strict=True):
            column.append(value if value != "" else None)
    table = pa.table(
        {
            name: pa.array(column, type=pa.string())
            for name, column in zip(names, columns, strict=True)
        }
    )
    return Chunk(
        start,
        len(lines),
        table=table,
        positions=np.asarray(positions, dtype=np.intp),
        broken=broken,
    )


def open_source(path: Path) -> Source:
    """Open an input file and check its header (raises ProfileError, naming the file)."""
    kind = format_of(path, "input")
    if not path.is_file():
        raise ProfileError(
            [Problem("", "the file is a folder" if path.is_dir() else "the file does not exist")],
            str(path),
        )
    size = path.stat().st_size
    names: list[str] = []
    rows = None
    if kind == "parquet":
        try:
            parquet = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as error:
            raise ProfileError(
                [Problem("", f"not a readable Parquet file: {error}")], str(path)
            ) from None
        names, rows = parquet.schema_arrow.names, parquet.metadata.num_rows
    elif kind == "csv":
        with path.open("rb") as stream:
            first = stream.readline().decode("utf-8", errors="replace").removeprefix("\ufeff")
        try:
            names = (
                [name.strip() for name in next(csv.reader([first.rstrip("\r\n")], strict=True))]
                if first.strip()
                else []
            )
        except csv.Error as error:
            raise ProfileError(
                [Problem("", f"the header is not valid CSV: {error}")], str(path)
            ) from None
        if not names:
            raise ProfileError(
                [Problem("", "the file is empty: the first line must name the columns")], str(path)
            )
    if kind != "jsonl":
        problems = header_problems(names)
        if problems:
            raise ProfileError(problems, str(path))
    return Source(path, kind, names, rows, size)
