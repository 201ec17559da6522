#!/usr/bin/env bash
# Event imports: time `mlink events import gdelt` on 1,000,000 synthetic GDELT 2.0 rows (release
# build, its own --scratch-path) and report wall time and peak RSS.
#
#   bench/import.sh [--rows N] [--repeat N] [--seed N] [--no-build] [--mlink PATH]
#
# The rows are bench/out/gdelt-<rows>-seed<N>.tsv, written by bench/generate_gdelt.py when
# missing. Two imports each run: every row (no filter) and `--actor USA --actor CHN`, each into
# a new events file; then the first again into its own output (every event already present).
# Wall time, CPU time (user + system) and peak RSS come from `/usr/bin/time -f '%e %U %S %M'`; the
# median of --repeat runs is shown. On a shared machine the CPU time is the steadier number.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
rows=1000000 repeat=3 seed=1 build=1
mlink="$BENCH/.build-release/release/mlink"

while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --mlink) mlink=$2; build=0; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "import.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time is missing; installing Debian package 'time'"
  apt-get install -y time || { apt-get update && apt-get install -y time; }
fi
if [ "$build" = 1 ]; then
  echo "building MarketLink: swift build -c release --scratch-path bench/.build-release"
  (cd "$ROOT" && swift build -c release --scratch-path bench/.build-release)
fi
[ -x "$mlink" ] || { echo "import.sh: $mlink not found" >&2; exit 1; }

mkdir -p "$BENCH/out"
data="$BENCH/out/gdelt-$rows-seed$seed.tsv"
if [ ! -f "$data" ]; then
  echo "generating $data"
  python3 "$BENCH/generate_gdelt.py" --rows "$rows" --seed "$seed" --out "$data"
fi
bytes=$(stat -c %s "$data")
cat "$data" > /dev/null  # start from the page cache
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() {  # label, events file (removed first unless "keep"), then mlink arguments
  local label=$1 events=$2 keep=$3; shift 3
  local walls=() cpus=() rss=()
  for _ in $(seq 1 "$repeat"); do
    [ "$keep" = keep ] || rm -f "$events"
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$mlink" events import gdelt "$data" "$events" "$@" > "$work/report"
    read -r wall user system peak < "$work/time"
    walls+=("$wall") cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')") rss+=("$peak")
  done
  printf '%-34s %7s s wall %7s s cpu %6s MB   %s\n' "$label" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
    "$(( $(median "${rss[@]}") / 1024 ))" \
    "$(tail -1 "$work/report")"
  grep -E '^  (rows read|kept|events)' "$work/report" | sed 's/^/      /'
}

echo "$rows GDELT 2.0 rows, $(( bytes / 1048576 )) MB ($data); median of $repeat runs; load average $(cut -d' ' -f1 /proc/loadavg)"
measure "every row, new events file" "$work/all.csv" new
measure "--actor USA --actor CHN, new file" "$work/pair.csv" new --actor USA --actor CHN
measure "every row again (all present)" "$work/all.csv" keep
echo "events file: $(( $(stat -c %s "$work/all.csv") / 1048576 )) MB, $(( $(wc -l < "$work/all.csv") - 1 )) events"
