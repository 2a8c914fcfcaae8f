#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/) and runs each for a given time.
#
#   Scripts/fuzz.sh [SECONDS] [HARNESS...]     default: 300 seconds, every harness
#
# Harnesses: date-header authorization request-target json-body csv jsonl. Environment:
#   FUZZ_JOBS=N                 harnesses run side by side (default 1)
#   FUZZ_CONFIGURATION=release  build configuration (default debug: builds far faster; see the README)
# Each harness starts from its seeds in Fuzz/Corpus/<harness> and keeps what it learns in
# .build-fuzz/corpus/<harness>. A crash or violated property leaves its input in .build-fuzz/crashes/<harness>/
# and makes the script exit 1; once fixed, copy the input to Fuzz/Regressions/<harness>/, which `swift test`
# replays.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
[[ $# -gt 0 ]] && shift
all=(date-header authorization request-target json-body csv jsonl)
harnesses=("$@")
((${#harnesses[@]})) || harnesses=("${all[@]}")
for harness in "${harnesses[@]}"; do
    [[ " ${all[*]} " == *" $harness "* ]] || { echo "fuzz: unknown harness '$harness' (${all[*]})" >&2; exit 64; }
done
configuration=${FUZZ_CONFIGURATION:-debug}
jobs=${FUZZ_JOBS:-1}
scratch=.build-fuzz
flags=(--scratch-path "$scratch" -c "$configuration" -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)

swift build "${flags[@]}" --product gotom-fuzz
binary="$(swift build "${flags[@]}" --show-bin-path)/gotom-fuzz"

run() {
    local harness=$1
    mkdir -p "$scratch/corpus/$harness" "$scratch/crashes/$harness" "$scratch/logs"
    local log="$scratch/logs/$harness.log"
    local status=0
    # Swift's own crash reporter would stand in the way of libFuzzer's signal handling.
    GOTOM_FUZZ_TARGET=$harness SWIFT_BACKTRACE=enable=no "$binary" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
        -artifact_prefix="$scratch/crashes/$harness/" "$scratch/corpus/$harness" "Fuzz/Corpus/$harness" \
        >"$log" 2>&1 || status=$?
    local last executions rate corpus
    last=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -1 || true)
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    corpus=$(find "$scratch/corpus/$harness" -type f | wc -l)
    printf '%-15s %ss  execs %s  exec/s %s  cov %s  ft %s  corpus %s files  %s\n' "$harness" "$seconds" \
        "${executions:-?}" "${rate:-?}" "$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")" \
        "$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")" "$corpus" \
        "$( ((status == 0)) && echo ok || echo "CRASH (exit $status): see $log and $scratch/crashes/$harness/")"
    return $status
}

failed=0
pids=()
for harness in "${harnesses[@]}"; do
    run "$harness" &
    pids+=($!)
    if ((${#pids[@]} >= jobs)); then
        wait "${pids[0]}" || failed=1
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit $failed
