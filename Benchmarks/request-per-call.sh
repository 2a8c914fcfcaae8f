#!/usr/bin/env bash
# Wall time of one `gotom request GET` process against `gotom sandbox --tls`, next to goTom's published Node
# (callapi.js) and Bash (callapiendpoint.sh) example clients on the same URL, in the same run, with hyperfine.
#
#   Benchmarks/request-per-call.sh                  (needs hyperfine, node, curl, openssl, perl, jq)
#   RUNS=50 WARMUP=5 Benchmarks/request-per-call.sh
#   BUILD_FLAGS= Benchmarks/request-per-call.sh      (Swift runtime and Foundation linked dynamically)
#   GOTOM_BIN=path/to/gotom Benchmarks/request-per-call.sh   (measure an existing binary, no build)
#
# gotom is built as README.md's install line builds it (BUILD_FLAGS): --static-swift-stdlib makes the runtime,
# Foundation and ICU part of the executable instead of a dozen shared libraries to map and bind at every start;
# -Xlinker -no-pie links it at a fixed address, so the loader does not apply ~145,000 relocations to the Swift
# metadata at every start (only with the static stdlib: a fixed-address executable against the shared Swift
# libraries makes the loader warn about protected symbols). Changing --static-swift-stdlib rebuilds everything in
# SCRATCH (about 15 minutes on 2 cores); the linker flag only relinks.
#
# Every client runs under `env -i` with only PATH, HOME (an empty temporary folder, so no config files, no
# ~/.curlrc, no gotom profile) and the one variable that makes it trust the sandbox's local CA:
#   gotom        GOTOM_CACERT=ca.pem           adds the CA to the system roots (as --cacert does)
#   Node         NODE_EXTRA_CA_CERTS=ca.pem    adds the CA to Node's bundled roots
#   Bash (curl)  CURL_CA_BUNDLE=ca.pem         replaces curl's roots with the CA alone ("ca only" row), or
#                CURL_CA_BUNDLE=system+ca.pem  the system bundle plus the CA ("system+ca" row: the same roots
#                                              gotom trusts, and what curl loads by default)
# SSL_CERT_FILE, SSL_CERT_DIR and any other inherited variable are absent for all of them. The seed clients
# are cut out of ../shared/reference/seed/ into a temporary folder (the project does not ship copies).
#
# Targets (issue): gotom <= 0.6x the Bash client and <= 0.3x the Node client. The script prints the machine
# load before and after: the figures are only comparable on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh
ROOT=$PWD
RUNS=${RUNS:-40}
WARMUP=${WARMUP:-5}
SCRATCH=${SCRATCH:-.build-bench}
BUILD_FLAGS=${BUILD_FLAGS---static-swift-stdlib -Xlinker -no-pie}
SEED=${SEED:-$ROOT/../shared/reference/seed/000_3f619a6c8f664f0c.txt}
for tool in hyperfine node curl openssl perl jq md5sum base64; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
[ -f "$SEED" ] || { echo "seed text not found at $SEED" >&2; exit 1; }

WORK=$(mktemp -d)
SANDBOX_PID=
cleanup() {
    [ -n "$SANDBOX_PID" ] && stop_sandbox
    rm -rf "$WORK"
}
trap cleanup EXIT
if [ -n "${GOTOM_BIN:-}" ]; then
    GOTOM=$(realpath "$GOTOM_BIN")
    BUILD_FLAGS="prebuilt"
else
    echo "# building gotom (release, --scratch-path $SCRATCH $BUILD_FLAGS)" >&2
    build_gotom gotom
fi

mkdir -p "$WORK/home" "$WORK/clients"
cut_seed_clients "$SEED" "$WORK/clients"

USER_ID=$BENCH_USER
SECRET=$BENCH_SECRET
start_sandbox "$WORK/data" --tls --quiet
[ -f "$CA" ] || { echo "no sandbox CA at $CA" >&2; exit 1; }
SYSTEM_BUNDLE=/etc/ssl/certs/ca-certificates.crt
[ -f "$SYSTEM_BUNDLE" ] || SYSTEM_BUNDLE=/etc/pki/tls/certs/ca-bundle.crt
cat "$SYSTEM_BUNDLE" "$CA" >"$WORK/system-plus-ca.pem"

BASE=(env -i "PATH=$PATH" "HOME=$WORK/home")
GOTOM_ENV=("${BASE[@]}" "GOTOM_USER=$USER_ID" "GOTOM_SECRET=$SECRET" "GOTOM_CACERT=$CA")
"${GOTOM_ENV[@]}" "$GOTOM" request POST "$URL/app-api/campaign" -b --data \
    '{"name":"Benchmark","externalId":"BENCH-1","status":"booking","bookingDate":"2025-06-01","customer":{"entityExternalCrmId":"CRM-1001"}}' \
    >/dev/null
TARGET=$URL/app-api/campaign/BENCH-1

GOTOM_CMD="${GOTOM_ENV[*]} $GOTOM request GET $TARGET"
NODE_CMD="${BASE[*]} NODE_EXTRA_CA_CERTS=$CA node $WORK/clients/callapi.js GET $TARGET $USER_ID $SECRET"
BASH_CA_CMD="${BASE[*]} CURL_CA_BUNDLE=$CA bash $WORK/clients/callapiendpoint.sh GET $TARGET $USER_ID $SECRET"
BASH_SYS_CMD="${BASE[*]} CURL_CA_BUNDLE=$WORK/system-plus-ca.pem bash $WORK/clients/callapiendpoint.sh GET $TARGET $USER_ID $SECRET"

# Each client must get the campaign (200) before it is timed.
for cmd in "$GOTOM_CMD" "$NODE_CMD" "$BASH_CA_CMD" "$BASH_SYS_CMD"; do
    $cmd </dev/null >"$WORK/check.out" 2>"$WORK/check.err" || true
    status=$(head -n 1 "$WORK/check.out" | tr -d '\r')
    case "$status" in
        "HTTP/1.1 200"*) ;;
        *) echo "not a 200 from: $cmd" >&2; cat "$WORK/check.out" "$WORK/check.err" >&2; exit 1 ;;
    esac
done

echo "## gotom request GET vs the seed clients, $TARGET over TLS"
echo "gotom: $GOTOM (release ${BUILD_FLAGS:-dynamic}); node $(node --version); $(curl --version | head -n 1 | cut -d' ' -f1-5)"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style basic --export-json "$WORK/result.json" \
    -n "gotom request GET (GOTOM_CACERT=ca.pem)" "$GOTOM_CMD" \
    -n "node callapi.js (NODE_EXTRA_CA_CERTS=ca.pem)" "$NODE_CMD" \
    -n "bash callapiendpoint.sh (CURL_CA_BUNDLE=ca.pem)" "$BASH_CA_CMD" \
    -n "bash callapiendpoint.sh (CURL_CA_BUNDLE=system+ca.pem)" "$BASH_SYS_CMD" >&2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
jq -r '
  def ms: . * 1000 | . * 100 | round / 100;
  .results as $r
  | ($r[0].mean) as $gotom
  | "| client | mean ± σ (ms) | min (ms) | gotom / client | target |",
    "|---|---|---|---|---|",
    ($r[] | "| \(.command) | \(.mean | ms) ± \(.stddev | ms) | \(.min | ms) | "
        + (if .mean == $gotom then "—" else "\($gotom / .mean * 100 | round / 100)" end) + " | "
        + (if (.command | startswith("node")) then "≤ 0.3"
           elif (.command | startswith("bash")) then "≤ 0.6" else "" end) + " |")
' "$WORK/result.json"
