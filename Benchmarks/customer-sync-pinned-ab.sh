#!/usr/bin/env bash
# A/B of `gotom customer sync` builds with the sandbox and the client pinned to different CPUs (taskset), so that
# they do not compete for the same core: per round and binary, a fresh sandbox (SANDBOX_BIN, on CPU 1) and a sync
# of COUNT customers (client on CPU 0); prints wall time and the client's CPU (user + system) per customer.
#
#   Benchmarks/customer-sync-pinned-ab.sh path/to/gotom-a path/to/gotom-b
#   ROUNDS=5 COUNT=10000 SANDBOX_BIN=path/to/gotom Benchmarks/customer-sync-pinned-ab.sh A B C
#
# Needs 2 or more CPUs, taskset (util-linux) and GNU time. The binaries are release builds made beforehand.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh
[ $# -ge 1 ] || { echo "usage: $0 GOTOM_BIN..." >&2; exit 64; }
ROUNDS=${ROUNDS:-5}
COUNT=${COUNT:-10000}
SANDBOX_BIN=$(realpath "${SANDBOX_BIN:-$1}")
unset NODE_EXTRA_CA_CERTS CURL_CA_BUNDLE SSL_CERT_FILE GOTOM_PROFILE GOTOM_CACERT || true
for tool in taskset /usr/bin/time; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
awk -v n="$COUNT" 'BEGIN { for (i = 1; i <= n; i++) printf \
    "{\"externalCrmId\":\"AB-%d\",\"firm\":\"Kunde %d AG\",\"status\":1,\"statusEc\":1,\"language\":\"de\"," \
    "\"mainAddress\":{\"externalCrmId\":\"AB-%d-A\"},\"note\":\"Import %d\",\"addresses\":[{\"externalCrmId\":\"AB-%d-A\"," \
    "\"title\":\"Hauptsitz\",\"firm\":\"Kunde %d AG\",\"zip\":\"8001\",\"place\":\"Zürich\",\"country\":\"CH\"}]}\n", \
    i, i, i, i, i, i }' >"$WORK/customers.jsonl"

echo "| round | binary | wall time | client CPU per customer |"
echo "|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
    for bin in "$@"; do
        rm -rf "$WORK/data" "$WORK"/customers.jsonl.sync.sqlite*
        mkdir -p "$WORK/data"
        taskset -c 1 "$SANDBOX_BIN" sandbox --port 0 --data-dir "$WORK/data" --user "$BENCH_USER" \
            --secret "$BENCH_SECRET" --quiet >"$WORK/sandbox.out" 2>&1 &
        pid=$!
        url=
        for _ in $(seq 1 200); do
            url=$(sed -n 's/^gotom sandbox listening on //p' "$WORK/sandbox.out")
            [ -n "$url" ] && break
            sleep 0.05
        done
        [ -n "$url" ] || { echo "the sandbox did not start" >&2; cat "$WORK/sandbox.out" >&2; exit 1; }
        GOTOM_BASE_URL=$url GOTOM_USER=$BENCH_USER GOTOM_SECRET=$BENCH_SECRET \
            /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" taskset -c 0 "$bin" customer sync \
            "$WORK/customers.jsonl" -q --json >/dev/null
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        read -r wall user system <"$WORK/time.txt"
        cpu=$(awk -v u="$user" -v s="$system" -v n="$COUNT" 'BEGIN { printf "%.0f", (u + s) / n * 1000000 }')
        echo "| $round | $bin | $wall s | $cpu µs |"
    done
done
