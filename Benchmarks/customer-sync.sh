#!/usr/bin/env bash
# `gotom customer sync` of COUNT customers (JSON Lines) against `gotom sandbox` (release build, SQLite on disk,
# signature verified on every request), next to goTom's own Bash client from the seed text (curl + openssl per
# request) in a loop over the first SAMPLE records of the same file. Each side gets a fresh sandbox, so both
# create customers. Plain HTTP on 127.0.0.1 by default; TLS=1 runs both over TLS (the sandbox's local CA).
#
#   Benchmarks/customer-sync.sh                       # COUNT=10000 SAMPLE=200 CONCURRENCY=8
#   COUNT=10000 SAMPLE=200 CONCURRENCY=16 TLS=1 Benchmarks/customer-sync.sh
#   SCRATCH=.build-other BUILD_FLAGS= Benchmarks/customer-sync.sh   # another scratch folder, dynamic linking
#   GOTOM_BIN=path/to/gotom Benchmarks/customer-sync.sh              # an existing binary, no build (A/B runs)
#   SANDBOX_BIN=path/to/gotom GOTOM_BIN=… Benchmarks/customer-sync.sh  # the sandbox from another build
#
# Builds into SCRATCH with BUILD_FLAGS, the same defaults as request-per-call.sh and sdk.sh (one warm release build).
#
# Needs bash, curl, openssl, awk and GNU time (apt-get install curl openssl gawk time). Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh

COUNT=${COUNT:-10000}
SAMPLE=${SAMPLE:-200}
CONCURRENCY=${CONCURRENCY:-8}
TLS=${TLS:-0}
SCRATCH=${SCRATCH:-.build-bench}
BUILD_FLAGS=${BUILD_FLAGS---static-swift-stdlib -Xlinker -no-pie}
SEED=${SEED:-../shared/reference/seed/000_3f619a6c8f664f0c.txt}
# Large trust bundles only add start-up cost; every process gets the same environment.
unset NODE_EXTRA_CA_CERTS CURL_CA_BUNDLE SSL_CERT_FILE GOTOM_PROFILE GOTOM_CACERT || true

for tool in curl openssl awk perl md5sum base64 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
[ -f "$SEED" ] || { echo "seed text not found at $SEED" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
if [ -n "${GOTOM_BIN:-}" ]; then GOTOM=$(realpath "$GOTOM_BIN"); else build_gotom gotom; fi
SANDBOX_FLAGS=(--quiet)
[ "$TLS" = 1 ] && SANDBOX_FLAGS+=(--tls)

# The input: COUNT customers with a main address and a contact, one JSON object per line.
awk -v n="$COUNT" 'BEGIN { for (i = 1; i <= n; i++) printf \
    "{\"externalCrmId\":\"BENCH-%d\",\"firm\":\"Benchmark Kunde %d AG\",\"status\":1,\"statusEc\":1,\"language\":\"de\"," \
    "\"mainAddress\":{\"externalCrmId\":\"BENCH-%d-A\"},\"note\":\"Import %d\",\"addresses\":[{\"externalCrmId\":\"BENCH-%d-A\"," \
    "\"title\":\"Hauptsitz\",\"firm\":\"Benchmark Kunde %d AG\",\"street\":\"Bahnhofstrasse\",\"number\":\"%d\"," \
    "\"zip\":\"8001\",\"place\":\"Zürich\",\"country\":\"CH\"}],\"contacts\":[{\"externalCrmId\":\"BENCH-%d-P\"," \
    "\"peopleGender\":\"F\",\"peopleLastname\":\"Muster\",\"peopleName\":\"Anna\",\"peopleEmail\":\"anna%d@example.ch\"}]}\n", \
    i, i, i, i, i, i, i, i, i }' >"$WORK/customers.jsonl"

# goTom's Bash client (and its Node client, unused here), cut out of the seed text as the interop tests do.
cut_seed_clients "$SEED" "$WORK"

echo "## customer sync: $COUNT customers (gotom, --concurrency $CONCURRENCY) vs. $SAMPLE with the seed's Bash client"
echo "transport: $([ "$TLS" = 1 ] && echo TLS || echo plain HTTP) on 127.0.0.1; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The seed's Bash client, one process chain (bash, date, md5sum, openssl, base64, curl) per customer.
start_sandbox "$WORK/bash-data" "${SANDBOX_FLAGS[@]}"
BASH_ENV_CA=()
[ "$TLS" = 1 ] && BASH_ENV_CA=(CURL_CA_BUNDLE="$CA")
ENDPOINT="$URL/app-api/crm-sync-import-external-crm-id/update-customer"
head -n "$SAMPLE" "$WORK/customers.jsonl" >"$WORK/sample.jsonl"
ok=0
start=$(date +%s.%N)
while IFS= read -r line; do
    if printf '{"customer":%s}' "$line" | env "${BASH_ENV_CA[@]}" bash "$WORK/callapiendpoint.sh" POST "$ENDPOINT" \
        "$BENCH_USER" "$BENCH_SECRET" | head -n 1 | grep -q ' 200'; then ok=$((ok + 1)); fi
done <"$WORK/sample.jsonl"
end=$(date +%s.%N)
stop_sandbox
BASH_SECONDS=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
BASH_RATE=$(awk -v n="$SAMPLE" -v s="$BASH_SECONDS" 'BEGIN { printf "%.1f", n / s }')
[ "$ok" = "$SAMPLE" ] || echo "warning: the Bash client got 200 for only $ok of $SAMPLE customers" >&2

# 2. gotom customer sync of the whole file, timed from process start to exit (journal, listing and summary included).
start_sandbox "$WORK/sync-data" "${SANDBOX_FLAGS[@]}"
export GOTOM_BASE_URL=$URL GOTOM_USER=$BENCH_USER GOTOM_SECRET=$BENCH_SECRET
[ "$TLS" = 1 ] && export GOTOM_CACERT=$CA
/usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$GOTOM" customer sync "$WORK/customers.jsonl" -q --json \
    --concurrency "$CONCURRENCY" >"$WORK/summary.json"
stop_sandbox
read -r SYNC_SECONDS SYNC_RSS_KIB SYNC_USER SYNC_SYSTEM <"$WORK/time.txt"
CREATED=$(sed -n 's/.*"created":\([0-9]*\).*/\1/p' "$WORK/summary.json")
[ "$CREATED" = "$COUNT" ] || echo "warning: gotom created $CREATED of $COUNT customers" >&2
SYNC_RATE=$(awk -v n="$COUNT" -v s="$SYNC_SECONDS" 'BEGIN { printf "%.0f", n / s }')
RATIO=$(awk -v a="$SYNC_RATE" -v b="$BASH_RATE" 'BEGIN { printf "%.0f", a / b }')
RSS_MIB=$(awk -v k="$SYNC_RSS_KIB" 'BEGIN { printf "%.1f", k / 1024 }')
# The client's own CPU (user + system) per customer: comparable across runs when the machine is shared.
CPU_US=$(awk -v u="$SYNC_USER" -v s="$SYNC_SYSTEM" -v n="$COUNT" 'BEGIN { printf "%.0f", (u + s) / n * 1000000 }')

echo
echo "| client | customers | time | customers/s | peak RSS | client CPU per customer |"
echo "|---|---|---|---|---|---|"
echo "| seed Bash client, sequential loop | $SAMPLE | $BASH_SECONDS s | $BASH_RATE | – | – |"
echo "| gotom customer sync --concurrency $CONCURRENCY | $COUNT | $SYNC_SECONDS s | $SYNC_RATE | $RSS_MIB MiB | $CPU_US µs |"
echo
echo "ratio: ${RATIO}× the Bash loop; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
