"""The employer's view in a terminal: one panel per route, open routes first."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from canpath.employer.results import RoleAssessment, RouteResult
from canpath.i18n import Language, label, msg

MARKS = {True: ("✔", "green"), False: ("✘", "red"), None: ("?", "yellow")}


def route_renderable(route: RouteResult, language: Language = "en") -> Panel:
    """One route: verdict, criteria, candidates, cost, time and commitments."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1)
    table.add_column(overflow="fold")
    for criterion in route.criteria:
        symbol, style = MARKS[criterion.met]
        text = criterion.reason.render(language)
        if criterion.needed is not None and criterion.met is not True:
            text += f"\n  → {criterion.needed.render(language)}"
        table.add_row(Text(symbol, style=style), text)
    for candidate in route.candidates:
        table.add_row("•", msg("employer.who", who=candidate).render(language))
    if route.fees:
        fees = ", ".join(
            f"{label(f'fee.{fee.item}', language)} {fee.amount_cad:,.0f} $ ({label(f'employer.paid_by.{fee.paid_by}', language)})"
            for fee in route.fees
        )
        table.add_row("$", fees)
    weeks = route.facts.get("processing_weeks")
    if weeks is not None and route.hiring != "without_permit":
        table.add_row(
            "⏱",
            msg(
                "employer.time", weeks=f"{weeks:g}".replace(".", "," if language == "fr" else ".")
            ).render(language),
        )
    for item in route.commitments:
        table.add_row("☐", item.render(language))
    symbol, style = MARKS[route.open]
    verdict = label(
        f"employer.verdict.{route.status if route.status != 'open' else {True: 'open', False: 'not_open', None: 'unknown'}[route.open]}",
        language,
    )
    title = f"[{style}]{symbol}[/] {label(f'program.{route.id}', language)} — {verdict}"
    return Panel(table, title=title, title_align="left", border_style=style)


def role_renderable(
    result: RoleAssessment, language: Language = "en", show_closed: bool = False
) -> Group:
    """Every route for the role, open ones first, with the prevailing wage used."""
    order = {True: 0, None: 1, False: 2}
    shown = [r for r in result.routes if show_closed or r.status == "open"]
    panels = [route_renderable(r, language) for r in sorted(shown, key=lambda r: order[r.open])]
    header = Text(
        msg(
            "employer.header",
            noc=result.role.noc,
            title=result.role.title or "-",
            province=result.role.province,
            on=result.on.isoformat(),
        ).render(language),
        style="bold",
    )
    parts: list[Text | Panel] = [header]
    if result.prevailing_wage is not None:
        parts.append(Text(result.prevailing_wage.render(language), style="cyan"))
    if result.gts_precedent_2024:
        parts.append(
            Text(
                msg("employer.precedent", **result.gts_precedent_2024).render(language), style="dim"
            )
        )
    return Group(*parts, *panels)
