"""Load test of the JSON API on loopback: p50/p99 latency and errors at N concurrent clients.

Starts `canpath.web.app:create_app` under uvicorn in a subprocess (access log off) on a free
loopback port, then for each endpoint (/api/crs, /api/assess) runs `--clients` concurrent
clients. Each client holds one keep-alive HTTP/1.1 connection and sends POSTs of an example
profile one after another (closed loop: latency includes waiting behind the other clients).
With `--rate`, clients instead send at a fixed total rate (open loop), as real users would.
Each endpoint is bounded by `--requests` and by `--seconds`, whichever comes first; the first
`--warm-up` requests are not counted. The client is raw asyncio, so it costs the 2 cores of a
small machine as little as possible.

Printed per endpoint: requests, errors (non-200 or broken connections), throughput, and
latency p50/p90/p99/max in milliseconds.

Run: python benchmarks/load_api.py [--clients 50] [--requests 20000] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "examples" / "profiles" / "bangalore-software-engineer.yaml"
ENDPOINTS = ("/api/crs", "/api/assess")


@dataclass
class Tally:
    """Latencies of the counted requests and the number of errors."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    sent: int = 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "canpath.web.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not start within 30 s")


def profile_body() -> bytes:
    sys.path.insert(0, str(ROOT / "src"))
    from canpath.yamlio import load_yaml_file

    return json.dumps(load_yaml_file(PROFILE), default=str).encode()


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response with a Content-Length; return its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def client(
    offset: float,
    port: int,
    request: bytes,
    tally: Tally,
    budget: list[int],
    stop_at: float,
    warm_up: list[int],
    interval: float,
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    next_send = time.perf_counter() + offset  # clients are spread over one interval, not in step
    try:
        while budget[0] > 0 and time.perf_counter() < stop_at:
            budget[0] -= 1
            if interval:
                delay = next_send - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                next_send += interval
            started = time.perf_counter()
            try:
                writer.write(request)
                status = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                tally.errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            elapsed = time.perf_counter() - started
            if warm_up[0] > 0:
                warm_up[0] -= 1
                continue
            tally.sent += 1
            if status == 200:
                tally.latencies.append(elapsed)
            else:
                tally.errors += 1
    finally:
        writer.close()


async def run_endpoint(port: int, path: str, body: bytes, options: argparse.Namespace) -> Tally:
    request = (
        f"POST {path}?on=2026-06-01 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    tally = Tally()
    budget = [options.requests + options.warm_up]
    warm_up = [options.warm_up]
    interval = options.clients / options.rate if options.rate else 0.0
    stop_at = time.perf_counter() + options.seconds
    await asyncio.gather(
        *(
            client(
                index * interval / options.clients,
                port,
                request,
                tally,
                budget,
                stop_at,
                warm_up,
                interval,
            )
            for index in range(options.clients)
        )
    )
    return tally


def percentile(sorted_values: list[float], share: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(share * len(sorted_values)) - 1))
    return sorted_values[index]


def report(path: str, tally: Tally, seconds: float) -> str:
    values = sorted(tally.latencies)
    if not values:
        return f"{path:<12} no successful request; errors {tally.errors}"
    ms = [value * 1000 for value in values]
    return (
        f"{path:<12} requests {tally.sent:>6}  errors {tally.errors:>3}  "
        f"throughput {tally.sent / seconds:>7.0f}/s  p50 {statistics.median(ms):6.2f} ms  "
        f"p90 {percentile(ms, 0.90):6.2f} ms  p99 {percentile(ms, 0.99):6.2f} ms  max {ms[-1]:6.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (connections)")
    parser.add_argument(
        "--requests", type=int, default=20000, help="counted requests per endpoint, at most"
    )
    parser.add_argument("--seconds", type=float, default=30.0, help="time per endpoint, at most")
    parser.add_argument(
        "--warm-up", type=int, default=500, help="requests per endpoint not counted"
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="total requests per second (open loop); 0 = closed loop",
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    options = parser.parse_args()
    body = profile_body()
    port = free_port()
    server = start_server(port, options.workers)
    mode = f"open loop at {options.rate:.0f} req/s" if options.rate else "closed loop"
    print(
        f"canpath API load test: {options.clients} clients, {mode}, {options.workers} worker(s), "
        f"{os.cpu_count()} CPU(s), profile {PROFILE.name}, bounds {options.requests} requests / "
        f"{options.seconds:.0f} s per endpoint"
    )
    try:
        for path in ENDPOINTS:
            started = time.perf_counter()
            tally = asyncio.run(run_endpoint(port, path, body, options))
            print(report(path, tally, time.perf_counter() - started))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
