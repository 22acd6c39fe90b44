"""The `canpath` command line: a thin typer adapter over the public API.

Exit codes: 0 success; 2 bad input (the message names the file, the field and the problem);
1 an internal fault. Heavy modules are imported inside commands to keep start-up fast.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from canpath.errors import CanpathError, ParameterNotInForce, ProfileError, UnknownNameError

app = typer.Typer(
    name="canpath",
    help="Canadian immigration routes for tech workers: Express Entry, work permits, provincial "
    "streams, and the path from a first work permit to permanent residence.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

T = TypeVar("T")

ProfileArgument = Annotated[
    Path,
    typer.Argument(help="A profile file (YAML or JSON); see `canpath schema`.", show_default=False),
]
OnOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="DATE",
        help="Assessment date, YYYY-MM-DD. Rules, age, experience and test validity are read as of this date.",
        show_default="today",
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", metavar="", help="Print JSON (the public contract) instead of tables."),
]
LangOption = Annotated[
    str,
    typer.Option(
        "--lang", metavar="en|fr", help="Language of explanations: en or fr.", envvar="CANPATH_LANG"
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one clear line per problem on stderr and exit."""
    sys.stderr.write(message.rstrip() + "\n")
    raise typer.Exit(code)


def guarded(action: Callable[[], T], language: Any = "en") -> T:
    """Run a command body, turning canpath errors into exit code 2 and other faults into 1.
    Problems with the input are written in `language` where canpath has a translation."""
    try:
        return action()
    except ProfileError as error:
        fail(error.render(language))
    except ParameterNotInForce as error:
        fail(f"error: {error}")
    except (UnknownNameError, CanpathError) as error:
        fail(f"error: {error}")
    except typer.Exit:
        raise
    except Exception as error:  # noqa: BLE001 - the edge: never a traceback for users
        if os.environ.get("CANPATH_DEBUG"):
            raise
        fail(
            f"internal error: {type(error).__name__}: {error} (set CANPATH_DEBUG=1 for details)", 1
        )


def parse_on(on: str | None) -> date:
    from canpath.api import resolve_date

    try:
        return resolve_date(on)
    except ProfileError:
        fail(f"--on: {on!r} is not a date in the form YYYY-MM-DD")


def language_of(lang: str) -> Any:
    if lang not in ("en", "fr"):
        fail(f"--lang: {lang!r} is not supported; use en or fr")
    return lang


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def console() -> Any:
    from rich.console import Console

    return Console()


@app.command()
def crs(
    profile: ProfileArgument,
    on: OnOption = None,
    as_json: JsonOption = False,
    lang: LangOption = "en",
) -> None:
    """Comprehensive Ranking System score, by part and factor, with what each point rests on."""
    language = language_of(lang)

    def run() -> None:
        from canpath.api import crs as score

        result = score(profile, parse_on(on))
        if as_json:
            print_json(result.to_dict(language))
        else:
            from canpath.render import crs_renderable

            console().print(crs_renderable(result, language))

    guarded(run, language)


@app.command()
def assess(
    profile: ProfileArgument,
    on: OnOption = None,
    as_json: JsonOption = False,
    lang: LangOption = "en",
    program: Annotated[
        list[str] | None,
        typer.Option(
            "--program",
            "-p",
            help="Only these programs (an id or a prefix such as express_entry); repeatable.",
        ),
    ] = None,
    open_only: Annotated[
        bool,
        typer.Option("--open-only", metavar="", help="Hide programs that are closed on the date."),
    ] = False,
) -> None:
    """Every program: eligible or not (or unknown), each criterion with its reason and source."""
    language = language_of(lang)

    def run() -> None:
        from canpath.api import assess as evaluate

        result = evaluate(profile, parse_on(on), program)
        if as_json:
            print_json(result.to_dict(language))
        else:
            from canpath.render import assessment_renderable

            console().print(assessment_renderable(result, language, show_all=not open_only))

    guarded(run, language)


@app.command()
def rules(
    on: OnOption = None,
    as_json: JsonOption = False,
    prefix: Annotated[
        str, typer.Option("--prefix", help="Only parameters whose id starts with this.")
    ] = "",
) -> None:
    """The rules in force on a date: each parameter, since when, its source and status; and changes announced but not encoded."""

    def run() -> None:
        from canpath.ruleslist import rules_in_force, rules_renderable

        listing = rules_in_force(parse_on(on), prefix)
        if as_json:
            print_json(listing)
        else:
            console().print(rules_renderable(listing))

    guarded(run)


@app.command()
def coverage(as_json: JsonOption = False) -> None:
    """What canpath models, with its limits, and what it does not model, with the reason."""

    def run() -> None:
        from canpath.coverage import load_coverage
        from canpath.ruleslist import coverage_renderable

        entries = load_coverage()
        if as_json:
            print_json(entries)
        else:
            console().print(coverage_renderable(entries))

    guarded(run)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """The JSON Schema of the profile format."""

    def run() -> None:
        from canpath.profile import Profile

        text = json.dumps(Profile.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")

    guarded(run)


# Commands that live in their own packages. A module either has `app` (a typer group mounted
# under `name`) or a `register(app)` function adding top-level commands. Modules must import
# only typer at the top, to keep start-up fast.
EXTENSIONS = (
    ("canpath.draws.cli", "draws"),
    ("canpath.planner.cli", None),
    ("canpath.employer.cli", None),
    ("canpath.batch.cli", None),
    ("canpath.web.cli", None),
)


def _mount_extensions() -> None:
    import importlib

    for module_name, name in EXTENSIONS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name is not None and module_name.startswith(error.name):
                continue  # that part of canpath is not built (yet)
            raise
        if name is not None:
            app.add_typer(module.app, name=name)
        else:
            module.register(app)


_mount_extensions()


def main() -> None:
    """Entry point of the `canpath` script."""
    # canpath uses no pydantic plugins; skipping their discovery (a scan of every installed
    # package's entry points) shortens start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()


if __name__ == "__main__":
    main()
