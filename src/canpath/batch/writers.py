"""Outputs written chunk by chunk: Parquet, CSV or JSON Lines, chosen by the extension.

The file appears only when the run ends well: chunks go to a temporary file beside the output,
renamed at the end, so a failed run never leaves half a file under the name asked for.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from canpath.batch.readers import format_of
from canpath.errors import Problem, ProfileError


class Writer:
    """Write result tables of one schema to `path`; `close()` puts the file in place."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.format = format_of(path, "output")
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ProfileError([Problem("", f"the folder {folder} does not exist")], str(path))
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        self.temporary = Path(name)
        self.stream: BinaryIO = os.fdopen(handle, "wb")
        self.schema = schema
        self.parquet: pq.ParquetWriter | None = None
        self.csv: pacsv.CSVWriter | None = None
        if self.format == "parquet":
            self.parquet = pq.ParquetWriter(
                self.stream, schema, compression="zstd", compression_level=1
            )
        elif self.format == "csv":
            self.csv = pacsv.CSVWriter(
                self.stream, schema, write_options=pacsv.WriteOptions(quoting_style="needed")
            )

    def write(self, table: pa.Table) -> None:
        if self.parquet is not None:
            self.parquet.write_table(table)
        elif self.csv is not None:
            self.csv.write_table(table)
        else:
            import polars as pl

            frame = pl.from_arrow(table)
            assert isinstance(frame, pl.DataFrame)
            frame.write_ndjson(self.stream)

    def write_lines(self, lines: list[str]) -> None:
        """Append JSON lines as they are (for JSON Lines outputs of nested records)."""
        self.stream.write("".join(line + "\n" for line in lines).encode("utf-8"))

    def close(self) -> None:
        """Finish the file and move it to its name."""
        if self.parquet is not None:
            self.parquet.close()
        if self.csv is not None:
            self.csv.close()
        self.stream.close()
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.temporary, 0o666 & ~mask)  # mkstemp made it private; give it the usual mode
        os.replace(self.temporary, self.path)

    def abort(self) -> None:
        """Drop what was written."""
        try:
            self.stream.close()
        finally:
            self.temporary.unlink(missing_ok=True)

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> Any:
        if kind is None:
            self.close()
        else:
            self.abort()
        return None
