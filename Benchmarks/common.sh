# Helpers shared by the benchmark scripts; sourced by them, not run on its own.
# Every sandbox here uses the benchmark credentials bench / bench-secret-not-real.

BENCH_USER=bench
BENCH_SECRET=bench-secret-not-real

# build_gotom PRODUCT...: release build of the products into $SCRATCH with $BUILD_FLAGS; sets GOTOM to the gotom
# executable there.
build_gotom() {
    local product
    for product in "$@"; do
        # shellcheck disable=SC2086
        swift build -c release --scratch-path "$SCRATCH" $BUILD_FLAGS --product "$product" >"$WORK/build.log" 2>&1 || {
            grep -E "error" "$WORK/build.log" >&2 || tail -n 20 "$WORK/build.log" >&2
            exit 1
        }
    done
    GOTOM=$PWD/$SCRATCH/release/gotom
}

# start_sandbox DATA_DIR [FLAG...]: starts `$GOTOM sandbox` (or `$SANDBOX_BIN sandbox`, so that A/B runs of two
# clients share one server build) on a free port with its output in DATA_DIR.out; waits for its URL. Sets
# SANDBOX_PID, URL and CA (the local CA of a --tls sandbox).
start_sandbox() {
    local data=$1
    shift
    "${SANDBOX_BIN:-$GOTOM}" sandbox --port 0 --data-dir "$data" --user "$BENCH_USER" --secret "$BENCH_SECRET" "$@" \
        >"$data.out" 2>&1 &
    SANDBOX_PID=$!
    URL=
    for _ in $(seq 1 400); do
        URL=$(sed -n 's/^gotom sandbox listening on //p' "$data.out" 2>/dev/null || true)
        [ -n "$URL" ] && break
        kill -0 "$SANDBOX_PID" 2>/dev/null || break
        sleep 0.05
    done
    [ -n "$URL" ] || { echo "the sandbox did not start:" >&2; cat "$data.out" >&2; exit 1; }
    CA=$data/tls/ca.pem
}

# stop_sandbox: stops the sandbox that start_sandbox started (SIGTERM: pending writes are flushed).
stop_sandbox() {
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
}

# cut_seed_clients SEED DIR: writes goTom's Node (callapi.js) and Bash (callapiendpoint.sh) example clients from
# the seed text into DIR, cut as the interop tests cut them: from the shebang up to the prose after it.
cut_seed_clients() {
    perl -0777 -ne 'print "$1\n" if m{(#!/usr/bin/env node.*?)From command Line call it}s' "$1" >"$2/callapi.js"
    perl -0777 -ne 'print "$1\n" if m{(#!/usr/bin/env bash.*?)GET example call via Bash script}s' "$1" \
        >"$2/callapiendpoint.sh"
    [ -s "$2/callapi.js" ] && [ -s "$2/callapiendpoint.sh" ] \
        || { echo "seed layout changed: cannot cut the clients" >&2; exit 1; }
}

# start_nginx_serving FILE: starts nginx (2 workers, keep-alive, no access log) on a free 127.0.0.1 port, serving
# FILE as /app-api/campaign/BENCH-1 from $WORK/www. Sets NGINX_PORT; nginx's pid file is $WORK/nginx.pid.
start_nginx_serving() {
    NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    mkdir -p "$WORK/www/app-api/campaign" "$WORK/tmp"
    cp "$1" "$WORK/www/app-api/campaign/BENCH-1"
    chmod 755 "$WORK"; chmod -R a+rX "$WORK/www"   # nginx workers run as an unprivileged user
    cat >"$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
    uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
    server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
NGINX
    nginx -c "$WORK/nginx.conf" -p "$WORK"
}
