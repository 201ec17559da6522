#!/usr/bin/env bash
# Time `mlink article` on a 1 MB article (release build): the target is under 0.2 s for the
# whole command — reading the article, finding its claims, dates and events, checking every
# claim against the price fixtures and writing the report.
#
#   bench/article.sh [--repeat N] [--size BYTES] [--no-build] [--mlink PATH]
#
# The article is generated (bench/out/article-<BYTES>.txt and .html): the politics fixture's
# byline, then its paragraphs repeated until the file holds BYTES bytes (default 1 MiB), so
# that it has the fixture's density of claims (two a screen), dated events and abbreviations;
# the HTML variant wraps each paragraph in <p> with a <nav> and a <script> per 20 paragraphs.
# Wall time is measured around each run with Python's perf_counter, CPU time (user + system, all
# threads) from getrusage; the median of --repeat runs (default 7) is reported, after one
# warm-up run, with the load average (on a shared machine wall time includes waiting for a core).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
repeat=7 size=1048576 build=1
mlink="$BENCH/.build-release/release/mlink"

while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --mlink) mlink=$2; build=0; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "article.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done

if [ "$build" = 1 ]; then
  echo "building MarketLink: swift build -c release --scratch-path bench/.build-release"
  (cd "$ROOT" && swift build -c release --scratch-path bench/.build-release --product mlink)
fi
[ -x "$mlink" ] || { echo "article.sh: $mlink not found" >&2; exit 1; }

mkdir -p "$BENCH/out"
python3 - "$ROOT" "$BENCH/out" "$size" "$mlink" "$repeat" <<'EOF'
import html, os, resource, statistics, subprocess, sys, time

root, out, size, mlink, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
source = open(os.path.join(root, "fixtures/articles/us-china-politics.txt"), encoding="utf-8").read()
paragraphs = [p for p in source.split("\n\n") if p.strip()]
head, body = paragraphs[:2], paragraphs[2:]

text_path = os.path.join(out, f"article-{size}.txt")
html_path = os.path.join(out, f"article-{size}.html")
text = "\n\n".join(head) + "\n\n"
chunks = []
while len(text.encode()) < size:
    for p in body:
        text += p + "\n\n"
        chunks.append(p)
        if len(text.encode()) >= size:
            break
open(text_path, "w", encoding="utf-8").write(text)
page = ["<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body>",
        "<p>" + html.escape(head[0]) + "</p>", "<p>" + html.escape(head[1]) + "</p>"]
for k, p in enumerate(chunks):
    if k % 20 == 0:
        page.append("<nav><a href=/>Home</a> | Dow 33,727.43</nav><script>var x = '<p>The Dow rose 9%</p>';</script>")
    page.append("<p>" + html.escape(p).replace("&#x27;", "&#8217;") + "</p>")
page.append("</body></html>")
open(html_path, "w", encoding="utf-8").write("\n".join(page))

series = ["DJIA=" + os.path.join(root, "fixtures/djia.csv"), "SHCOMP=" + os.path.join(root, "fixtures/sse.csv")]

def run(path, fmt):
    """Wall time, and CPU time (user + system, both threads) of one run."""
    command = [mlink, "article", path, *series, "--format", fmt]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"article.sh: {' '.join(command)} exited {result.returncode}: {result.stderr.decode()[:300]}")
    return wall, cpu, result.stdout

failed = False
for path, fmt in [(text_path, "json"), (text_path, "table"), (html_path, "json")]:
    run(path, fmt)  # warm-up: the binary and the files in the page cache
    walls, cpus, output = [], [], b""
    for _ in range(repeat):
        wall, cpu, output = run(path, fmt)
        walls.append(wall)
        cpus.append(cpu)
    median = statistics.median(walls)
    claims = output.count(b'"index_text"') if fmt == "json" else output.count(b"\nclaim ")
    mb = os.path.getsize(path) / 1e6
    verdict = "ok" if median < 0.2 else "OVER 0.2 s"
    failed |= median >= 0.2
    print(f"mlink article {os.path.basename(path)} ({mb:.2f} MB, {claims} claims) --format {fmt}: "
          f"median of {repeat} {median * 1000:.0f} ms wall (min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f}), "
          f"{statistics.median(cpus) * 1000:.0f} ms CPU — {verdict}")
print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (wall time is only meaningful near 0)")
sys.exit(1 if failed else 0)
EOF
