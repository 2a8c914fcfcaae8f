#!/usr/bin/env bash
# A/B throughput of two `gotom` builds' sandboxes, interleaved: signed `GET /app-api/campaign/{id}` as in
# sandbox-throughput.sh (SQLite on disk, signature verified on every request), each round running nginx, then
# A and B with --quiet, B with --quiet and its journal off (--journal-size 0), then A and B with the request log
# on; the order of A and B alternates between rounds, so that load from other processes on the machine hits both
# builds alike. Prints every run, the medians, and the load average before and after.
#
#   Benchmarks/sandbox-journal-ab.sh OLD_GOTOM NEW_GOTOM            # 3 rounds of 10 s runs
#   ROUNDS=5 DURATION=15s Benchmarks/sandbox-journal-ab.sh OLD NEW
#
# Needs wrk, nginx, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh
[ $# -eq 2 ] || { echo "usage: $0 OLD_GOTOM NEW_GOTOM" >&2; exit 64; }
OLD=$(realpath "$1")
NEW=$(realpath "$2")
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
unset NODE_EXTRA_CA_CERTS CURL_CA_BUNDLE SSL_CERT_FILE || true
for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"' EXIT
export GOTOM_USER=$BENCH_USER GOTOM_SECRET=$BENCH_SECRET
BODY='{"name":"Benchmark Kampagne","externalId":"BENCH-1","status":"booking","bookingDate":"2025-06-01","customer":{"entityExternalCrmId":"CRM-1001"},"note":"Signed GET benchmark"}'

# One data directory per build, each holding the campaign.
for side in old new; do
    GOTOM=$([ "$side" = old ] && echo "$OLD" || echo "$NEW")
    start_sandbox "$WORK/data-$side" --quiet
    GOTOM_BASE_URL=$URL "$NEW" request POST /app-api/campaign -b --data "$BODY" >/dev/null
    stop_sandbox
done
GOTOM=$NEW
mapfile -t HEADERS < <(GOTOM_BASE_URL=http://127.0.0.1 "$NEW" sign GET /app-api/campaign/BENCH-1)
WRK_HEADERS=()
for header in "${HEADERS[@]}"; do WRK_HEADERS+=(-H "$header"); done

rm -f "$WORK/data-new.out"
GOTOM=$NEW start_sandbox "$WORK/data-new" --quiet
curl -sS -o "$WORK/campaign.json" "${WRK_HEADERS[@]}" "$URL/app-api/campaign/BENCH-1"
stop_sandbox
start_nginx_serving "$WORK/campaign.json"

run() { # $1 label, $2 url
    local out rps non2xx
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${WRK_HEADERS[@]}" "$2")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    [ -z "$non2xx" ] || { echo "$1 answered $non2xx non-2xx responses; not a valid measurement" >&2; exit 1; }
    echo "$1 $rps" | tee -a "$WORK/runs"
}
sandbox_run() { # $1 label, $2 binary, $3 side, flags...
    local label=$1 binary=$2 side=$3
    shift 3
    rm -f "$WORK/data-$side.out"   # start_sandbox reads the URL from it: no stale line from the last run
    GOTOM=$binary start_sandbox "$WORK/data-$side" "$@"
    run "$label" "$URL/app-api/campaign/BENCH-1"
    stop_sandbox
}
echo "load before: $(uptime)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, $(nproc) cores"
for round in $(seq 1 "$ROUNDS"); do
    run nginx "http://127.0.0.1:$NGINX_PORT/app-api/campaign/BENCH-1"
    if [ $((round % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
    for side in $order; do
        sandbox_run "$side-quiet" "$([ "$side" = old ] && echo "$OLD" || echo "$NEW")" "$side" --quiet
    done
    # The new build with its journal off: what the journal itself costs.
    sandbox_run new-quiet-nojournal "$NEW" new --quiet --journal-size 0
    for side in $order; do
        sandbox_run "$side-log" "$([ "$side" = old ] && echo "$OLD" || echo "$NEW")" "$side"
    done
done
echo "load after: $(uptime)"
python3 - "$WORK/runs" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, rps = line.split()
    runs.setdefault(label, []).append(float(rps))
nginx = statistics.median(runs["nginx"])
print()
print("| run | requests/s (median) | runs | / nginx |")
print("|---|---|---|---|")
for label in ["nginx", "old-quiet", "new-quiet", "new-quiet-nojournal", "old-log", "new-log"]:
    values = runs.get(label, [])
    if not values:
        continue
    median = statistics.median(values)
    shown = ", ".join(f"{v:,.0f}" for v in values)
    print(f"| {label} | {median:,.0f} | {shown} | {100 * median / nginx:.0f} % |")
PY
