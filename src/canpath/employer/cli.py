"""`canpath role ROLE.yaml`: the work routes an employer can hire through for one role.

Only typer is imported here; everything else loads inside the command. `register(app)` adds the
top-level command to the main CLI (see `canpath.cli.EXTENSIONS`). Bad input exits with code 2 and
one line per problem naming the file and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

RoleArgument = Annotated[
    Path,
    typer.Argument(help="A role file (YAML or JSON); see examples/roles/.", show_default=False),
]


def role(
    path: RoleArgument,
    on: Annotated[
        str | None,
        typer.Option("--on", help="Date of the rules, YYYY-MM-DD.", show_default="today"),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", metavar="", help="Print JSON instead of tables.")
    ] = False,
    lang: Annotated[
        str,
        typer.Option("--lang", help="Language of explanations: en or fr.", envvar="CANPATH_LANG"),
    ] = "en",
    show_closed: Annotated[
        bool, typer.Option("--all", metavar="", help="Also show routes closed on the date.")
    ] = False,
) -> None:
    """Which work routes an employer can hire through for a role: for whom, cost, time, commitments."""
    from canpath.cli import console, guarded, language_of, parse_on, print_json  # noqa: PLC0415

    language = language_of(lang)

    def run() -> None:
        from canpath.employer import assess_role, load_role  # noqa: PLC0415
        from canpath.employer.render import role_renderable  # noqa: PLC0415

        result = assess_role(load_role(path), parse_on(on))
        if as_json:
            print_json(result.to_dict(language))
        else:
            console().print(role_renderable(result, language, show_closed=show_closed))

    guarded(run, language)


def register(app: typer.Typer) -> None:
    """Add `canpath role` to the main command line."""
    app.command(name="role")(role)
