#!/usr/bin/env bash
# Tool-call overhead of `gotom mcp`: campaign_get through MCP over stdio next to the same client.campaigns.get in
# a Swift process, one call at a time, against one `gotom sandbox --quiet` (plain HTTP on 127.0.0.1).
#   Benchmarks/mcp.sh                 (CALLS=2000 by default; needs python3 with venv)
#   SCRATCH=.build CONFIG=debug Benchmarks/mcp.sh   (reuse a debug build instead of building release)
# The MCP figures include the client's own work (JSON in Python); the difference to the SDK line is what an agent
# pays for going through MCP instead of linking the SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh
CALLS=${CALLS:-2000}
SCRATCH=${SCRATCH:-.build-bench}
CONFIG=${CONFIG:-release}
BUILD_FLAGS=${BUILD_FLAGS---static-swift-stdlib -Xlinker -no-pie}

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
for product in gotom gotom-mcp gotom-sdk-benchmark; do
    # shellcheck disable=SC2086
    swift build -c "$CONFIG" --scratch-path "$SCRATCH" $BUILD_FLAGS --product "$product" >"$WORK/build.log" 2>&1 \
        || { tail -n 20 "$WORK/build.log" >&2; exit 1; }
done
GOTOM=$PWD/$SCRATCH/$CONFIG/gotom
BENCH=$PWD/$SCRATCH/$CONFIG/gotom-sdk-benchmark

VENV=${VENV:-.build-mcp-venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c 'import mcp' 2>/dev/null || "$VENV/bin/pip" install -q mcp

start_sandbox "$WORK/data" --quiet
export GOTOM_BASE_URL=$URL GOTOM_USER=$BENCH_USER GOTOM_SECRET=$BENCH_SECRET XDG_CONFIG_HOME=$WORK
"$GOTOM" request POST /app-api/campaign -b --data \
    '{"name":"Benchmark","externalId":"BENCH-1","status":"booking","bookingDate":"2025-06-01","customer":{"entityExternalCrmId":"CRM-1001"}}' >/dev/null

echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo "## campaign_get, one call at a time ($CONFIG build)"
# The SDK line: requests per second over 5 s with one task; per call = 1 / rate.
"$BENCH" get BENCH-1 1 5 | tee "$WORK/sdk.txt"
awk '/requests\/s/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^requests\/s/) printf "sdk: %.0f µs per call\n", 1e6 / $i }' \
    "$WORK/sdk.txt"
"$VENV/bin/python" Benchmarks/mcp_overhead.py "$GOTOM" BENCH-1 "$CALLS"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
