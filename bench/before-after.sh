#!/usr/bin/env bash
# Two mlink builds side by side in one run, interleaved, on the ingestion cases of issue 12:
# `mlink changes` on the reference panel at x1 and x4, and `mlink inspect` on wide files of
# 60,000 and 100,001 value columns x 250 rows. Prints wall seconds and peak RSS (MB = 2^20
# bytes) from `/usr/bin/time -f '%e %M'`, one line per run.
#
#   bench/before-after.sh BEFORE_MLINK AFTER_MLINK [REPEAT]
#
# The data are the files bench/run.py makes (bench/out/data-s1-seed1, data-s4-seed1,
# wide-seed1); generate them first with bench/generate.py (see bench/README.md).
set -uo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
before=$1 after=$2 repeat=${3:-1}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
windows=(--window -1:1 --window 0:0 --window 0:5 --window -5:5)
run() {  # label binary args...
  local label=$1 bin=$2; shift 2
  local stats
  /usr/bin/time -o "$out/time" -f '%e %M' "$bin" "$@" > "$out/stdout" 2> "$out/stderr"
  stats=$(tail -1 "$out/time")
  local status=ok
  grep -q "error" "$out/stderr" && status="$(grep -m1 error "$out/stderr" | cut -c1-110)"
  printf '%-8s %-26s %8s s %6s MB  %s\n' "$label" "$case" "${stats% *}" "$(awk -v k="${stats#* }" 'BEGIN { printf "%.0f", k / 1024 }')" "$status"
}
for n in $(seq "$repeat"); do
  for s in 1 4; do
    d="$BENCH/out/data-s$s-seed1"
    cat "$d/panel.csv" > /dev/null
    case="changes x$s"
    run before "$before" changes --events "$d/events.csv" "$d/panel.csv" "${windows[@]}" -o "$out/b.csv"
    run after "$after" changes --events "$d/events.csv" "$d/panel.csv" "${windows[@]}" -o "$out/a.csv"
    cmp -s "$out/b.csv" "$out/a.csv" && echo "         same rows from both" || echo "         OUTPUTS DIFFER"
  done
  for c in 60000 100001; do
    f="$BENCH/out/wide-seed1/wide-${c}x250.csv"
    cat "$f" > /dev/null
    case="inspect wide $c x 250"
    run before "$before" inspect "$f"
    run after "$after" inspect "$f"
  done
done
