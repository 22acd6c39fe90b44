"""A chart of round cut-offs over time, coloured by category (needs matplotlib: canpath[plot])."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from canpath.draws.classify import CATEGORY_IDS, CATEGORY_LABELS
from canpath.draws.feed import Round

__all__ = ["PLOT_SUFFIXES", "plot_cutoffs"]

PLOT_SUFFIXES = (".png", ".svg")


def plot_cutoffs(rounds: Sequence[Round], path: Path, score: int | None = None) -> None:
    """Write a PNG or SVG chart of the rounds' CRS cut-offs by date, one colour per category.

    Raises ImportError when matplotlib is not installed. matplotlib is imported here, not at
    module import, to keep the CLI's start-up fast.
    """
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    figure = Figure(figsize=(12, 5), layout="constrained")
    axes = figure.subplots()
    palette = colormaps["tab20"]
    for index, category in enumerate(CATEGORY_IDS):
        selected = sorted(
            (item for item in rounds if item.category == category), key=lambda item: item.sort_key
        )
        if not selected:
            continue
        axes.plot(
            cast(Any, [item.date for item in selected]),  # dates go through matplotlib's units
            [item.crs_cutoff for item in selected],
            marker="o",
            markersize=3,
            linewidth=0.8,
            color=palette((2 * index) % 20 + (2 * index) // 20),  # strong shades first
            label=CATEGORY_LABELS[category],
        )
    if score is not None:
        axes.axhline(score, color="black", linestyle="--", linewidth=1, label=f"CRS {score}")
    axes.set_xlabel("Round date")
    axes.set_ylabel("CRS cut-off (lowest score invited)")
    axes.set_title("Express Entry rounds of invitations")
    axes.grid(True, alpha=0.3)
    figure.legend(fontsize="small", loc="outside right upper")
    figure.savefig(path)
