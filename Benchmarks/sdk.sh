#!/usr/bin/env bash
# SDK figures against `gotom sandbox --tls` (release builds), each next to a reference in the same run:
#  1. client.campaigns.get with 1 and 32 concurrent tasks, next to wrk -c1 and wrk -c32 on the same signed URL;
#  2. a 1 GiB report downloaded to a file by the SDK (throughput and peak RSS), next to curl on the same URL.
#   Benchmarks/sdk.sh            (needs wrk, curl and GNU time: apt-get install wrk curl time)
#   DURATION=8 Benchmarks/sdk.sh
#   GOTOM_BIN=… SDK_BENCH_BIN=… Benchmarks/sdk.sh     (existing binaries, no build: A/B runs)
# Builds into SCRATCH with BUILD_FLAGS, the same defaults as Benchmarks/request-per-call.sh, so both scripts share
# one warm release build (changing BUILD_FLAGS rebuilds everything, about 15 minutes on 2 cores). The SDK process
# shares the machine with the sandbox while wrk needs little CPU: the load is printed before and after, and the
# figures are only comparable on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh
DURATION=${DURATION:-10}
SCRATCH=${SCRATCH:-.build-bench}
BUILD_FLAGS=${BUILD_FLAGS---static-swift-stdlib -Xlinker -no-pie}
REPORT_SIZE=${REPORT_SIZE:-1073741824}
unset NODE_EXTRA_CA_CERTS CURL_CA_BUNDLE SSL_CERT_FILE || true
for tool in wrk curl /usr/bin/time; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
if [ -n "${GOTOM_BIN:-}" ] && [ -n "${SDK_BENCH_BIN:-}" ]; then
    GOTOM=$(realpath "$GOTOM_BIN")
    BENCH=$(realpath "$SDK_BENCH_BIN")
else
    build_gotom gotom gotom-sdk-benchmark
    BENCH=$PWD/$SCRATCH/release/gotom-sdk-benchmark
fi

start_sandbox "$WORK/data" --tls --quiet --large-report-size "$REPORT_SIZE"
export GOTOM_BASE_URL=$URL GOTOM_USER=$BENCH_USER GOTOM_SECRET=$BENCH_SECRET GOTOM_CACERT=$CA
"$GOTOM" request POST /app-api/campaign -b --data \
    '{"name":"Benchmark","externalId":"BENCH-1","status":"booking","bookingDate":"2025-06-01","customer":{"entityExternalCrmId":"CRM-1001"}}' >/dev/null

mapfile -t HEADERS < <("$GOTOM" sign GET /app-api/campaign/BENCH-1)
WRK_HEADERS=(); for h in "${HEADERS[@]}"; do WRK_HEADERS+=(-H "$h"); done
wrk_rps() { wrk -t1 -c"$1" -d"${DURATION}s" "${WRK_HEADERS[@]}" "$URL/app-api/campaign/BENCH-1" | awk '/^Requests\/sec/ {print $2}'; }

echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo "## campaigns.get over TLS ($DURATION s each)"
echo "wrk -c1: $(wrk_rps 1) requests/s"
"$BENCH" get BENCH-1 1 "$DURATION"
echo "wrk -c32: $(wrk_rps 32) requests/s"
"$BENCH" get BENCH-1 32 "$DURATION"

echo "## report download ($REPORT_SIZE bytes over TLS)"
mapfile -t HEADERS < <("$GOTOM" sign GET /app-api/graph-export/download/9000)
CURL_HEADERS=(); for h in "${HEADERS[@]}"; do CURL_HEADERS+=(-H "$h"); done
/usr/bin/time -f "curl: %e s, peak RSS %M KiB" curl -sS --cacert "$GOTOM_CACERT" "${CURL_HEADERS[@]}" \
    -o "$WORK/curl.csv" "$URL/app-api/graph-export/download/9000"
echo "curl: $(stat -c %s "$WORK/curl.csv") bytes"
rm -f "$WORK/curl.csv"
/usr/bin/time -f "sdk: %e s, peak RSS %M KiB" "$BENCH" download 9000 "$WORK/sdk.csv"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
