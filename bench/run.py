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

The jobs of issue 12 are subcommands (each with --help; bench/README.md has the details):

    python3 bench/run.py study    mlink study --benchmark beside the numpy and loop peers
    python3 bench/run.py scale    mlink changes at x0.25, 1, 4, 10; memory per price row
    python3 bench/run.py wide     mlink inspect on a 60,000-column wide file
    python3 bench/run.py events   mlink events list / add on 1,000,000 events
    python3 bench/run.py report   mlink report on the x4 panel
    python3 bench/run.py all      all five, one results file
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
    probe = [VENV_PYTHON, "-c", "import pandas, polars, duckdb, pyarrow, scipy"]
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
                os.path.exists(os.path.join(directory, name)) for name in ("panel.csv", "events.csv", "index.csv")):
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


def measure(command: list[str], stdout: str | None = None, timeout: float | None = None) -> dict:
    """Run `command` under GNU time; return wall seconds, peak RSS in MB and the 1-minute load
    average just before the run ("ok" False on failure or after `timeout` seconds).

    Standard output goes to the file `stdout` (or /dev/null when it is "null"), else is kept
    (up to its last 2,000 characters) as "stdout".
    """
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, \
            tempfile.TemporaryFile("w+") as captured_err:
        if stdout == "null":
            sink = open(os.devnull, "w")
        elif stdout:
            sink = open(stdout, "w")
        else:
            sink = tempfile.TemporaryFile("w+")
        with sink:
            # A session of its own, so that a timeout ends the tool as well as GNU time.
            process = subprocess.Popen([TIME, "-f", "%e %M", "-o", report.name, *command], stdout=sink,
                                       stderr=captured_err, text=True, start_new_session=True)
            try:
                status = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
                process.wait()
                return {"ok": False, "error": f"stopped after {timeout:g} s", "status": None,
                        "timed_out": True, "load": load}
            captured_out = ""
            if not stdout:
                sink.seek(0)
                captured_out = sink.read()[-2000:]
        captured_err.seek(0)
        error = captured_err.read()
        lines = report.read().strip().splitlines()
        fields = lines[-1].split() if status == 0 and lines else []
    if status != 0 or len(fields) != 2:
        return {"ok": False, "error": (error or captured_out).strip()[-2000:], "status": status,
                "load": load}
    return {"ok": True, "wall": float(fields[0]), "rss_mb": int(fields[1]) / 1024.0, "load": load,
            "stdout": captured_out, "stderr": error.strip()[-2000:]}


TOLERANCE = {"rtol": "1e-9", "atol": "0"}


def compare(reference: str, candidate: str) -> dict:
    result = subprocess.run([sys.executable, os.path.join(BENCH, "compare.py"), reference, candidate,
                             "--rtol", TOLERANCE["rtol"], "--atol", TOLERANCE["atol"]],
                            capture_output=True, text=True)
    report = (result.stdout + result.stderr).strip()
    return {"agree": result.returncode == 0, "report": report}


def load_range(runs: list[dict]) -> str:
    """The 1-minute load averages at the start of `runs`, as "0.8" or "0.8–1.3"."""
    loads = [run["load"] for run in runs if run.get("load") is not None]
    if not loads:
        return ""
    low, high = min(loads), max(loads)
    return f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}–{high:.1f}"


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
            # The run before left gigabytes of output not yet on disk at ×10: written back (and
            # its removal finished) now, not during this run, which would pay for it.
            os.sync()
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
            "load": load_range(runs[tool]),
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
        code = ("import sys, pandas, polars, duckdb, pyarrow, numpy, scipy; print(sys.version.split()[0], "
                "pandas.__version__, polars.__version__, duckdb.__version__, pyarrow.__version__, "
                "numpy.__version__, scipy.__version__)")
        parts = output([VENV_PYTHON, "-c", code]).split()
        if len(parts) == 7:
            versions = dict(zip(["python", "pandas", "polars", "duckdb", "pyarrow", "numpy", "scipy"], parts))
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
        f"| tool | wall s | peak MB | time {ratio} | memory {ratio} | ok rows | same rows as {NAMES.get(reference, '-')} | load |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for tool, entry in tools.items():
        if entry["wall"] is None:
            lines.append(f"| {NAMES[tool]} | failed | | | | | | {entry.get('load', '')} |")
            continue
        time_ratio = f"{entry['wall'] / base['wall']:.2f}" if base and base["wall"] else ""
        memory_ratio = f"{entry['rss_mb'] / base['rss_mb']:.2f}" if base and base["rss_mb"] else ""
        rows = f"{entry['ok_rows']:,}" if "ok_rows" in entry else ""
        lines.append(f"| {NAMES[tool]} | {entry['wall']:.2f} | {entry['rss_mb']:.0f} | {time_ratio} | "
                     f"{memory_ratio} | {rows} | {entry.get('agrees', '')} | {entry.get('load', '')} |")
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


# MARK: - Jobs beyond the change table (issue 12): study, scale, wide, events, report

STUDY_DESIGN = ["--estimation", "-250:-11", "--window", "-1:1"]
STUDY_NAMES = {"mlink": "MarketLink", "numpy": "numpy, prefix sums", "loop": "loop over events"}
MB = 1024 * 1024  # GNU time reports KiB; every "MB" here is 2^20 bytes
BASE_MB = 64  # the memory rule of issue 12: peak <= 64 MB + 24 bytes per price row
BYTES_PER_ROW = 24


def memory_target_mb(rows: int) -> float:
    return BASE_MB + BYTES_PER_ROW * rows / MB


def bytes_per_row(rss_mb: float, rows: int) -> float:
    return (rss_mb - BASE_MB) * MB / rows


def summarise(runs: list[dict]) -> dict:
    good = [run for run in runs if run["ok"]]
    return {
        "runs": runs,
        "ok": bool(runs) and len(good) == len(runs),
        "wall": statistics.median(run["wall"] for run in good) if good else None,
        "rss_mb": statistics.median(run["rss_mb"] for run in good) if good else None,
        "load": load_range(runs),
        "error": next((run.get("error", "") for run in runs if not run["ok"]), ""),
    }


def first_line(text: str) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[0][:160] if lines else ""


def ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}" if value and base else ""


def meets(ok: bool) -> str:
    return "meets" if ok else "misses"


# MARK: Study


def study_command(tool: str, events: str, panel: str, index: str, output: str, sample: int,
                  timing: str) -> list[str]:
    if tool == "mlink":
        return [MLINK, "study", "--events", events, panel, "--benchmark", index, "--model",
                "market-model", *STUDY_DESIGN, "--format", "csv", "-o", output]
    script = os.path.join(BENCH, "peers", f"study_{tool}.py")
    command = [VENV_PYTHON, script, "--events", events, panel, "--benchmark", index, *STUDY_DESIGN,
               "-o", output]
    if tool == "loop":
        command += ["--sample", str(sample), "--timing", timing]
    return command


def compare_study(reference: str, candidate: str, subset: bool) -> dict:
    command = [sys.executable, os.path.join(BENCH, "compare_study.py"), reference, candidate]
    result = subprocess.run(command + (["--subset"] if subset else []), capture_output=True, text=True)
    return {"agree": result.returncode == 0, "report": (result.stdout + result.stderr).strip()}


def study_rows(path: str) -> tuple[int, int]:
    import csv
    rows = ok = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        status = next(reader).index("status")
        for row in reader:
            rows += 1
            ok += row[status] == "ok"
    return rows, ok


def study_probe(tools: list[str], out: str) -> tuple[list[str], bool]:
    """Run the study tools on the small panel of `generate.py study-probe`, which reaches every
    status (zero variance, a constant benchmark, too few returns, ...), and compare each with
    MarketLink (explanations included). Returns the lines to report and whether all agree."""
    directory = os.path.join(out, "study-probe")
    if not os.path.exists(os.path.join(directory, "events.csv")):
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), "study-probe", "--out", directory],
                       check=True)
    events, panel, index = (os.path.join(directory, name) for name in ("events.csv", "panel.csv", "index.csv"))
    outputs = {}
    lines = []
    for tool in tools:
        output = os.path.join(directory, f"{tool}.csv")
        if os.path.exists(output):
            os.remove(output)
        command = study_command(tool, events, panel, index, output, 10**6, os.path.join(directory, "timing.json"))
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0 or not os.path.exists(output):
            lines.append(f"{STUDY_NAMES[tool]} failed on the probe panel: {first_line(result.stderr)}")
            continue
        outputs[tool] = output
    agree = len(outputs) == len(tools)
    reference = "mlink" if "mlink" in outputs else next(iter(outputs), None)
    for tool in outputs:
        if tool == reference:
            continue
        check = subprocess.run([sys.executable, os.path.join(BENCH, "compare_study.py"), outputs[reference],
                                outputs[tool], "--explanations"], capture_output=True, text=True)
        report = (check.stdout + check.stderr).strip()
        statuses = next((line.split(" rows ", 1)[1] for line in report.splitlines() if line.startswith("reference")), "")
        if check.returncode == 0:
            lines.append(f"On the probe panel (`generate.py study-probe`; {statuses.strip(' ()')}), "
                         f"{STUDY_NAMES[tool]} agrees with {STUDY_NAMES[reference]} on every row, explanations included.")
        else:
            agree = False
            lines.append(f"On the probe panel, {STUDY_NAMES[tool]} DIFFERS from {STUDY_NAMES[reference]}:")
            lines += ["", "```", report, "```"]
    return lines, agree


def job_study(args, out: str) -> dict:
    scale = args.scales[0] if args.scales else 1.0
    tools = args.study_tools
    data = os.path.join(out, f"data-s{scale_label(scale)}-seed{args.seed}")
    meta = generate(data, scale, args.seed)
    events, panel, index = (os.path.join(data, name) for name in ("events.csv", "panel.csv", "index.csv"))
    tables = os.path.join(out, "tables", f"study-s{scale_label(scale)}")
    os.makedirs(tables, exist_ok=True)
    warm([panel, events, index])
    sample = min(args.loop_sample, meta["events"])
    probe_lines, probe_agrees = study_probe(tools, out)
    for line in probe_lines:
        say(line)
    say(f"\nstudy, scale {scale_label(scale)}: {meta['panel_rows']:,} panel rows, {meta['events']:,} events, "
        f"benchmark index.csv; {args.repeat} run(s) per tool (the loop on {sample} events)")
    outputs = {tool: os.path.join(tables, f"{tool}.csv") for tool in tools}
    timing = os.path.join(tables, "loop-timing.json")
    runs: dict[str, list[dict]] = {tool: [] for tool in tools}
    for number in range(1, args.repeat + 1):
        for tool in tools:
            if os.path.exists(outputs[tool]):
                os.remove(outputs[tool])
            # The previous run's output (164 MB at scale 1) is written back now, not during this run.
            os.sync()
            run = measure(study_command(tool, events, panel, index, outputs[tool], sample, timing))
            if run["ok"] and tool == "loop":
                with open(timing, encoding="utf-8") as handle:
                    phases = json.load(handle)
                factor = meta["events"] / phases["events"]
                run["phases"] = phases
                run["measured_wall"] = run["wall"]
                # One-off costs once; the loop and the writing grow with the events.
                run["wall"] = run["wall"] - phases["loop"] - phases["write"] + factor * (phases["loop"] + phases["write"])
            runs[tool].append(run)
            if run["ok"]:
                extra = f" (extrapolated from {run['measured_wall']:.2f} s)" if "measured_wall" in run else ""
                say(f"  run {number} {STUDY_NAMES[tool]:<18} {run['wall']:7.2f} s{extra} {run['rss_mb']:8.0f} MB "
                    f"load {run['load']:.2f}")
            else:
                say(f"  run {number} {STUDY_NAMES[tool]:<18} failed (status {run['status']}):\n{run['error']}")
    summary = {tool: summarise(runs[tool]) for tool in tools}
    produced = [tool for tool in tools if summary[tool]["ok"] and os.path.exists(outputs[tool])]
    reference = next((tool for tool in ("mlink", "numpy", "loop") if tool in produced), None)
    for tool in produced:
        summary[tool]["rows"], summary[tool]["ok_rows"] = study_rows(outputs[tool])
        if tool == reference:
            summary[tool]["agrees"] = "reference"
            continue
        check = compare_study(outputs[reference], outputs[tool], subset=(tool == "loop"))
        summary[tool]["agrees"] = "yes" if check["agree"] else "NO"
        summary[tool]["compare_report"] = check["report"]
        say(f"\n{STUDY_NAMES[tool]} against {STUDY_NAMES[reference]}:\n{check['report']}")
    if not args.keep_outputs:
        for tool in produced:
            os.remove(outputs[tool])

    base = summary.get("numpy") if summary.get("numpy", {}).get("wall") else None
    lines = [
        f"### Study workload, scale {scale_label(scale)}",
        "",
        f"{meta['panel_rows']:,} panel rows, {meta['symbols']} symbols, {meta['events']:,} events, benchmark "
        f"`index.csv` ({meta.get('index_rows', 0):,} closes): `mlink study --events EVENTS PANEL --benchmark INDEX "
        f"--model market-model --estimation -250:-11 --window -1:1 --format csv -o OUT.csv`; median of "
        f"{args.repeat} run(s). Rows compared with compare_study.py (CAR and AR within 1e-9 absolute, SE, t and "
        f"the rest within 1e-6 relative, statuses and counts equal).",
        "",
        f"| tool | wall s | peak MB | time × numpy | memory × numpy | rows | ok rows | same rows as "
        f"{STUDY_NAMES.get(reference, '-')} | load |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for tool in tools:
        entry = summary[tool]
        name = STUDY_NAMES[tool]
        if tool == "loop":
            name += f" ({sample} of {meta['events']:,} events, time extrapolated)"
        if entry["wall"] is None:
            lines.append(f"| {name} | failed: {first_line(entry['error'])} | | | | | | | {entry['load']} |")
            continue
        lines.append(
            f"| {name} | {entry['wall']:.2f} | {entry['rss_mb']:.0f} | {ratio(entry['wall'], base and base['wall'])} | "
            f"{ratio(entry['rss_mb'], base and base['rss_mb'])} | {entry.get('rows', 0):,} | "
            f"{entry.get('ok_rows', 0):,} | {entry.get('agrees', '')} | {entry['load']} |")
    loop_runs = [run for run in summary.get("loop", {}).get("runs", []) if run["ok"]]
    if loop_runs:
        run = sorted(loop_runs, key=lambda run: run["wall"])[(len(loop_runs) - 1) // 2]  # the median's run
        phases = run["phases"]
        lines += ["", f"The loop's time is extrapolated: one run on {phases['events']} events took "
                      f"{run['measured_wall']:.2f} s (reading {phases['load']:.2f} s, loop {phases['loop']:.2f} s, "
                      f"writing {phases['write']:.2f} s); wall − loop − writing + (loop + writing) × "
                      f"{meta['events']:,}/{phases['events']} = {run['wall']:.1f} s. Its peak memory is the sample's."]
    mlink_entry = summary.get("mlink")
    if mlink_entry and mlink_entry["wall"] and base:
        share = mlink_entry["wall"] / base["wall"]
        lines += ["", f"Targets of issue 12: MarketLink's time ≤ 0.20 × numpy's: {share:.2f} ({meets(share <= 0.2)}); "
                      f"peak ≤ 300 MB: {mlink_entry['rss_mb']:.0f} MB ({meets(mlink_entry['rss_mb'] <= 300)}); every "
                      f"row equal to numpy's: {summary['numpy'].get('agrees', '')}."]
    lines += [""] + [line for line in probe_lines]
    failed = not probe_agrees or any(not entry["ok"] or entry.get("agrees") == "NO" for entry in summary.values())
    return {"job": "study", "scale": scale, "meta": meta, "tools": summary, "probe_agrees": probe_agrees,
            "lines": lines, "failed": failed}


# MARK: Scale


def job_scale(args, out: str) -> dict:
    scales = args.scales or [0.25, 1.0, 4.0, 10.0]
    results = []
    for scale in scales:
        tools = ["mlink"] + ([args.peer] if args.peer and scale <= args.peer_max_scale else [])
        results.append(run_scale(scale, tools, args.repeat, args.seed, out, args.keep_outputs))
    unit = next((result for result in results if result["scale"] == 1.0), None)
    unit_wall = unit["tools"]["mlink"]["wall"] if unit else None
    unit_rows = unit["meta"]["panel_rows"] if unit else None
    peer = NAMES.get(args.peer, args.peer or "")
    lines = [
        "### `changes` at scale",
        "",
        f"`mlink changes --events EVENTS PANEL --window -1:1 --window 0:0 --window 0:5 --window -5:5 -o OUT.csv`; "
        f"--scale multiplies the symbols (the calendar and the 1,000 events stay); median of {args.repeat} run(s)"
        + (f"; {peer} up to ×{scale_label(args.peer_max_scale)}." if args.peer else ".")
        + f" Memory per price row = (peak − {BASE_MB} MB) / panel rows, against the {BYTES_PER_ROW} bytes of issue 12; "
          f"MB = 2^20 bytes.",
        "",
        "| scale | panel rows | MarketLink s | MarketLink MB | bytes per row | memory target MB | memory | "
        "time ÷ time at ×1 | rows ÷ rows at ×1 |" + (f" {peer} s | {peer} MB | {peer} ÷ MarketLink | same rows |" if args.peer else "")
        + " load |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|" + ("---:|---:|---:|---|" if args.peer else "") + "---|",
    ]
    failed = False
    for result in results:
        rows = result["meta"]["panel_rows"]
        entry = result["tools"]["mlink"]
        loads = [entry.get("load", "")]
        if entry["wall"] is None:
            failed = True
            cells = ["failed", "", "", f"{memory_target_mb(rows):.0f}", "", "", ""]
        else:
            cells = [f"{entry['wall']:.2f}", f"{entry['rss_mb']:.0f}", f"{bytes_per_row(entry['rss_mb'], rows):.1f}",
                     f"{memory_target_mb(rows):.0f}", meets(entry["rss_mb"] <= memory_target_mb(rows)),
                     ratio(entry["wall"], unit_wall), ratio(rows, unit_rows)]
        if args.peer:
            other = result["tools"].get(args.peer)
            if other and other["wall"]:
                cells += [f"{other['wall']:.2f}", f"{other['rss_mb']:.0f}", ratio(other["wall"], entry["wall"]),
                          other.get("agrees", "")]
                loads.append(other.get("load", ""))
            else:
                cells += ["", "", "", ""]
        failed = failed or any(tool.get("agrees") == "NO" or not tool["ok"] for tool in result["tools"].values())
        lines.append(f"| ×{scale_label(result['scale'])} | {rows:,} | " + " | ".join(cells) + " | "
                     + " / ".join(load for load in loads if load) + " |")
    return {"job": "scale", "results": results, "lines": lines, "failed": failed}


# MARK: Wide file


def job_wide(args, out: str) -> dict:
    lines = [
        "### A wide file: `mlink inspect`",
        "",
        f"`mlink inspect WIDE.csv` on generated wide files (a Date column, then value columns, one row per weekday, "
        f"0.4% of cells empty; `generate.py wide`); median of {args.repeat} run(s). A value is a price row of its "
        f"series, so the memory rule is {BASE_MB} MB + {BYTES_PER_ROW} bytes per value.",
        "",
        "| value columns | rows | size MB | wall s | peak MB | memory target MB | memory | MB/s | outcome | load |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---|---|",
    ]
    entries = []
    failed = False
    for columns in args.columns:
        directory = os.path.join(out, f"wide-seed{args.seed}")
        path = os.path.join(directory, f"wide-{columns}x{args.rows}.csv")
        if not os.path.exists(path):
            say(f"generating {os.path.relpath(path, ROOT)}")
            subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), "wide", "--columns", str(columns),
                            "--rows", str(args.rows), "--seed", str(args.seed), "--out", directory], check=True)
        warm([path])
        size = os.path.getsize(path)
        say(f"\nwide file {columns:,} columns × {args.rows} rows ({size / 1e6:.1f} MB); {args.repeat} run(s)")
        runs = []
        listing = os.path.join(out, "tables", "wide-inspect.txt")
        os.makedirs(os.path.dirname(listing), exist_ok=True)
        for number in range(1, args.repeat + 1):
            run = measure([MLINK, "inspect", path], stdout=listing)
            if run["ok"]:
                run["series"] = inspected_series(listing)
            runs.append(run)
            say(f"  run {number} " + (f"{run['wall']:7.2f} s {run['rss_mb']:8.0f} MB load {run['load']:.2f}"
                                      if run["ok"] else f"failed (status {run['status']}): {first_line(run['error'])}"))
        entry = summarise(runs)
        values = columns * args.rows  # about: 0.4% of them are empty
        outcome = "loaded" if entry["ok"] else f"refused: {first_line(entry['error'])}"
        if entry["ok"]:
            series = runs[-1].get("series")
            outcome += f", {series:,} series" if series is not None else ", series count not found in the output"
            failed = failed or series != columns
        else:
            failed = True
        entry.update(columns=columns, rows=args.rows, bytes=size, outcome=outcome)
        entries.append(entry)
        if entry["wall"] is None:
            lines.append(f"| {columns:,} | {args.rows} | {size / 1e6:.1f} | | | {memory_target_mb(values):.0f} | | | "
                         f"{outcome} | {entry['load']} |")
        else:
            lines.append(f"| {columns:,} | {args.rows} | {size / 1e6:.1f} | {entry['wall']:.2f} | {entry['rss_mb']:.0f} | "
                         f"{memory_target_mb(values):.0f} | {meets(entry['rss_mb'] <= memory_target_mb(values))} | "
                         f"{size / 1e6 / entry['wall']:.0f} | {outcome} | {entry['load']} |")
    listing = os.path.join(out, "tables", "wide-inspect.txt")
    if os.path.exists(listing) and not args.keep_outputs:
        os.remove(listing)
    lines += ["", "Target of issue 12: the 100 MB file (60,000 columns) in under 3 s within the memory rule."]
    return {"job": "wide", "entries": entries, "lines": lines, "failed": failed}


def inspected_series(path: str) -> int | None:
    """The count on `mlink inspect`'s "series N" line."""
    import re
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            match = re.match(r"\s+series\s+([\d,]+)\s*$", line)
            if match:
                return int(match.group(1).replace(",", ""))
    return None


# MARK: Events file


def job_events(args, out: str) -> dict:
    rows = args.event_rows
    directory = os.path.join(out, f"events-seed{args.seed}")
    path = os.path.join(directory, f"events-{rows}.csv")
    if not os.path.exists(path):
        say(f"generating {os.path.relpath(path, ROOT)}")
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), "events", "--rows", str(rows),
                        "--seed", str(args.seed), "--out", directory], check=True)
    warm([path])
    size = os.path.getsize(path)
    work = os.path.join(out, "tables", "events")
    os.makedirs(work, exist_ok=True)
    listed = os.path.join(work, "list.csv")
    copy = os.path.join(work, "events-copy.csv")
    say(f"\nevents file {rows:,} rows ({size / 1e6:.1f} MB); {args.repeat} run(s) per job")
    jobs = {
        "list-csv": ("`events list EVENTS -o list.csv`", [MLINK, "events", "list", path, "-o", listed], None),
        "list-table": ("`events list EVENTS` (table, standard output to /dev/null)", [MLINK, "events", "list", path], "null"),
        "list-filter": ("`events list EVENTS --tag sanctions --from 2010-01-01 --to 2014-12-31` (table, to /dev/null)",
                        [MLINK, "events", "list", path, "--tag", "sanctions", "--from", "2010-01-01", "--to", "2014-12-31"], "null"),
        "add": ("`events add COPY --date 2024-06-03 --title ... --tag benchmark` (a fresh copy each run)",
                [MLINK, "events", "add", copy, "--date", "2024-06-03", "--title", "Benchmark event, added by run.py",
                 "--tag", "benchmark"], "null"),
    }
    runs: dict[str, list[dict]] = {job: [] for job in jobs}
    checks: list[str] = []
    for number in range(1, args.repeat + 1):
        for job, (label, command, stdout) in jobs.items():
            if job == "add":
                shutil.copyfile(path, copy)
                warm([copy])
            if job == "list-csv" and os.path.exists(listed):
                os.remove(listed)
            run = measure(command, stdout=stdout)
            if run["ok"] and job == "add":
                problem = check_added(path, copy, rows)
                if problem:
                    run.update(ok=False, error=problem)
                    checks.append(problem)
            if run["ok"] and job == "list-csv":
                with open(listed, "rb") as handle:
                    listed_rows = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b"")) - 1
                if listed_rows < rows:  # titles hold no line breaks, so one line per event
                    run.update(ok=False, error=f"the list has {listed_rows:,} rows, not {rows:,}")
                    checks.append(run["error"])
            runs[job].append(run)
            say(f"  run {number} {job:<10} " + (f"{run['wall']:7.2f} s {run['rss_mb']:8.0f} MB load {run['load']:.2f}"
                                                if run["ok"] else f"failed: {first_line(run['error'])}"))
    for name in (listed, copy):
        if os.path.exists(name) and not args.keep_outputs:
            os.remove(name)
    summary = {job: summarise(runs[job]) for job in jobs}
    lines = [
        f"### {rows:,} events",
        "",
        f"A generated events file of {rows:,} rows ({size / 1e6:.1f} MB, `generate.py events`: id,date,title,tags, "
        f"dates repeating, quoted titles); median of {args.repeat} run(s). After each `add` the copy is checked: "
        f"every old byte kept, one row more, id {rows + 1:,}.",
        "",
        "| job | wall s | peak MB | target | outcome | load |",
        "|---|---:|---:|---|---|---|",
    ]
    for job, (label, _, _) in jobs.items():
        entry = summary[job]
        target = "< 2 s" if job in ("list-csv", "list-filter", "add") else ""
        if entry["wall"] is None:
            lines.append(f"| {label} | | | {target} | failed: {first_line(entry['error'])} | {entry['load']} |")
        else:
            outcome = meets(entry["wall"] < 2) if target else ""
            lines.append(f"| {label} | {entry['wall']:.2f} | {entry['rss_mb']:.0f} | {target} | {outcome} | {entry['load']} |")
    failed = any(not entry["ok"] for entry in summary.values())
    return {"job": "events", "rows": rows, "bytes": size, "tools": summary, "lines": lines, "failed": failed}


def check_added(original: str, copy: str, rows: int) -> str | None:
    """None when `copy` is `original` with one event appended with id rows + 1, else what is wrong."""
    import hashlib
    size = os.path.getsize(original)

    def digest(path: str, limit: int) -> str:
        hasher = hashlib.sha256()
        with open(path, "rb") as handle:
            left = limit
            while left > 0:
                chunk = handle.read(min(left, 1 << 24))
                if not chunk:
                    break
                hasher.update(chunk)
                left -= len(chunk)
        return hasher.hexdigest()

    if os.path.getsize(copy) <= size or digest(copy, size) != digest(original, size):
        return "events add did not keep the file's bytes and append to it"
    with open(copy, "rb") as handle:
        handle.seek(size)
        added = handle.read().decode("utf-8")
    if added.count("\n") != 1 or not added.startswith(f"{rows + 1},"):
        return f"events add appended {added[:120]!r}, not one row with id {rows + 1}"
    return None


# MARK: Report


def job_report(args, out: str) -> dict:
    scale = args.scales[0] if args.scales else 4.0
    data = os.path.join(out, f"data-s{scale_label(scale)}-seed{args.seed}")
    meta = generate(data, scale, args.seed)
    events, panel, index = (os.path.join(data, name) for name in ("events.csv", "panel.csv", "index.csv"))
    work = os.path.join(out, "tables", f"report-s{scale_label(scale)}")
    os.makedirs(work, exist_ok=True)
    html = os.path.join(work, "report.html")
    command = [MLINK, "report", "--events", events, panel] + (["--benchmark", index] if args.report_benchmark else []) \
        + ["-o", html]
    warm([panel, events])
    available = 0.0
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    available = int(line.split()[1]) / 1024 / 1024
    except (OSError, ValueError):
        pass
    say(f"\nreport, scale {scale_label(scale)}: {meta['panel_rows']:,} panel rows; {args.repeat} run(s), "
        f"each stopped after {args.timeout:g} s; {available:.1f} GiB of memory available")
    if available < 2:
        say("warning: the report on the x4 panel peaked at about 0.5 GB on 2026-12-04; with less than 2 GiB free it may be killed")
    runs = []
    for number in range(1, args.repeat + 1):
        if os.path.exists(html):
            os.remove(html)
        run = measure(command, stdout="null", timeout=args.timeout)
        if run["ok"]:
            run["html_bytes"] = os.path.getsize(html) if os.path.exists(html) else None
        runs.append(run)
        say(f"  run {number} " + (f"{run['wall']:7.2f} s {run['rss_mb']:8.0f} MB, HTML "
                                  f"{(run['html_bytes'] or 0) / 1e6:.1f} MB, load {run['load']:.2f}"
                                  if run["ok"] else f"failed: {first_line(run['error'])}"))
    if os.path.exists(html) and not args.keep_outputs:
        os.remove(html)
    entry = summarise(runs)
    sizes = [run["html_bytes"] for run in runs if run["ok"] and run.get("html_bytes") is not None]
    entry["html_bytes"] = statistics.median(sizes) if sizes else None
    shown = " ".join(os.path.basename(part) if os.path.isabs(part) else part for part in command[1:])
    lines = [
        f"### `report` at scale {scale_label(scale)}",
        "",
        f"`mlink {shown}` on the ×{scale_label(scale)} panel ({meta['panel_rows']:,} rows, {meta['symbols']:,} symbols, "
        f"{meta['events']:,} events); median of {args.repeat} run(s), each stopped after {args.timeout:g} s.",
        "",
        "| panel rows | wall s | peak MB | HTML MB | targets: < 30 s, HTML < 5 MB | load |",
        "|---:|---:|---:|---:|---|---|",
    ]
    if entry["wall"] is None:
        lines.append(f"| {meta['panel_rows']:,} | | | | failed: {first_line(entry['error'])} | {entry['load']} |")
    else:
        size_mb = (entry["html_bytes"] or 0) / 1e6
        lines.append(f"| {meta['panel_rows']:,} | {entry['wall']:.1f} | {entry['rss_mb']:.0f} | {size_mb:.1f} | "
                     f"time {meets(entry['wall'] < 30)}, size {meets(size_mb < 5)} | {entry['load']} |")
    return {"job": "report", "scale": scale, "meta": meta, "result": entry, "lines": lines, "failed": not entry["ok"]}


JOBS = {"study": job_study, "scale": job_scale, "wide": job_wide, "events": job_events, "report": job_report}


# MARK: - Main


SUBCOMMANDS = ["changes", "study", "scale", "wide", "events", "report", "all"]
ALL = ["study", "scale", "wide", "events", "report"]
DEFAULT_REPEAT = {"report": 1}


def parse(argv: list[str]) -> tuple[str, argparse.Namespace]:
    command = argv.pop(0) if argv and argv[0] in SUBCOMMANDS else "changes"
    parser = argparse.ArgumentParser(
        prog=f"run.py {command}" if command != "changes" else "run.py",
        description=__doc__.split("\n\n")[0] if command == "changes" else JOB_HELP[command])
    parser.add_argument("--scale", default=None,
                        help="comma-separated row multipliers (changes 0.25,1,4; study 1; scale "
                             "0.25,1,4,10; report 4); with `all`, for the scale runs only")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per tool and scale, the median reported (default 3; report 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-build", action="store_true",
                        help="use the existing bench/.build-release binary")
    parser.add_argument("--mlink", metavar="PATH",
                        help="run this mlink binary instead of building one (implies --no-build)")
    parser.add_argument("--keep-outputs", action="store_true",
                        help="keep every tool's output under bench/out/tables/")
    parser.add_argument("--out", default=os.path.join(BENCH, "out"))
    if command == "changes":
        parser.add_argument("--tools", default="mlink," + ",".join(PEERS),
                            help="comma-separated from mlink,pandas,polars,duckdb (default all)")
        parser.add_argument("--rtol", default="1e-9", help="compare.py's relative tolerance (1e-9)")
        parser.add_argument("--atol", default="0", help="compare.py's absolute tolerance (0)")
    if command in ("study", "all"):
        parser.add_argument("--study-tools", default="mlink,numpy,loop",
                            help="comma-separated from mlink,numpy,loop (default all)")
        parser.add_argument("--loop-sample", type=int, default=20,
                            help="events the loop peer runs on; its time is extrapolated (default 20)")
    if command in ("scale", "all"):
        parser.add_argument("--peer", default="polars", choices=[*PEERS, ""],
                            help="the peer run beside MarketLink (default polars; '' for none)")
        parser.add_argument("--peer-max-scale", type=float, default=4.0,
                            help="largest scale the peer runs at (default 4: polars needs ~12 GB at 10)")
    if command in ("wide", "all"):
        parser.add_argument("--columns", default="60000",
                            help="comma-separated value-column counts of the wide files (default 60000)")
        parser.add_argument("--rows", type=int, default=250, help="rows of the wide files (default 250)")
    if command in ("events", "all"):
        parser.add_argument("--event-rows", type=int, default=1_000_000,
                            help="rows of the events file (default 1000000)")
    if command in ("report", "all"):
        parser.add_argument("--timeout", type=float, default=900.0,
                            help="stop a report run after this many seconds (default 900)")
        parser.add_argument("--report-benchmark", action="store_true",
                            help="give the report the index as --benchmark (market model)")
    args = parser.parse_args(argv)
    try:
        args.scales = [float(part) for part in args.scale.split(",") if part] if args.scale else None
    except ValueError:
        parser.error(f"--scale {args.scale!r}: expected numbers separated by commas")
    if args.scales is not None and (not args.scales or min(args.scales) <= 0):
        parser.error("--scale needs positive numbers")
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if command == "changes":
        args.tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
        if not args.tools or any(tool not in ("mlink", *PEERS) for tool in args.tools):
            parser.error("bad --tools")
    if command in ("study", "all"):
        args.study_tools = [tool.strip() for tool in args.study_tools.split(",") if tool.strip()]
        if not args.study_tools or any(tool not in STUDY_NAMES for tool in args.study_tools):
            parser.error("bad --study-tools")
        if args.loop_sample < 1:
            parser.error("--loop-sample must be at least 1")
    if command in ("wide", "all"):
        try:
            args.columns = [int(part) for part in args.columns.split(",") if part]
        except ValueError:
            parser.error("--columns: expected integers separated by commas")
    return command, args


JOB_HELP = {
    "study": "The study workload: mlink study --benchmark against the numpy prefix-sum peer and the "
             "loop-over-events peer (extrapolated from a sample), rows compared with compare_study.py.",
    "scale": "mlink changes at scales 0.25, 1, 4 and 10 (and polars up to 4), memory per price row.",
    "wide": "mlink inspect on a generated wide file (60,000 value columns x 250 rows, about 100 MB).",
    "events": "mlink events list and events add on a generated 1,000,000-row events file.",
    "report": "mlink report on the x4 panel: time, memory and the size of the HTML.",
    "all": "study, scale, wide, events and report, one after the other, in one results file.",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    original = list(argv)
    command, args = parse(argv)
    out = os.path.abspath(args.out)
    if args.mlink:
        global MLINK
        MLINK = os.path.abspath(args.mlink)
        args.no_build = True
    os.makedirs(out, exist_ok=True)

    ensure_time()
    needs_venv = (command == "changes" and any(tool in PEERS for tool in args.tools)) or command in ("study", "scale", "all")
    if needs_venv:
        ensure_venv()
    skipped = None
    wants_mlink = command != "changes" or "mlink" in args.tools
    if wants_mlink:
        if not args.no_build:
            skipped = build_mlink()
        if skipped is None:
            skipped = probe_mlink(out)
        if skipped is not None and command == "changes":
            say(f"\nMarketLink left out: {skipped}\nRunning the peers only.\n")
            args.tools.remove("mlink")
        elif skipped is not None:
            say(f"\nMarketLink cannot run: {skipped}")
            return 1
    if command == "changes" and not args.tools:
        say("nothing to run")
        return 1

    info = machine()
    load = info["load_average"][0]
    say(f"{info['date']}: {info['cpu']}, {info['nproc']} CPUs, {info['memory']}; "
        f"load average {load:.2f}")
    if load > 0.5:
        say("warning: the machine is busy (load average above 0.5); timings will be noisy")

    header = [
        f"Command: `{('python3 bench/run.py ' + ' '.join(original)).strip()}`",
        "",
        f"Machine: {info['cpu']}, {info['nproc']} CPUs, {info['memory']} RAM, Linux {info['kernel']}; "
        f"{info['swift']}; commit {info['commit']}; {info['date']}; load average at start "
        f"{' '.join(f'{x:.2f}' for x in info['load_average'])}.",
        "Peers: " + ", ".join(f"{name} {version}" for name, version in info["versions"].items()) + ".",
        "Wall time and peak resident memory from `/usr/bin/time -f '%e %M'`, whole process; the load column is "
        "the 1-minute load average at the start of the runs (lowest–highest).",
    ]
    if skipped:
        header += ["", f"MarketLink was left out: {skipped.splitlines()[0]}"]
    elif args.mlink:
        header += ["", f"MarketLink binary: {MLINK} (given with --mlink, not built from commit {info['commit']})."]

    sections: list[dict] = []
    lines = list(header)
    failed = False
    if command == "changes":
        repeat = args.repeat or 3
        TOLERANCE.update(rtol=args.rtol, atol=args.atol)
        scales = args.scales or [0.25, 1.0, 4.0]
        results = [run_scale(scale, args.tools, repeat, args.seed, out, args.keep_outputs) for scale in scales]
        lines[4] += (f" Change tables compared with compare.py --rtol {TOLERANCE['rtol']} --atol {TOLERANCE['atol']}.")
        for result in results:
            lines += [""] + table(result, repeat)
        extra = growth(results)
        if extra:
            lines += [""] + extra
        sections.append({"job": "changes", "results": results})
        failed = any(entry.get("agrees") == "NO" or not entry["ok"]
                     for result in results for entry in result["tools"].values())
    else:
        for job in (ALL if command == "all" else [command]):
            job_args = argparse.Namespace(**vars(args))
            job_args.repeat = args.repeat or DEFAULT_REPEAT.get(job, 3)
            if command == "all" and job != "scale":
                job_args.scales = None
            section = JOBS[job](job_args, out)
            sections.append(section)
            lines += [""] + section["lines"]
            failed = failed or section["failed"]

    say("\n" + "\n".join(lines))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    results_dir = os.path.join(out, "results", stamp)
    os.makedirs(results_dir, exist_ok=True)
    with open(os.path.join(results_dir, "results.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    with open(os.path.join(results_dir, "results.json"), "w", encoding="utf-8") as handle:
        json.dump({"machine": info, "command": command, "argv": original, "skipped_mlink": skipped,
                   "sections": [{key: value for key, value in section.items() if key != "lines"}
                                for section in sections]}, handle, indent=2, default=str)
        handle.write("\n")
    say(f"\nwritten to {os.path.relpath(results_dir, ROOT)}/results.md and results.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
