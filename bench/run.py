#!/usr/bin/env python3
"""Run MarketLink and its peers on the reference workload and print their cost side by side.

    python3 bench/run.py [--scale 0.25,1,4] [--repeat 3] [--tools mlink,pandas,polars,duckdb]

For each scale: generate the data if missing (bench/generate.py), then run every tool as a
whole process from CSV in to CSV out under `/usr/bin/time -f '%e %M'`, --repeat times in
turn, and report the median wall time and the median peak resident memory. Afterwards every
peer's table is checked against MarketLink's status-ok rows with bench/compare.py (against
polars when MarketLink cannot run). Results are printed and written to
bench/out/results/<timestamp>/results.md and results.json.

MarketLink is built in release with `swift build -c release --scratch-path bench/.build-release`
and run as `mlink changes --events EVENTS PANEL --window -1:1 --window 0:0 --window 0:5
--window -5:5 -o OUT.csv`. When that command does not work yet, the peers still run and the
report says why MarketLink was left out.

The peers (bench/peers/*_job.py) run in bench/.venv, created from bench/requirements.txt
when missing. Only the Python standard library is needed to run this script.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
VENV = os.path.join(BENCH, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
SCRATCH = os.path.join(BENCH, ".build-release")
MLINK = os.path.join(SCRATCH, "release", "mlink")
TIME = "/usr/bin/time"
WINDOWS = ["-1:1", "0:0", "0:5", "-5:5"]
PEERS = ["pandas", "polars", "duckdb"]
NAMES = {"mlink": "MarketLink", "pandas": "pandas", "polars": "polars", "duckdb": "DuckDB",
         "python": "plain Python"}
REQUIRED_COLUMNS = ["event_id", "event_date", "event_title", "tags", "series", "window",
                    "base_date", "base_close", "end_date", "end_close", "points", "percent",
                    "status"]


def say(message: str = "") -> None:
    print(message, flush=True)


# MARK: - Setup


def ensure_time() -> None:
    """GNU time measures wall time and peak RSS; install Debian's `time` when it is missing."""
    if os.access(TIME, os.X_OK):
        return
    say(f"{TIME} is missing; installing Debian package 'time'")
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        raise SystemExit(f"run.py: {TIME} not found; install GNU time (apt-get install time)")
    if subprocess.run(["apt-get", "install", "-y", "time"]).returncode != 0:
        subprocess.run(["apt-get", "update"], check=False)
        subprocess.run(["apt-get", "install", "-y", "time"], check=True)


def ensure_venv() -> None:
    probe = [VENV_PYTHON, "-c", "import pandas, polars, duckdb, pyarrow"]
    if os.access(VENV_PYTHON, os.X_OK) and subprocess.run(probe, capture_output=True).returncode == 0:
        return
    say(f"creating {os.path.relpath(VENV, ROOT)} with the peers (bench/requirements.txt)")
    if not os.access(VENV_PYTHON, os.X_OK):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([VENV_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", os.path.join(BENCH, "requirements.txt")], check=True)
    subprocess.run(probe, check=True)


def build_mlink() -> str | None:
    """Build MarketLink in release; return None on success, else the reason."""
    say("building MarketLink: swift build -c release --scratch-path bench/.build-release")
    result = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", SCRATCH],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        return f"the release build failed:\n{tail}"
    return None


def mlink_command(events: str, panel: str, output: str) -> list[str]:
    command = [MLINK, "changes", "--events", events, panel]
    for window in WINDOWS:
        command += ["--window", window]
    return command + ["-o", output]


def probe_mlink(work: str) -> str | None:
    """Run `mlink changes` on a small generated panel; return None if it works, else why not.

    "Works" means: exit status 0, an output file whose header has the change-report columns,
    and status-ok rows equal to the plain-Python reference job's rows.
    """
    if not os.access(MLINK, os.X_OK):
        return f"{os.path.relpath(MLINK, ROOT)} does not exist"
    data = os.path.join(work, "probe")
    generate(data, scale=1.0, seed=7, symbols=6, years=3, events=12)
    output = os.path.join(data, "mlink.csv")
    if os.path.exists(output):
        os.remove(output)
    events, panel = os.path.join(data, "events.csv"), os.path.join(data, "panel.csv")
    result = subprocess.run(mlink_command(events, panel, output), capture_output=True, text=True)
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        return (f"`mlink changes` exited with status {result.returncode}"
                + (f": {message[0]}" if message else ""))
    if not os.path.exists(output):
        return "`mlink changes` wrote no output file (the command is probably not implemented yet)"
    with open(output, encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        return f"`mlink changes` output lacks the columns {', '.join(missing)}"
    reference = os.path.join(data, "python.csv")
    subprocess.run([sys.executable, os.path.join(BENCH, "peers", "python_job.py"),
                    "--events", events, panel, "-o", reference], check=True)
    check = compare(output, reference)
    if not check["agree"]:
        say("warning: on the small probe panel, MarketLink's ok rows differ from the plain-Python "
            "reference:\n" + check["report"])
    return None


# MARK: - Data


def scale_label(scale: float) -> str:
    return f"{scale:g}"


def generate(directory: str, scale: float, seed: int, symbols: int = 500, years: int = 20,
             events: int = 1000) -> dict:
    """Generate the workload into `directory` unless meta.json says it is already there."""
    wanted = {"symbols": max(1, round(symbols * scale)), "years": years, "events": events,
              "seed": seed}
    meta_path = os.path.join(directory, "meta.json")
    if os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as handle:
            meta = json.load(handle)
        if all(meta.get(key) == value for key, value in wanted.items()) and all(
                os.path.exists(os.path.join(directory, name)) for name in ("panel.csv", "events.csv")):
            return meta
    say(f"generating {os.path.relpath(directory, ROOT)}")
    subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), "--symbols", str(symbols),
                    "--years", str(years), "--events", str(events), "--scale", repr(scale),
                    "--seed", str(seed), "--out", directory], check=True)
    with open(meta_path, encoding="utf-8") as handle:
        return json.load(handle)


def warm(paths: list[str]) -> None:
    """Read the inputs once so that every tool starts with them in the page cache."""
    for path in paths:
        with open(path, "rb") as handle:
            while handle.read(1 << 24):
                pass


# MARK: - Measuring


def tool_command(tool: str, events: str, panel: str, output: str) -> list[str]:
    if tool == "mlink":
        return mlink_command(events, panel, output)
    script = os.path.join(BENCH, "peers", f"{tool}_job.py")
    command = [VENV_PYTHON, script, "--events", events, panel]
    for window in WINDOWS:
        command += ["--window", window]
    return command + ["-o", output]


def measure(command: list[str]) -> dict:
    """Run `command` under GNU time; return wall seconds and peak RSS in MB (None on failure)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run([TIME, "-f", "%e %M", "-o", report.name, *command],
                                capture_output=True, text=True)
        fields = report.read().strip().splitlines()[-1].split() if result.returncode == 0 else []
    if result.returncode != 0 or len(fields) != 2:
        return {"ok": False, "error": (result.stderr or result.stdout).strip()[-2000:],
                "status": result.returncode}
    return {"ok": True, "wall": float(fields[0]), "rss_mb": int(fields[1]) / 1024.0}


TOLERANCE = {"rtol": "1e-9", "atol": "0"}


def compare(reference: str, candidate: str) -> dict:
    result = subprocess.run([sys.executable, os.path.join(BENCH, "compare.py"), reference, candidate,
                             "--rtol", TOLERANCE["rtol"], "--atol", TOLERANCE["atol"]],
                            capture_output=True, text=True)
    report = (result.stdout + result.stderr).strip()
    return {"agree": result.returncode == 0, "report": report}


def count_ok_rows(path: str) -> int:
    import csv
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        status = header.index("status")
        return sum(1 for row in reader if row[status] == "ok")


def run_scale(scale: float, tools: list[str], repeat: int, seed: int, out: str,
              keep_outputs: bool) -> dict:
    data = os.path.join(out, f"data-s{scale_label(scale)}-seed{seed}")
    meta = generate(data, scale, seed)
    events, panel = os.path.join(data, "events.csv"), os.path.join(data, "panel.csv")
    results_dir = os.path.join(out, "tables", f"s{scale_label(scale)}")
    os.makedirs(results_dir, exist_ok=True)
    warm([panel, events])

    say(f"\nscale {scale_label(scale)}: {meta['panel_rows']:,} panel rows "
        f"({meta['panel_bytes'] / 1e6:.1f} MB), {meta['symbols']} symbols, {meta['events']:,} "
        f"events; {repeat} run(s) per tool")
    runs: dict[str, list[dict]] = {tool: [] for tool in tools}
    outputs = {tool: os.path.join(results_dir, f"{tool}.csv") for tool in tools}
    for number in range(1, repeat + 1):
        for tool in tools:  # in turn, so that a slow spell on the machine hits every tool
            if os.path.exists(outputs[tool]):
                os.remove(outputs[tool])
            run = measure(tool_command(tool, events, panel, outputs[tool]))
            runs[tool].append(run)
            if run["ok"]:
                say(f"  run {number} {NAMES[tool]:<10} {run['wall']:7.2f} s {run['rss_mb']:8.0f} MB")
            else:
                say(f"  run {number} {NAMES[tool]:<10} failed (status {run['status']}):\n"
                    f"{run['error']}")

    summary: dict[str, dict] = {}
    for tool in tools:
        good = [run for run in runs[tool] if run["ok"]]
        summary[tool] = {
            "runs": runs[tool],
            "ok": len(good) == len(runs[tool]),
            "wall": statistics.median(run["wall"] for run in good) if good else None,
            "rss_mb": statistics.median(run["rss_mb"] for run in good) if good else None,
        }

    # Correctness: every peer against MarketLink's ok rows, or against polars (else the first
    # peer) when MarketLink was left out.
    produced = [tool for tool in tools if summary[tool]["ok"] and os.path.exists(outputs[tool])]
    preference = ["mlink", "polars", *produced]
    reference = next((tool for tool in preference if tool in produced), None)
    for tool in produced:
        summary[tool]["ok_rows"] = count_ok_rows(outputs[tool])
        if tool == reference:
            summary[tool]["agrees"] = "reference"
            continue
        check = compare(outputs[reference], outputs[tool])
        summary[tool]["agrees"] = "yes" if check["agree"] else "NO"
        summary[tool]["compare_report"] = check["report"]
        if not check["agree"]:
            say(f"\n{NAMES[tool]} differs from {NAMES[reference]}:\n{check['report']}")
    if not keep_outputs:
        for tool in produced:
            os.remove(outputs[tool])
    return {"scale": scale, "meta": meta, "reference": reference, "tools": summary}


# MARK: - Report


def machine() -> dict:
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kib = int(handle.readline().split()[1])
            memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass

    def output(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return ""

    versions = {}
    if os.access(VENV_PYTHON, os.X_OK):
        code = ("import sys, pandas, polars, duckdb, pyarrow, numpy; print(sys.version.split()[0], "
                "pandas.__version__, polars.__version__, duckdb.__version__, pyarrow.__version__, "
                "numpy.__version__)")
        parts = output([VENV_PYTHON, "-c", code]).split()
        if len(parts) == 6:
            versions = dict(zip(["python", "pandas", "polars", "duckdb", "pyarrow", "numpy"], parts))
    swift = output(["swift", "--version"]).splitlines()
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "memory": memory,
        "kernel": platform.release(),
        "load_average": os.getloadavg(),
        "swift": swift[0] if swift else "",
        "commit": output(["git", "rev-parse", "--short", "HEAD"]),
        "versions": versions,
    }


def table(result: dict, repeat: int) -> list[str]:
    meta, reference, tools = result["meta"], result["reference"], result["tools"]
    base = tools.get("mlink") if "mlink" in tools and tools["mlink"]["wall"] else None
    base_name = "MarketLink" if base else None
    if base is None and "polars" in tools and tools["polars"]["wall"]:
        base, base_name = tools["polars"], "polars"
    ratio = f"× {base_name}" if base_name else "×"
    lines = [
        f"Scale {scale_label(result['scale'])}: {meta['panel_rows']:,} panel rows "
        f"({meta['panel_bytes'] / 1e6:.1f} MB), {meta['symbols']} symbols, {meta['events']:,} events, "
        f"windows {' '.join(WINDOWS)}; median of {repeat} run(s).",
        "",
        f"| tool | wall s | peak MB | time {ratio} | memory {ratio} | ok rows | same rows as {NAMES.get(reference, '-')} |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for tool, entry in tools.items():
        if entry["wall"] is None:
            lines.append(f"| {NAMES[tool]} | failed | | | | | |")
            continue
        time_ratio = f"{entry['wall'] / base['wall']:.2f}" if base and base["wall"] else ""
        memory_ratio = f"{entry['rss_mb'] / base['rss_mb']:.2f}" if base and base["rss_mb"] else ""
        rows = f"{entry['ok_rows']:,}" if "ok_rows" in entry else ""
        lines.append(f"| {NAMES[tool]} | {entry['wall']:.2f} | {entry['rss_mb']:.0f} | {time_ratio} | "
                     f"{memory_ratio} | {rows} | {entry.get('agrees', '')} |")
    return lines


def growth(results: list[dict]) -> list[str]:
    """Time at each scale over time at scale 1, per tool (linear cost gives the scale itself)."""
    by_scale = {result["scale"]: result for result in results}
    if 1.0 not in by_scale or len(by_scale) < 2:
        return []
    unit = by_scale[1.0]["tools"]
    others = sorted(scale for scale in by_scale if scale != 1.0)
    lines = ["Cost growth: wall time at each scale over wall time at scale 1 (rows grow by the scale).",
             "",
             "| tool | " + " | ".join(f"×{scale_label(s)} rows" for s in others) + " |",
             "|---|" + "---:|" * len(others)]
    for tool, entry in unit.items():
        cells = []
        for scale in others:
            other = by_scale[scale]["tools"].get(tool)
            if entry["wall"] and other and other["wall"]:
                cells.append(f"{other['wall'] / entry['wall']:.2f}")
            else:
                cells.append("")
        lines.append(f"| {NAMES[tool]} | " + " | ".join(cells) + " |")
    return lines


# MARK: - Main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="0.25,1,4",
                        help="comma-separated row multipliers (default 0.25,1,4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and scale (median)")
    parser.add_argument("--tools", default="mlink," + ",".join(PEERS),
                        help="comma-separated from mlink,pandas,polars,duckdb (default all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-build", action="store_true",
                        help="use the existing bench/.build-release binary")
    parser.add_argument("--mlink", metavar="PATH",
                        help="run this mlink binary instead of building one (implies --no-build)")
    parser.add_argument("--keep-outputs", action="store_true",
                        help="keep every tool's table under bench/out/tables/")
    parser.add_argument("--rtol", default="1e-9", help="compare.py's relative tolerance (1e-9)")
    parser.add_argument("--atol", default="0", help="compare.py's absolute tolerance (0)")
    parser.add_argument("--out", default=os.path.join(BENCH, "out"))
    args = parser.parse_args(argv)

    scales = [float(part) for part in args.scale.split(",") if part]
    tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    unknown = [tool for tool in tools if tool not in ("mlink", *PEERS)]
    if unknown or not tools or args.repeat < 1 or not scales or min(scales) <= 0:
        parser.error("bad --tools, --scale or --repeat")
    out = os.path.abspath(args.out)
    TOLERANCE.update(rtol=args.rtol, atol=args.atol)
    if args.mlink:
        global MLINK
        MLINK = os.path.abspath(args.mlink)
        args.no_build = True
    os.makedirs(out, exist_ok=True)

    ensure_time()
    if any(tool in PEERS for tool in tools):
        ensure_venv()
    skipped = None
    if "mlink" in tools:
        if not args.no_build:
            skipped = build_mlink()
        if skipped is None:
            skipped = probe_mlink(out)
        if skipped is not None:
            say(f"\nMarketLink left out: {skipped}\nRunning the peers only.\n")
            tools.remove("mlink")
    if not tools:
        say("nothing to run")
        return 1

    info = machine()
    load = info["load_average"][0]
    say(f"{info['date']}: {info['cpu']}, {info['nproc']} CPUs, {info['memory']}; "
        f"load average {load:.2f}")
    if load > 0.5:
        say("warning: the machine is busy (load average above 0.5); timings will be noisy")

    results = [run_scale(scale, tools, args.repeat, args.seed, out, args.keep_outputs)
               for scale in scales]

    command = "python3 bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    lines = [
        f"Command: `{command.strip()}`",
        "",
        f"Machine: {info['cpu']}, {info['nproc']} CPUs, {info['memory']} RAM, Linux {info['kernel']}; "
        f"{info['swift']}; commit {info['commit']}; {info['date']}; load average at start "
        f"{' '.join(f'{x:.2f}' for x in info['load_average'])}.",
        "Peers: " + ", ".join(f"{name} {version}" for name, version in info["versions"].items()) + ".",
        "Wall time and peak resident memory from `/usr/bin/time -f '%e %M'`, whole process, CSV in to CSV out; "
        f"rows compared with compare.py --rtol {TOLERANCE['rtol']} --atol {TOLERANCE['atol']}.",
    ]
    if skipped:
        lines += ["", f"MarketLink was left out: {skipped.splitlines()[0]}"]
    elif args.mlink:
        lines += ["", f"MarketLink binary: {MLINK} (given with --mlink, not built from commit "
                      f"{info['commit']})."]
    for result in results:
        lines += [""] + table(result, args.repeat)
    extra = growth(results)
    if extra:
        lines += [""] + extra

    say("\n" + "\n".join(lines))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    results_dir = os.path.join(out, "results", stamp)
    os.makedirs(results_dir, exist_ok=True)
    with open(os.path.join(results_dir, "results.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    with open(os.path.join(results_dir, "results.json"), "w", encoding="utf-8") as handle:
        json.dump({"machine": info, "command": command, "skipped_mlink": skipped,
                   "results": results}, handle, indent=2)
        handle.write("\n")
    say(f"\nwritten to {os.path.relpath(results_dir, ROOT)}/results.md and results.json")
    failed = any(entry.get("agrees") == "NO" or not entry["ok"]
                 for result in results for entry in result["tools"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
