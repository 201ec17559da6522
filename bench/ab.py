#!/usr/bin/env python3
"""Alternate MarketLink builds on the study workload and print each one's medians.

    python3 bench/ab.py --runs 14 main=/tmp/mlink-main new=.build/release/mlink
    python3 bench/ab.py old=/tmp/mlink-main "tunable=/tmp/mlink-main:GLIBC_TUNABLES=glibc.malloc.hugetlb=1"

Each LABEL=BINARY[:NAME=VALUE...] runs `mlink study` on the scale-1 data that `run.py study`
generates (bench/out/data-s1-seed1), in turn with the others, so that the machine's drift
falls on all of them alike. Before each run the output is removed and `sync` waits for the
previous run's writeback. Wall time is `time.perf_counter` around the process; user and system
time and minor page faults come from `getrusage` of the child.
"""
import argparse
import os
import resource
import statistics
import subprocess
import time

BENCH = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("builds", nargs="+", help="LABEL=BINARY, optionally followed by :NAME=VALUE environment settings")
    parser.add_argument("--runs", type=int, default=10, help="runs per build (default 10)")
    parser.add_argument("--data", default=os.path.join(BENCH, "out", "data-s1-seed1"))
    args = parser.parse_args()
    for name in ("events.csv", "panel.csv", "index.csv"):
        if not os.path.exists(os.path.join(args.data, name)):
            raise SystemExit(f"{args.data}/{name} is missing: run `python3 bench/run.py study` once to generate it")
    builds = []
    for spec in args.builds:
        label, _, rest = spec.partition("=")
        binary, *settings = rest.split(":")
        env = dict(os.environ)
        env.update(setting.split("=", 1) for setting in settings)
        builds.append((label, binary, env))
    results: dict[str, list[tuple[float, float, float, int]]] = {label: [] for label, _, _ in builds}
    for _ in range(args.runs):
        for label, binary, env in builds:
            out = os.path.join(args.data, f"ab-{label}.csv")
            if os.path.exists(out):
                os.remove(out)
            os.sync()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([binary, "study", "--events", os.path.join(args.data, "events.csv"), os.path.join(args.data, "panel.csv"),
                            "--benchmark", os.path.join(args.data, "index.csv"), "--model", "market-model",
                            "--estimation", "-250:-11", "--window", "-1:1", "--format", "csv", "-o", out, "--quiet"],
                           check=True, env=env)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            results[label].append((wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime,
                                   after.ru_minflt - before.ru_minflt))
    print("| build | runs | wall ms | user ms | system ms | minor faults |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, runs in results.items():
        def median(k: int) -> float:
            return statistics.median(run[k] for run in runs)
        print(f"| {label} | {len(runs)} | {median(0) * 1000:.1f} | {median(1) * 1000:.1f} | {median(2) * 1000:.1f} | {median(3):,.0f} |")
    for label, _, _ in builds:
        out = os.path.join(args.data, f"ab-{label}.csv")
        if os.path.exists(out):
            os.remove(out)


if __name__ == "__main__":
    main()
