"""The public surface of canpath.draws and its import cost."""

from __future__ import annotations

import subprocess
import sys

import canpath.draws


def test_every_public_name_resolves() -> None:
    for name in canpath.draws.__all__:
        assert getattr(canpath.draws, name) is not None


def test_cli_import_loads_neither_matplotlib_nor_polars_nor_the_model() -> None:
    code = (
        "import sys, canpath.draws.cli; "
        "print(sorted(m for m in ('matplotlib', 'polars', 'canpath.draws.model', "
        "'canpath.draws.store', 'urllib.request') if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"
