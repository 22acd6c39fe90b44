"""`canpath draws`: list rounds of invitations, see where a score stands, plot, update the feed.

This module holds the typer app only; the top-level CLI mounts it with
`app.add_typer(draws.cli.app, name="draws")`. It imports only typer at the top (the rest
inside the commands) to keep the command line's start-up fast. Bad input exits with code 2 and a one-line
message on stderr; data problems exit with code 1.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, NoReturn

import typer

__all__ = ["app"]

app = typer.Typer(
    help="Express Entry rounds of invitations: list, summarise, plot and update them.",
    add_completion=False,
)


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=code)


def _categories(values: list[str] | None) -> set[str] | None:
    """The category ids of repeated or comma-separated --category values (exit 2 if unknown)."""
    if not values:
        return None
    from canpath.draws.classify import CATEGORY_IDS

    chosen = {part.strip().lower() for value in values for part in value.split(",") if part.strip()}
    unknown = sorted(chosen - set(CATEGORY_IDS))
    if unknown:
        _fail(
            f"--category: unknown category {', '.join(map(repr, unknown))}; "
            f"use one of {', '.join(CATEGORY_IDS)}."
        )
    return chosen


def _date_option(option: str, text: str | None) -> dt.date | None:
    """The date of a YYYY-MM-DD option value (exit 2 when it is not one)."""
    if text is None:
        return None
    from canpath.timeutil import parse_date

    try:
        return parse_date(text)
    except ValueError as error:
        _fail(f"{option}: {error}.")


CategoryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--category", "-c", metavar="ID", help="Only these round types (repeat, or a comma list)."
    ),
]


@app.callback(invoke_without_command=True)
def rounds(
    context: typer.Context,
    category: CategoryOption = None,
    since: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only rounds on or after this date (YYYY-MM-DD)."),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Read the rounds as of this date (YYYY-MM-DD)."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            metavar="N", help="Show at most N rounds, newest first (table: 20, JSON: all)."
        ),
    ] = None,
    score: Annotated[
        int | None, typer.Option(metavar="CRS", help="Show where this CRS score stands.")
    ] = None,
    last: Annotated[
        int, typer.Option(metavar="N", help="Rounds per category used for the summaries.")
    ] = 10,
    as_json: Annotated[
        bool, typer.Option("--json", metavar="", help="Print JSON instead of tables.")
    ] = False,
    plot: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="Write a chart of all matching cut-offs to FILE.png or FILE.svg."
        ),
    ] = None,
) -> None:
    """List rounds of invitations (newest first), with per-category cut-off summaries."""
    if context.invoked_subcommand is not None:
        return
    chosen = _categories(category)
    since_date = _date_option("--since", since)
    on_date = _date_option("--on", on)
    if limit is not None and limit < 1:
        _fail("--limit: must be at least 1.")
    if last < 1:
        _fail("--last: must be at least 1.")
    if score is not None and not 0 <= score <= 1200:
        _fail("--score: a CRS score is between 0 and 1200.")
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        _fail(f"--plot: {plot} must end in .png or .svg.")

    from canpath.draws import render, stats, store
    from canpath.errors import DataError

    try:
        feed = store.active_feed()
    except DataError as error:
        _fail(str(error), code=1)
    history = stats.filter_rounds(feed.rounds, until=on_date)
    selected = stats.filter_rounds(history, categories=chosen, since=since_date)
    newest_first = sorted(selected, key=lambda item: item.sort_key, reverse=True)
    shown = newest_first[: limit or (len(newest_first) if as_json else 20)]
    summaries = stats.summarise_cutoffs(selected, last=last, on=on_date)
    position = (
        stats.score_position(score, selected, last=last, on=on_date) if score is not None else None
    )

    if plot is not None:
        from canpath.draws.plot import plot_cutoffs

        try:
            plot_cutoffs(selected, plot, score)
        except ImportError:
            _fail("--plot needs matplotlib: pip install 'canpath[plot]'.", code=1)
        except OSError as error:
            _fail(f"--plot: cannot write {plot} ({error}).")

    if as_json:
        data: dict[str, object] = {
            "rounds": [render.round_to_dict(item) for item in shown],
            "summary": render.jsonable(summaries),
            "source": {
                "path": str(feed.path),
                "is_user_copy": feed.is_user_copy,
                "newest_round": feed.rounds[-1].number,
                "note": feed.note,
            },
        }
        if position is not None:
            data["score_position"] = render.jsonable(position)
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return

    from rich.console import Console

    console = Console()
    console.print(
        render.rounds_table(shown, f"Rounds of invitations ({len(shown)} of {len(selected)})")
    )
    by_category: dict[str, list[int]] = {}
    for item in selected:
        by_category.setdefault(item.category, []).append(item.crs_cutoff)
    recent = {key: values[-last:] for key, values in by_category.items()}
    if summaries:
        console.print(render.summary_table(summaries, recent, score))
    if position is not None:
        console.print(render.position_table(position))
        pool_sentence = render.pool_line(position)
        if pool_sentence:
            console.print(pool_sentence)
    if plot is not None:
        console.print(f"Chart written to {plot}.")
    origin = "updated copy" if feed.is_user_copy else "packaged feed"
    console.print(
        f"[dim]Data: {origin} {feed.path}, newest round #{feed.rounds[-1].number} "
        f"on {feed.rounds[-1].date}.{' ' + feed.note if feed.note else ''}[/dim]"
    )


@app.command()
def update(
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="FILE_OR_URL",
            help="A feed file or URL (default: the official IRCC feed).",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(metavar="SECONDS", help="Download timeout in seconds.")
    ] = 30.0,
    allow_fewer: Annotated[
        bool, typer.Option(metavar="", help="Accept a feed with fewer rounds than now.")
    ] = False,
) -> None:
    """Download (or read) the rounds feed, validate it, and store it as the user copy."""
    from canpath.draws.store import update_feed
    from canpath.errors import DataError

    try:
        report = update_feed(source, timeout_seconds=timeout, allow_fewer=allow_fewer)
    except DataError as error:
        _fail(str(error), code=2 if source else 1)
    newest = report.newest
    typer.echo(
        f"Updated {report.path} from {report.source}: {report.rounds_before} rounds before, "
        f"{report.rounds_after} now; newest round #{newest.number} on {newest.date} "
        f"({newest.name}, cut-off {newest.crs_cutoff})."
    )
