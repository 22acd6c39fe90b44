"""Run a batch: read chunks, score them on an engine, write the results in input order.

The in-process engine scores chunks on a pool of threads (NumPy, Polars and PyArrow release the
GIL for the heavy work); the Dask engine (`canpath.batch.dask_engine`) submits the same
`score_chunk` to a cluster. Either way at most a few chunks are in flight, so memory stays
bounded however large the input, and results are written in the order the rows came in.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc

from canpath.batch.chunk import Chunk, Notes, score_chunk
from canpath.batch.progress import Progress, Summary
from canpath.batch.readers import open_source
from canpath.batch.scoring import Settings, output_schema, program_ids, snapshot_for
from canpath.batch.writers import Writer

# Rows per chunk: flat rows are cheap (columns), profiles dear (derived one by one).
CHUNK_ROWS = {"parquet": 262_144, "csv": 131_072, "jsonl": 1_000}
SHOWN_ERRORS = 5


class Pending(Protocol):
    def result(self) -> Any: ...


Submit = Callable[[Chunk], Pending]


@contextmanager
def threads(settings: Settings, workers: int | None = None) -> Iterator[tuple[Submit, int]]:
    """The in-process engine: a thread pool (one thread per core by default)."""
    count = workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="canpath-batch") as pool:

        def submit(chunk: Chunk) -> Future[tuple[pa.Table, Notes]]:
            return pool.submit(score_chunk, chunk, settings)

        yield submit, count + 1


def in_order(
    chunks: Iterator[Chunk], submit: Submit, depth: int
) -> Iterator[tuple[Chunk, pa.Table, Notes]]:
    """Results chunk by chunk, in input order, with at most `depth` chunks in flight."""
    pending: deque[tuple[Chunk, Pending]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        while len(pending) >= depth:
            done, future = pending.popleft()
            yield done, *future.result()
    while pending:
        done, future = pending.popleft()
        yield done, *future.result()


def run(
    input_path: Path,
    output_path: Path,
    settings: Settings,
    engine: Callable[[Settings], AbstractContextManager[tuple[Submit, int]]] | None = None,
    chunk_rows: int | None = None,
    progress: bool = True,
) -> Summary:
    """Score every row of `input_path` into `output_path`; problems with the files raise first."""
    started = time.perf_counter()
    source = open_source(input_path)
    programs = program_ids(settings.programs)
    snapshot_for(settings.on)
    summary = Summary(output_path)
    rows = chunk_rows or CHUNK_ROWS[source.format]
    with (
        Writer(output_path, output_schema(programs)) as writer,
        (engine or threads)(settings) as (submit, depth),
        Progress(source, progress) as bar,
    ):
        for chunk, table, notes in in_order(source.chunks(rows), submit, depth):
            if table.num_rows != chunk.size:
                raise RuntimeError(
                    f"chunk at row {chunk.start + 1}: {chunk.size} rows in, {table.num_rows} out"
                )
            writer.write(table)
            _count(summary, table)
            summary.add_notes(notes)
            bar.advance(chunk.size)
    summary.seconds = time.perf_counter() - started
    return summary


def _count(summary: Summary, table: pa.Table) -> None:
    summary.rows += table.num_rows
    failed = pc.not_equal(table.column("error"), "")
    errors = int(pc.sum(failed).as_py() or 0)
    if errors and len(summary.first_errors) < SHOWN_ERRORS:
        shown = table.filter(failed).slice(0, SHOWN_ERRORS - len(summary.first_errors))
        summary.first_errors += list(
            zip(shown.column("id").to_pylist(), shown.column("error").to_pylist(), strict=True)
        )
    summary.errors += errors
