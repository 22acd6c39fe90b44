"""`canpath plan`: the route planner on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the `plan` command to the canpath app."""

    @app.command()
    def plan(
        profile: Annotated[
            Path, typer.Argument(help="A profile file (YAML or JSON).", show_default=False)
        ],
        on: Annotated[
            str | None,
            typer.Option("--on", help="Plan from this date, YYYY-MM-DD.", show_default="today"),
        ] = None,
        months: Annotated[int, typer.Option("--months", help="Horizon in months (1-120).")] = 36,
        as_json: Annotated[
            bool, typer.Option("--json", metavar="", help="Print JSON (the public contract).")
        ] = False,
        lang: Annotated[
            str, typer.Option("--lang", help="en or fr.", envvar="CANPATH_LANG")
        ] = "en",
        chart: Annotated[
            Path | None, typer.Option("--chart", help="Also write a timeline chart (PNG or SVG).")
        ] = None,
    ) -> None:
        """Routes to permanent residence, month by month: when each door opens, the CRS, the chance of an invitation, cliffs, and moves that shorten the path."""
        from canpath.cli import console, fail, guarded, language_of, parse_on, print_json

        language = language_of(lang)
        if not 1 <= months <= 120:
            fail(f"--months: {months} is outside 1-120")
        if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
            fail(f"--chart: {chart} must end in .png or .svg")

        def run() -> None:
            from canpath.planner import plan as make_plan
            from canpath.planner.render import plan_renderable

            result = make_plan(profile, parse_on(on), months)
            if chart is not None:
                from canpath.planner.plot import save_chart

                save_chart(result, chart)
            if as_json:
                print_json(result.to_dict(language))
            else:
                console().print(plan_renderable(result, language))

        guarded(run, language)
