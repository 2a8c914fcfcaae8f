#!/usr/bin/env bash
# Signed `GET /app-api/campaign/{id}` against `gotom sandbox` (release build, SQLite on disk, signature verified on
# every request) under wrk with keep-alive, next to nginx (2 workers) serving a static JSON body of the same size,
# in the same run on 127.0.0.1.
#
#   Benchmarks/sandbox-throughput.sh            # 15 s per run
#   DURATION=30s Benchmarks/sandbox-throughput.sh
#
# Needs wrk, nginx and curl (apt-get install wrk nginx-light curl). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
# Start-up cost of large trust bundles is irrelevant here, but keep every process's environment the same.
unset NODE_EXTRA_CA_CERTS CURL_CA_BUNDLE SSL_CERT_FILE || true

for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install wrk nginx-light curl)" >&2; exit 1; }
done

swift build -c release --product gotom >/dev/null
GOTOM=$PWD/.build/release/gotom
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"' EXIT

export GOTOM_USER=$BENCH_USER GOTOM_SECRET=$BENCH_SECRET
start_sandbox "$WORK/data" --quiet
export GOTOM_BASE_URL=$URL
"$GOTOM" request POST /app-api/campaign -b --data \
    '{"name":"Benchmark Kampagne","externalId":"BENCH-1","status":"booking","bookingDate":"2025-06-01","customer":{"entityExternalCrmId":"CRM-1001"},"note":"Signed GET benchmark"}' >/dev/null

# One signature, valid for 30 minutes: every request is still verified (HMAC + MD5) by the sandbox.
mapfile -t HEADERS < <("$GOTOM" sign GET /app-api/campaign/BENCH-1)
WRK_HEADERS=()
for header in "${HEADERS[@]}"; do WRK_HEADERS+=(-H "$header"); done
curl -sS -o "$WORK/campaign.json" "${WRK_HEADERS[@]}" "$URL/app-api/campaign/BENCH-1"
BODY_SIZE=$(wc -c <"$WORK/campaign.json")

start_nginx_serving "$WORK/campaign.json"

measure() { # $1 label, $2 url
    local out rps p99
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${WRK_HEADERS[@]}" "$2")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    [ -z "$non2xx" ] || { echo "$1 answered $non2xx non-2xx responses; not a valid measurement" >&2; exit 1; }
    printf '| %s | %s | %s |\n' "$1" "$rps" "$p99"
    echo "$rps" >"$WORK/rps-$3"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, body $BODY_SIZE bytes, $(nproc) cores"
echo
echo "| server | requests/s | p99 latency |"
echo "|---|---|---|"
measure "nginx 2 workers, static file" "http://127.0.0.1:$NGINX_PORT/app-api/campaign/BENCH-1" nginx
measure "gotom sandbox (--quiet)" "$URL/app-api/campaign/BENCH-1" quiet
stop_sandbox
start_sandbox "$WORK/data"
measure "gotom sandbox (request log on, to a file)" "$URL/app-api/campaign/BENCH-1" logged
echo
awk -v s="$(cat "$WORK/rps-quiet")" -v n="$(cat "$WORK/rps-nginx")" -v l="$(cat "$WORK/rps-logged")" \
    'BEGIN { printf "sandbox / nginx: %.0f%% (quiet), %.0f%% (logging)\n", 100*s/n, 100*l/n }'
