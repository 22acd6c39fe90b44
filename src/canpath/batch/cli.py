"""`canpath batch` and `canpath synth`: added to the top-level CLI by `register(app)`.

Only typer is imported at the top; the batch machinery (Polars, PyArrow, Dask) loads inside the
commands, so the command line starts fast. Bad input exits with code 2 and a message naming the
file and the problem; rows in error do not fail the run (they carry their error in the output).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

ENGINES = ("inprocess", "dask")


def _programs(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def batch(
    input_path: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            help="Profiles as JSON Lines (.jsonl), or the flat layout as .csv or .parquet (see docs/batch.md).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Results file: .parquet, .csv or .jsonl (one row per input row).",
            show_default=False,
        ),
    ],
    on: Annotated[
        str | None, typer.Option("--on", help="Assessment date, YYYY-MM-DD.", show_default="today")
    ] = None,
    programs: Annotated[
        list[str] | None,
        typer.Option(
            "--programs",
            "-p",
            help="Only these programs (ids or prefixes such as express_entry.category); repeatable or comma-separated.",
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            "--engine", help="inprocess (threads on this machine) or dask (a Dask cluster)."
        ),
    ] = "inprocess",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://host:8786); without it a local cluster is started.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Threads (inprocess) or local Dask workers.",
            show_default="one per core",
        ),
    ] = None,
    chunk_rows: Annotated[
        int | None,
        typer.Option(
            "--chunk-rows",
            min=1,
            help="Rows per chunk (memory in use grows with it).",
            show_default="by format",
        ),
    ] = None,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress/--no-progress", metavar="", help="Show a progress bar (only on a terminal)."
        ),
    ] = True,
) -> None:
    """Score many people at once: a CRS and each program's verdict per row, bad rows kept with their error."""
    from canpath.cli import fail, guarded, parse_on

    def run() -> None:
        from canpath.batch.engine import run as run_batch
        from canpath.batch.scoring import Settings

        if engine not in ENGINES:
            fail(f"--engine: {engine!r} is not one of {', '.join(ENGINES)}")
        if scheduler is not None and engine != "dask":
            fail("--scheduler needs --engine dask")
        settings = Settings(parse_on(on), _programs(programs))
        chosen = None
        if engine == "dask":
            from canpath.batch.dask_engine import dask_engine

            chosen = dask_engine(scheduler, workers)
        else:
            from canpath.batch.engine import threads

            chosen = lambda s: threads(s, workers)  # noqa: E731 - an engine is a factory of settings
        summary = run_batch(input_path, output, settings, chosen, chunk_rows, progress)
        sys.stderr.write("\n".join(summary.lines()) + "\n")

    guarded(run)


def synth(
    n: Annotated[
        int, typer.Option("--n", "-n", min=0, help="How many people.", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Profiles as .jsonl, or the flat layout as .csv or .parquet.",
            show_default=False,
        ),
    ],
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed: the same seed gives the same people.")
    ] = 0,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="The date the people are made for (ages, work, tests).",
            show_default="today",
        ),
    ] = None,
) -> None:
    """Generate realistic random people (seeded) for demos, tests and benchmarks."""
    from canpath.cli import guarded, parse_on

    def run() -> None:
        import time

        from canpath.batch.synth_profiles import write_synthetic

        started = time.perf_counter()
        write_synthetic(output, n, seed, parse_on(on))
        sys.stderr.write(
            f"{n:,} people (seed {seed}) in {time.perf_counter() - started:.2f} s -> {output}\n"
        )

    guarded(run)


def register(app: typer.Typer) -> None:
    """Add `batch` and `synth` to the top-level app."""
    app.command(name="batch")(batch)
    app.command(name="synth")(synth)
