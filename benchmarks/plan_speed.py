"""Print how long a 36-month plan takes for each example profile (issue 5; target under 100 ms).

    .venv/bin/python benchmarks/plan_speed.py [--runs 7] [--on 2026-11-25]

Each figure is the median of several runs on a warm process, from a validated profile to the
plan's JSON-ready dict (routes, cliffs, moves).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--on", default="2026-11-25")
    parser.add_argument("--months", type=int, default=36)
    options = parser.parse_args()

    import canpath
    from canpath.planner import plan

    paths = sorted((ROOT / "examples" / "profiles").glob("*.yaml"))
    plan(canpath.load_profile(paths[0]), options.on, options.months)  # warm caches
    for path in paths:
        person = canpath.load_profile(path)
        timings = []
        for _ in range(options.runs):
            start = time.perf_counter()
            result = plan(person, options.on, options.months)
            result.to_dict()
            timings.append(time.perf_counter() - start)
        routes = ", ".join(route.id for route in result.routes)
        print(f"{path.stem:45s} {statistics.median(timings) * 1000:7.1f} ms  routes: {routes}")


if __name__ == "__main__":
    main()
