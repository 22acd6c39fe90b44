"""The plan as a chart: CRS along each route over the horizon, with recent cut-offs for context."""

from __future__ import annotations

from pathlib import Path

from canpath.planner.result import Plan, route_name


def save_chart(plan: Plan, path: Path) -> None:
    """Write a PNG or SVG timeline chart of the plan's routes (matplotlib, imported here)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from canpath.draws.store import load_rounds

    figure, axes = plt.subplots(figsize=(10, 5))
    for route in plan.routes:
        days = mdates.date2num([month.day for month in route.months])
        axes.step(
            days, [month.crs for month in route.months], where="post", label=route_name(route.id)
        )
        if route.expected_ita_date is not None:
            axes.axvline(
                float(mdates.date2num(route.expected_ita_date)), linestyle=":", linewidth=1
            )
    recent = [r for r in load_rounds() if (plan.model_on - r.date).days <= 365]
    if recent:
        axes.scatter(
            mdates.date2num([r.date for r in recent]),
            [r.crs_cutoff for r in recent],
            s=8,
            color="grey",
            label="recent cut-offs",
        )
    axes.xaxis_date()
    axes.set_ylabel("CRS")
    axes.set_title(f"Routes from {plan.on.isoformat()} ({plan.months} months)")
    axes.legend(fontsize="small", loc="best")
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
