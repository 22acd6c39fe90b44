"""What canpath models and what it does not, one YAML file per domain (shown by `canpath coverage`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from canpath.yamlio import load_yaml_file

FOLDER = Path(__file__).parent


def load_coverage() -> list[dict[str, Any]]:
    """Every domain's coverage entry, in file-name order."""
    return [load_yaml_file(path) for path in sorted(FOLDER.glob("*.yaml"))]
