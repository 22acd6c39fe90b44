"""What a run shows: a progress bar on a terminal (rows, or bytes when the row count is unknown),
and a summary at the end: rows, errors, time, speed, and programs left without a verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from canpath.batch.readers import Source

LACKING = re.compile(r"column '([^']+)' .*is not in the input table")  # Facts' KeyError


@dataclass
class Summary:
    """The outcome of a run."""

    output: Path
    rows: int = 0
    errors: int = 0
    seconds: float = 0.0
    notes: dict[str, tuple[str, int]] = field(default_factory=dict)
    first_errors: list[tuple[str, str]] = field(default_factory=list)

    def add_notes(self, notes: dict[str, tuple[str, int]]) -> None:
        for program, (reason, rows) in notes.items():
            before = self.notes.get(program)
            self.notes[program] = (
                before[0] if before else reason,
                rows + (before[1] if before else 0),
            )

    def lines(self) -> list[str]:
        """The summary as lines of text."""
        speed = self.rows / self.seconds if self.seconds > 0 else 0.0
        found = [
            f"{self.rows:,} row{'' if self.rows == 1 else 's'}, {self.errors:,} with errors, {self.seconds:.2f} s "
            f"({speed:,.0f} rows/s) -> {self.output}"
        ]
        found += [f"  row {row_id}: {error}" for row_id, error in self.first_errors]
        if self.errors > len(self.first_errors):
            found.append(
                f"  ... and {self.errors - len(self.first_errors):,} more (see the error column)"
            )
        lacking = []
        for program, (reason, rows) in self.notes.items():
            column = LACKING.search(reason)
            if column:
                part = "" if rows >= self.rows - self.errors else f", {rows:,} rows"
                lacking.append(f"{program} ({column.group(1)}{part})")
            else:
                found.append(f"  no verdict from {program} for {rows:,} rows: {reason}")
        if lacking:
            found.append(f"  no verdict (the input lacks a column they read): {', '.join(lacking)}")
        return found


class Progress:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""

    def __init__(self, source: Source, enabled: bool = True) -> None:
        self.source = source
        self.bar: Any = None
        self.rows = 0
        if not enabled:
            return
        from rich.console import Console

        console = Console(stderr=True)
        if not console.is_terminal:
            return
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("[bold]scoring"), BarColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rows]} rows"), TimeElapsedColumn(), TimeRemainingColumn(),
            console=console, transient=True,
        )  # fmt: skip
        total = source.total_rows if source.total_rows is not None else source.total_bytes
        self.task = self.bar.add_task("batch", total=max(total, 1), rows="0")

    def advance(self, rows: int) -> None:
        self.rows += rows
        if self.bar is None:
            return
        done = self.rows if self.source.total_rows is not None else self.source.done_bytes
        self.bar.update(self.task, completed=done, rows=f"{self.rows:,}")

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.stop()
