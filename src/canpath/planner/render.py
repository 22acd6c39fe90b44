"""The plan in a terminal: ranked routes with their timelines, cliffs, and moves."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from canpath.i18n import Language, label
from canpath.planner.result import Plan, route_name


def _sparkline(values: list[int]) -> str:
    bars = "▁▂▃▄▅▆▇█"
    low, high = min(values), max(values)
    span = max(high - low, 1)
    return "".join(bars[int((value - low) / span * (len(bars) - 1))] for value in values)


def plan_renderable(plan: Plan, language: Language = "en") -> Group:
    parts: list[Any] = [
        Text(
            f"{label('plan.title', language)} — {plan.on.isoformat()}, {plan.months} months, CRS {plan.crs_today}",
            style="bold",
        )
    ]
    for rank, route in enumerate(plan.routes, start=1):
        table = Table.grid(padding=(0, 2))
        table.add_column(style="cyan", no_wrap=True)
        table.add_column(overflow="fold")
        for step in route.steps:
            table.add_row(step["date"].isoformat(), step["event"].render(language))
        crs = [month.crs for month in route.months]
        probability = "—" if route.probability is None else f"{route.probability:.0%}"
        pr = route.expected_pr_date.isoformat() if route.expected_pr_date else "—"
        summary = Text(
            f"P(invited within {plan.months} months) {probability}   PR expected {pr}   CRS {crs[0]}→{crs[-1]} {_sparkline(crs)}"
        )
        notes = [Text(f"• {note.render(language)}", style="dim") for note in route.notes]
        parts.append(
            Panel(
                Group(summary, table, *notes),
                title=f"{rank}. {route_name(route.id, language)}",
                title_align="left",
            )
        )
    if plan.cliffs:
        cliffs = Table(title=label("plan.cliffs", language))
        for column in ("Date", "What", "CRS", "Act by"):
            cliffs.add_column(column)
        for cliff in plan.cliffs:
            cliffs.add_row(
                cliff.day.isoformat(),
                cliff.what.render(language),
                f"{cliff.points_change:+d}",
                cliff.act_by.isoformat() if cliff.act_by else "",
            )
        parts.append(cliffs)
    if plan.moves:
        moves = Table(title=label("plan.moves", language))
        for column in ("Move", "CRS", "Gain", "Months to invitation"):
            moves.add_column(column)
        for move in plan.moves:
            before = "—" if move.months_before is None else f"{move.months_before:.1f}"
            after = "—" if move.months_after is None else f"{move.months_after:.1f}"
            moves.add_row(
                move.what.render(language),
                f"{move.crs_before}→{move.crs_after}",
                f"{move.points_gain:+d}",
                f"{before}→{after}",
            )
        parts.append(moves)
    parts.extend(Text(f"• {note.render(language)}", style="cyan") for note in plan.notes)
    parts.extend(Text(f"⚠ {warning.render(language)}", style="yellow") for warning in plan.warnings)
    return Group(*parts)
