"""Listings of the rules in force on a date and of what canpath covers, for `canpath rules` and `coverage`."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from canpath.errors import ParameterNotInForce
from canpath.params import RULES, ParameterStore


def rules_in_force(on: date, prefix: str = "", store: ParameterStore = RULES) -> dict[str, Any]:
    """Every parameter (under `prefix`) with its value's dates, status and source on `on`."""
    in_force, not_in_force, announced = [], [], []
    for parameter in store:
        if not parameter.id.startswith(prefix):
            continue
        content = parameter.content
        try:
            value = parameter.at(on)
        except ParameterNotInForce:
            not_in_force.append(
                {"id": parameter.id, "label": content.label, "from": parameter.first_date.isoformat(),
                 "ended": parameter.ended.isoformat() if parameter.ended else None}
            )  # fmt: skip
        else:
            in_force.append(
                {
                    "id": parameter.id,
                    "label": content.label,
                    "since": value.since.isoformat(),
                    "until": value.until.isoformat() if value.until else None,
                    "status": value.status,
                    "verified": content.verified.isoformat(),
                    "references": [{"title": r.title, "href": r.href} for r in value.references],
                    "note": value.note,
                }
            )
        for item in content.announced:
            announced.append(
                {"id": item.id, "date": item.date.isoformat(), "state": item.state, "status": item.status,
                 "parameter": parameter.id, "summary": item.summary, "not_modelled": item.not_modelled,
                 "in_effect_on_date": item.date <= on}
            )  # fmt: skip
    return {
        "on": on.isoformat(),
        "in_force": in_force,
        "not_in_force": not_in_force,
        "announced": announced,
    }


def rules_renderable(listing: dict[str, Any]) -> Group:
    table = Table(title=f"Rules in force on {listing['on']}", show_lines=False)
    for column in ("Parameter", "Since", "Until", "Status", "Source"):
        table.add_column(column, overflow="fold")
    for row in listing["in_force"]:
        status = Text(row["status"], style="green" if row["status"] == "confirmed" else "yellow")
        table.add_row(
            row["id"], row["since"], row["until"] or "", status, row["references"][0]["title"]
        )
    parts: list[Any] = [table]
    if listing["not_in_force"]:
        parts.append(
            Text(
                "Not in force on this date: " + ", ".join(r["id"] for r in listing["not_in_force"]),
                style="dim",
            )
        )
    seen: set[str] = set()
    for item in listing["announced"]:
        if item["id"] in seen:
            continue
        seen.add(item["id"])
        parts.append(
            Text(
                f"⚠ {item['state']} for {item['date']} ({item['status']}): {item['summary']}. Not modelled: {item['not_modelled']}",
                style="yellow",
            )
        )
    return Group(*parts)


def coverage_renderable(entries: list[dict[str, Any]]) -> Group:
    parts: list[Any] = []
    for entry in entries:
        table = Table(title=entry.get("domain", ""), show_header=True)
        table.add_column("Modelled", overflow="fold")
        table.add_column("Limits", overflow="fold")
        for item in entry.get("modelled", []):
            table.add_row(
                f"[bold]{item['id']}[/]: {item['what']}",
                "\n".join(f"• {x}" for x in item.get("limits", [])),
            )
        parts.append(table)
        gaps = Table(show_header=True)
        gaps.add_column("Not modelled", overflow="fold")
        gaps.add_column("Why", overflow="fold")
        for item in entry.get("not_modelled", []):
            gaps.add_row(item["what"], item["why"])
        parts.append(gaps)
    return Group(*parts)
