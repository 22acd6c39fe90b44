"""Readable views of results: rich renderables for terminals, HTML for notebooks."""

from __future__ import annotations

import html
import io
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from canpath.i18n import Language, label
from canpath.results import Assessment, CrsResult, ProgramResult

MARKS = {True: ("✔", "green"), False: ("✘", "red"), None: ("?", "yellow")}


def _mark(value: bool | None) -> Text:
    symbol, style = MARKS[value]
    return Text(symbol, style=style)


def crs_renderable(result: CrsResult, language: Language = "en") -> Group:
    """The CRS as a table of factors under each part, with notes and warnings."""
    table = Table(title=f"CRS {result.total} / 1200  ({result.on.isoformat()})", show_lines=False)
    table.add_column("Factor")
    table.add_column("Points", justify="right")
    table.add_column("Based on", overflow="fold")
    for part in result.parts.values():
        table.add_row(
            Text(label(f"part.{part.name}", language), style="bold"),
            Text(f"{part.total}", style="bold"),
            Text(f"max {part.maximum}", style="dim"),
        )
        for factor in part.factors:
            detail = factor.detail.render(language) if factor.detail else ""
            table.add_row(
                f"  {label(f'factor.{factor.name}', language)}", str(factor.points), detail
            )
    parts: list[Any] = [table]
    for note in result.notes:
        parts.append(Text(f"• {note.render(language)}", style="cyan"))
    for warning in result.warnings:
        parts.append(Text(f"⚠ {warning.render(language)}", style="yellow"))
    return Group(*parts)


def program_renderable(program: ProgramResult, language: Language = "en") -> Panel:
    """One program: its verdict and every criterion with its reason."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1)
    table.add_column(overflow="fold")
    for criterion in program.criteria:
        reason = criterion.reason.render(language)
        if criterion.needed is not None and criterion.met is not True:
            reason += f"\n  → {criterion.needed.render(language)}"
        table.add_row(_mark(criterion.met), reason)
    verdict = {True: "eligible", False: "not eligible", None: "unknown"}[program.eligible]
    if program.status != "open":
        verdict = program.status.replace("_", " ")
    score = (
        f"  score {program.score['points']}" if program.score and "points" in program.score else ""
    )
    symbol, style = MARKS[program.eligible]
    title = f"[{style}]{symbol}[/] {label(f'program.{program.id}', language)} — {verdict}{score}"
    return Panel(table, title=title, title_align="left", border_style=style)


def assessment_renderable(
    assessment: Assessment, language: Language = "en", show_all: bool = True
) -> Group:
    """Every program, then the CRS."""
    shown = [
        program for program in assessment.programs
        if show_all or program.status == "open"
    ]  # fmt: skip
    return Group(
        *(program_renderable(program, language) for program in shown),
        crs_renderable(assessment.crs, language),
    )


def to_html(result: CrsResult | Assessment, language: Language = "en") -> str:
    """A compact HTML table for Jupyter."""
    crs = result if isinstance(result, CrsResult) else result.crs
    rows = []
    for part in crs.parts.values():
        rows.append(
            f"<tr><th>{html.escape(label(f'part.{part.name}', language))}</th><th>{part.total}</th><td></td></tr>"
        )
        for factor in part.factors:
            detail = html.escape(factor.detail.render(language)) if factor.detail else ""
            name = html.escape(label(f"factor.{factor.name}", language))
            rows.append(
                f"<tr><td>&nbsp;&nbsp;{name}</td><td>{factor.points}</td><td>{detail}</td></tr>"
            )
    programs = ""
    if isinstance(result, Assessment):
        items = "".join(
            f"<li>{MARKS[p.eligible][0]} {html.escape(label(f'program.{p.id}', language))}</li>"
            for p in result.programs
        )
        programs = f"<ul>{items}</ul>"
    return (
        f"{programs}<table><caption>CRS {crs.total} / 1200 on {crs.on.isoformat()}</caption>"
        + "".join(rows)
        + "</table>"
    )


def rich_html(renderable: Any) -> str:
    """Any rich renderable as self-contained HTML (for Jupyter), styles inline."""
    from rich.console import Console

    console = Console(record=True, width=100, file=io.StringIO(), force_jupyter=False)
    console.print(renderable)
    return console.export_html(
        inline_styles=True, code_format='<pre style="font-family:monospace">{code}</pre>'
    )
