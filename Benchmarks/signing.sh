#!/usr/bin/env bash
# Signatures per second: GoTomAuth (release build) next to the same computation in C with OpenSSL, same run.
#   Benchmarks/signing.sh [ITERATIONS]      (default 1,000,000 per case; needs gcc and libssl-dev)
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS=${1:-1000000}
command -v gcc >/dev/null && [ -f /usr/include/openssl/hmac.h ] || { echo "needs gcc and libssl-dev" >&2; exit 1; }
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
gcc -O2 -Wno-deprecated-declarations -o "$WORK/signing-openssl" Benchmarks/signing-openssl.c -lcrypto
swift build -c release --product gotom-signing-benchmark >/dev/null
env -i PATH="$PATH" "$WORK/signing-openssl" "$ITERATIONS"
env -i PATH="$PATH" .build/release/gotom-signing-benchmark "$ITERATIONS"
