"""The Dask engine runs the same chunk function on a cluster and gives the in-process rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from canpath.batch.dask_engine import dask_engine
from canpath.cli import app

from .conftest import read_output, score

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A small local cluster (threads, TCP) that clients reach by address, as a real one."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp://",
                      dashboard_address=None) as local:  # fmt: skip
        yield local.scheduler_address


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_dask_equals_in_process(
    pool: dict[str, Path], tmp_path: Path, cluster: str, kind: str
) -> None:
    on_cluster = score(
        pool[kind], tmp_path / "dask.parquet", chunk_rows=64, engine=dask_engine(cluster)
    )
    in_process = score(pool[kind], tmp_path / "threads.parquet", chunk_rows=64)
    assert on_cluster.equals(in_process)
    assert on_cluster.height == 300


def test_cli_with_a_scheduler_address(pool: dict[str, Path], tmp_path: Path, cluster: str) -> None:
    output = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["batch", str(pool["csv"]), "-o", str(output), "--on", "2026-06-01",
                                      "--engine", "dask", "--scheduler", cluster, "--chunk-rows", "100"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert read_output(output).height == 300


def test_an_unreachable_scheduler_is_bad_input(
    pool: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CANPATH_DASK_CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(app, ["batch", str(pool["csv"]), "-o", str(tmp_path / "out.csv"),
                                      "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])  # fmt: skip
    assert result.exit_code == 2
    assert "cannot reach a Dask scheduler" in result.stderr
    assert not (tmp_path / "out.csv").exists()
