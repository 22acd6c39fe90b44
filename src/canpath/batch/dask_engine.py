"""The Dask engine: the same chunk function, `score_chunk`, over partitions on a Dask cluster.

The client reads the input and writes the output (so every format and every corrupt-row rule is
the same as in-process); each partition of rows is scored on a worker, at most two per worker
thread in flight, and results come back in input order. With `--scheduler tcp://host:8786` it
uses that cluster (workers need the same canpath version installed); without, it starts a local
cluster of worker processes on this machine. See docs/batch.md.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from canpath.batch.chunk import Chunk, score_chunk
from canpath.batch.engine import Pending, Submit
from canpath.batch.scoring import Settings
from canpath.errors import CanpathError

CONNECT_TIMEOUT = "CANPATH_DASK_CONNECT_TIMEOUT"  # environment variable; default 20s


def _client(scheduler: str | None, workers: int | None, processes: bool) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            timeout = os.environ.get(CONNECT_TIMEOUT, "20s")
            return Client(scheduler, timeout=timeout), None  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as error:
            raise CanpathError(
                f"--scheduler: cannot reach a Dask scheduler at {scheduler!r}: {error}"
            ) from None
    count = workers or os.cpu_count() or 1
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=count, threads_per_worker=1, processes=processes,
        dashboard_address=None, silence_logs=logging.ERROR,
    )  # fmt: skip
    return Client(cluster), cluster  # type: ignore[no-untyped-call]


def dask_engine(
    scheduler: str | None = None, workers: int | None = None, processes: bool = True
) -> Callable[[Settings], AbstractContextManager[tuple[Submit, int]]]:
    """An engine factory: a Dask client (and a local cluster when no scheduler is given)."""

    @contextmanager
    def engine(settings: Settings) -> Iterator[tuple[Submit, int]]:
        client, cluster = _client(scheduler, workers, processes)
        try:
            threads = max(sum(client.nthreads().values()), 1)

            def submit(chunk: Chunk) -> Pending:
                # Rows go to a worker as data (scatter), not inside the task graph.
                rows = client.scatter(chunk, hash=False)
                return client.submit(score_chunk, rows, settings, pure=False)  # type: ignore[no-any-return]

            yield submit, 2 * threads
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return engine
