#!/usr/bin/env bash
# Runs the test suite under ThreadSanitizer and AddressSanitizer, each in a build folder of its own
# (.build-tsan, .build-asan), so the normal debug build is left alone.
#
# Usage: Scripts/sanitizers.sh [thread|address]...   (both by default)
#        SANITIZER_JOBS=N limits parallel compile jobs; extra `swift test` arguments go in SANITIZER_TEST_ARGS
#        (for example "--filter GoTomAuthTests").
#
# Exits non-zero when a build fails, a test fails, or a sanitizer reports a problem.
# The logs are kept in .build-tsan/sanitizer.log and .build-asan/sanitizer.log.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
((${#sanitizers[@]})) || sanitizers=(thread address)

jobs=(${SANITIZER_JOBS:+--jobs "$SANITIZER_JOBS"})
read -r -a extra <<<"${SANITIZER_TEST_ARGS:-}"

status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
    thread) scratch=.build-tsan ;;
    address) scratch=.build-asan ;;
    *) echo "sanitizers: unknown sanitizer $sanitizer (thread or address)" >&2; exit 64 ;;
    esac
    mkdir -p "$scratch"
    log="$scratch/sanitizer.log"
    echo "sanitizers: $sanitizer (scratch $scratch, log $log)"
    # ThreadSanitizer reports every race and then exits non-zero (exitcode 66); AddressSanitizer stops at its
    # first report. Leak checking is off: the test runner's detached reader threads live until exit.
    if TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1" \
        ASAN_OPTIONS="halt_on_error=1 detect_leaks=0" \
        swift test --sanitize="$sanitizer" --scratch-path "$scratch" "${jobs[@]}" "${extra[@]}" \
        >"$log" 2>&1 && ! grep -qE 'WARNING: ThreadSanitizer|ERROR: AddressSanitizer' "$log"; then
        echo "sanitizers: $sanitizer: clean ($(grep -Eo 'Test run with [0-9]+ tests.*' "$log" | tail -1))"
    else
        status=1
        echo "sanitizers: $sanitizer: FAILED; reports:" >&2
        grep -nE 'WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY: |^✘' "$log" | head -40 >&2 || true
    fi
done
exit "$status"
