"""Print how fast batch scoring is (issue 7): CRS from columns, Parquet end to end, batch vs single.

    .venv/bin/python benchmarks/batch_throughput.py [--rows 10000000] [--crs-rows 2000000]
        [--single 2000] [--without-category-hours] [--folder DIR]

(a) CRS throughput from in-memory columns: synthetic people's flat rows become `Facts` columns
    (outside the timing), then `crs_parts` runs the rule functions over slices on every core.
(b) End to end: a synthetic Parquet file of `--rows` people (written first, not timed) is scored
    by `canpath batch IN.parquet -o OUT.parquet` in a child process: wall time, and the child's
    peak memory (max RSS from getrusage). The input has every flat-layout column;
    `--without-category-hours` leaves out the `category_hours_*` ones (then the category
    programs have no verdict).
(c) Batch vs single: the single-profile API (`canpath.api.assess`, and `canpath.api.crs`) on a
    sample of the same synthetic people, one at a time, against the batch rates above; and the
    batch of the same sample as contract profiles (JSON Lines), which derives like the single path.
Targets: (a) 5 million profiles/s or more; (b) under 20 s and under 4 GB for 10 million rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ON = date(2026, 6, 1)


def write_input(path: Path, rows: int, with_categories: bool) -> None:
    import pyarrow.parquet as pq

    from canpath.batch.synth import BLOCK, people
    from canpath.batch.synth_profiles import flat_table

    writer = None
    for start in range(0, rows, 4 * BLOCK):
        table = flat_table(people(start, min(4 * BLOCK, rows - start), 0, ON))
        if not with_categories:
            table = table.select(
                [n for n in table.column_names if not n.startswith("category_hours")]
            )
        writer = writer or pq.ParquetWriter(path, table.schema, compression="snappy")
        writer.write_table(table)
    if writer is not None:
        writer.close()


def crs_throughput(rows: int) -> tuple[float, int]:
    from canpath.batch.convert import convert
    from canpath.batch.flat_facts import flat_facts
    from canpath.batch.scoring import crs_parts, snapshot_for
    from canpath.batch.synth import people
    from canpath.batch.synth_profiles import flat_table
    from canpath.batch.table_facts import facts_of

    snapshot = snapshot_for(ON)
    table = flat_table(people(0, rows, 0, ON))
    facts = facts_of(flat_facts(convert(table), ON, snapshot), ON, snapshot)
    threads = os.cpu_count() or 1
    crs_parts(facts, threads=threads)  # warm: lookups built, code paths loaded
    best = min(_timed(lambda: crs_parts(facts, threads=threads)) for _ in range(5))
    return rows / best, threads


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def end_to_end(source: Path, output: Path) -> tuple[float, float, str]:
    command = [sys.executable, "-m", "canpath.cli", "batch", str(source), "-o", str(output),
               "--on", ON.isoformat(), "--no-progress"]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_gib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2  # KiB on Linux
    return seconds, peak_gib, done.stderr.splitlines()[0]


def single_and_sample(count: int, folder: Path) -> dict[str, float]:
    from canpath.api import assess, crs
    from canpath.batch.chunk import Chunk, score_chunk
    from canpath.batch.scoring import Settings
    from canpath.batch.synth import people
    from canpath.batch.synth_profiles import profile_of
    from canpath.profile import parse_profile

    columns = people(0, count, 0, ON)
    raw = [profile_of(columns, row) for row in range(count)]
    profiles = [parse_profile(item) for item in raw]
    assess(profiles[0], ON)
    rates = {
        "assess": count / _timed(lambda: [assess(p, ON) for p in profiles]),
        "crs": count / _timed(lambda: [crs(p, ON) for p in profiles]),
    }
    lines = [json.dumps(item) for item in raw]
    settings = Settings(ON)
    score_chunk(Chunk(0, 10, lines=lines[:10]), settings)
    rates["jsonl_batch"] = count / _timed(
        lambda: score_chunk(Chunk(0, count, lines=lines), settings)
    )
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="rows for the end-to-end run")
    parser.add_argument(
        "--crs-rows", type=int, default=2_000_000, help="rows held in memory for (a)"
    )
    parser.add_argument(
        "--single", type=int, default=2_000, help="profiles scored one at a time for (c)"
    )
    parser.add_argument("--without-category-hours", action="store_true")
    parser.add_argument(
        "--folder", type=Path, default=None, help="where to write the files (default: a temp dir)"
    )
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; assessment date {ON}")

    rate, threads = crs_throughput(options.crs_rows)
    print(
        f"(a) CRS from in-memory columns: {rate:,.0f} profiles/s ({options.crs_rows:,} rows, {threads} threads)"
    )

    with tempfile.TemporaryDirectory(dir=options.folder) as folder:
        source, output = Path(folder) / "people.parquet", Path(folder) / "results.parquet"
        started = time.perf_counter()
        write_input(source, options.rows, not options.without_category_hours)
        size = source.stat().st_size / 1024**2
        print(
            f"    input: {options.rows:,} synthetic rows, {size:,.0f} MiB Parquet, written in {time.perf_counter() - started:.1f} s (not timed)"
        )
        seconds, peak, summary = end_to_end(source, output)
        print(f"(b) end to end, Parquet in -> Parquet out: {seconds:.2f} s, peak memory {peak:.2f} GiB "
              f"({options.rows / seconds:,.0f} rows/s)")  # fmt: skip
        print(f"    canpath batch says: {summary}")

    rates = single_and_sample(options.single, Path(folder))
    batch_rate = options.rows / seconds
    print(
        f"(c) single-profile API, one at a time ({options.single:,} profiles): assess {rates['assess']:,.0f}/s, crs {rates['crs']:,.0f}/s"
    )
    print(f"    batch end to end (b) / single assess: {batch_rate / rates['assess']:,.0f}x")
    print(f"    batch CRS from columns (a) / single crs: {rate / rates['crs']:,.0f}x")
    print(f"    batch of the same profiles as JSON Lines (derived as the single path does): "
          f"{rates['jsonl_batch']:,.0f}/s, {rates['jsonl_batch'] / rates['assess']:.1f}x single assess")  # fmt: skip


if __name__ == "__main__":
    main()
