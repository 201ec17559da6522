#!/usr/bin/env bash
# Builds MarketLink's libFuzzer targets and runs each for a bounded time.
#
#   fuzz/run.sh                      build, then run every target for $FUZZ_SECONDS (default 45) s
#   fuzz/run.sh csv_tokenizer        only the named target(s)
#   FUZZ_SECONDS=600 fuzz/run.sh     fuzz longer (locally)
#   fuzz/run.sh --build              build only
#   fuzz/run.sh TARGET --replay FILE...  run inputs through TARGET once (reproduce a crash)
#
# Why a script and not SwiftPM: a SwiftPM executable target brings its own `main`, which clashes
# with libFuzzer's. So the library's sources (Sources/MarketLink/**/*.swift) are compiled once by
# swiftc into a static library with coverage instrumentation and AddressSanitizer
# (-sanitize=fuzzer,address), and each target in fuzz/targets/ — a file defining
# LLVMFuzzerTestOneInput — is linked against it with the shared checks in fuzz/support/.
#
# Everything built or found goes to fuzz/out/ (gitignored, apart from SwiftPM's .build):
#   fuzz/out/lib/        libMarketLink.a and its module
#   fuzz/out/bin/TARGET  the fuzzers
#   fuzz/out/corpus/TARGET   inputs libFuzzer found interesting this time (the committed seeds in
#                        fuzz/corpus/TARGET are read, never written)
#   fuzz/out/crashes/    crash-*, timeout-*, oom-* inputs, named per target
# A crash makes the script exit 1 after every target has run; turn the input into a regression
# test (its bytes in a test under Tests/MarketLinkTests/Hardening/) and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

ALL_TARGETS=(csv_tokenizer price_loader events_loader claim_reader article_reader)
OUT=fuzz/out
SECONDS_EACH="${FUZZ_SECONDS:-45}"
CORES="$(nproc 2>/dev/null || echo 1)"
# Targets run all at once by default: each still gets its SECONDS_EACH of wall time, sharing the
# cores; FUZZ_JOBS=N runs N at a time (N = cores gives each target a whole core, for long runs).
JOBS="${FUZZ_JOBS:-${#ALL_TARGETS[@]}}"
# -Onone by default: the instrumented library then compiles in about a quarter of the -O time
# (measured: 43 s against 186 s of CPU for the whole library), which is what a 60 s CI run can
# afford; FUZZ_OPT=-O for long local campaigns, where executions per second matter more.
OPT="${FUZZ_OPT:--Onone}"
FLAGS=(-sanitize=fuzzer,address -parse-as-library "$OPT" -enable-testing)

mode=run
targets=()
replay=()
while (($#)); do
    case "$1" in
        --build) mode=build ;;
        --replay) mode=replay; shift; replay=("$@"); break ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) targets+=("$1") ;;
    esac
    shift
done
((${#targets[@]})) || targets=("${ALL_TARGETS[@]}")
for target in "${targets[@]}"; do
    [[ -f "fuzz/targets/$target.swift" ]] || { echo "fuzz: no target $target (have: ${ALL_TARGETS[*]})" >&2; exit 64; }
done

mkdir -p "$OUT/lib" "$OUT/bin" "$OUT/crashes"

# MARK: Build
started=$(date +%s)
sources=()
while IFS= read -r file; do sources+=("$file"); done < <(find Sources/MarketLink -name '*.swift' | LC_ALL=C sort)
stamp=$( (cat "${sources[@]}" fuzz/run.sh; echo "$OPT") | sha1sum | cut -d' ' -f1)
if [[ "$(cat "$OUT/lib/stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "fuzz: compiling the library (${#sources[@]} files)"
    rm -f "$OUT/lib/stamp"
    swiftc "${FLAGS[@]}" -wmo -num-threads "$CORES" -module-name MarketLink -emit-library -static \
        -emit-module -emit-module-path "$OUT/lib/MarketLink.swiftmodule" -o "$OUT/lib/libMarketLink.a" "${sources[@]}"
    echo "$stamp" > "$OUT/lib/stamp"
fi
for target in "${targets[@]}"; do
    echo "fuzz: linking $target"
    # ld.gold warns about ASan's local helper symbols; the warnings are harmless.
    swiftc "${FLAGS[@]}" -I "$OUT/lib" -L "$OUT/lib" -lMarketLink -module-name "$target" \
        fuzz/support/*.swift "fuzz/targets/$target.swift" -o "$OUT/bin/$target" 2> >(grep -v "Cannot export local symbol" >&2)
done
echo "fuzz: built in $(($(date +%s) - started)) s"
[[ "$mode" == build ]] && exit 0

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# Swift's own crash backtracer and ASan both trap the signal; let ASan report.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

if [[ "$mode" == replay ]]; then
    status=0
    for target in "${targets[@]}"; do
        "$OUT/bin/$target" -runs=1 "${replay[@]}" || status=1
    done
    exit $status
fi

# MARK: Run
# libFuzzer options: stop each target after SECONDS_EACH; an input that takes over 10 s is a hang,
# over 2 GB a blow-up. Inputs up to 64 KiB (a 5 MB line is a test, not a fuzz input).
run_target() {
    local target=$1
    mkdir -p "$OUT/corpus/$target"
    local dict=()
    [[ -f "fuzz/dict/$target.dict" ]] && dict=(-dict="fuzz/dict/$target.dict")
    "$OUT/bin/$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        "${dict[@]}" -artifact_prefix="$OUT/crashes/$target-" "$OUT/corpus/$target" "fuzz/corpus/$target" \
        > "$OUT/$target.log" 2>&1
}

started=$(date +%s)
failed=()
pending=("${targets[@]}")
while ((${#pending[@]})); do
    batch=("${pending[@]:0:$JOBS}")
    pending=("${pending[@]:$JOBS}")
    pids=()
    for target in "${batch[@]}"; do
        echo "fuzz: running $target for ${SECONDS_EACH} s"
        run_target "$target" &
        pids+=($!)
    done
    for k in "${!batch[@]}"; do
        target=${batch[$k]}
        if wait "${pids[$k]}"; then
            runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$OUT/$target.log" | grep -o '[0-9]*$' || echo "?")
            edges=$(grep -o 'cov: [0-9]*' "$OUT/$target.log" | tail -1 || true)
            echo "fuzz: $target: no crash in $runs runs ($edges)"
        else
            failed+=("$target")
            echo "fuzz: $target FAILED; last lines of $OUT/$target.log:" >&2
            tail -n 40 "$OUT/$target.log" >&2
        fi
    done
done
echo "fuzz: ran ${#targets[@]} targets in $(($(date +%s) - started)) s"
if ((${#failed[@]})); then
    echo "fuzz: crashes in: ${failed[*]}; inputs in $OUT/crashes/ (replay with fuzz/run.sh TARGET --replay FILE)" >&2
    exit 1
fi
