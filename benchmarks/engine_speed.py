"""Print how fast the Express Entry engine is: CLI cold start, one CRS, one full assessment.

    .venv/bin/python benchmarks/engine_speed.py [--runs 15]

Cold start runs `canpath crs PROFILE --json` in a fresh process (bytecode compiled first, as
`scripts/setup` does) and reports the median wall time. In-process figures are medians over many
calls on a warm process, each from a validated profile to a rendered JSON-ready dict.
Targets (issue 2): cold start under 0.4 s; one assessment under 2 ms.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "examples" / "profiles").glob("*.yaml"))
CLI = [sys.executable, "-m", "canpath.cli"]


def cold_start(runs: int) -> list[float]:
    compileall.compile_dir(ROOT / "src", quiet=1)
    timings = []
    for index in range(runs):
        profile = PROFILES[index % len(PROFILES)]
        start = time.perf_counter()
        subprocess.run([*CLI, "crs", str(profile), "--json"], check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return timings


def in_process(calls: int) -> tuple[float, float, float]:
    import canpath
    from canpath.programs import all_programs

    express_entry = [p.id for p in all_programs() if p.id.startswith("express_entry.")]

    people = [canpath.load_profile(path) for path in PROFILES]
    canpath.assess(people[0], on="2026-11-25")  # warm: parameters and reference data loaded
    crs_times, assess_times, express_entry_times = [], [], []
    for index in range(calls):
        person = people[index % len(people)]
        start = time.perf_counter()
        canpath.crs(person, on="2026-11-25").to_dict()
        middle = time.perf_counter()
        canpath.assess(person, on="2026-11-25").to_dict()
        end = time.perf_counter()
        canpath.assess(person, on="2026-11-25", programs=express_entry).to_dict()
        crs_times.append(middle - start)
        assess_times.append(end - middle)
        express_entry_times.append(time.perf_counter() - end)
    return (
        statistics.median(crs_times),
        statistics.median(assess_times),
        statistics.median(express_entry_times),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold-start runs (default 15)")
    parser.add_argument("--calls", type=int, default=2000, help="in-process calls (default 2000)")
    options = parser.parse_args()
    cold = cold_start(options.runs)
    crs_seconds, assess_seconds, express_entry_seconds = in_process(options.calls)
    print(f"CLI cold start, canpath crs --json: median {statistics.median(cold):.3f} s "
          f"(min {min(cold):.3f}, max {max(cold):.3f}, {options.runs} runs)  target < 0.4 s")  # fmt: skip
    print(f"one CRS in process (profile to JSON-ready dict): median {crs_seconds * 1000:.2f} ms")
    print(
        "one Express Entry assessment in process (FSW, CEC, FST, categories + CRS, to dict): "
        f"median {express_entry_seconds * 1000:.2f} ms  target < 2 ms"
    )
    print(
        "one full assessment in process (every program + CRS, to dict): "
        f"median {assess_seconds * 1000:.2f} ms  target < 2 ms"
    )


if __name__ == "__main__":
    main()
