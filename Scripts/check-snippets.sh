#!/usr/bin/env bash
# Builds GoTomKit's documented code as a user's package would, and runs it.
#
# Every ```swift block of README.md and of the DocC catalogs, every program under Examples/ and every way of catching
# GoTomKit's errors (Scripts/snippets/ErrorHandlingPatterns.swift) is compiled, with warnings as errors, in a
# generated package that depends on this repository by path. Each program then runs against a fresh in-process
# sandbox. The error-handling patterns are built and run in release mode as well. Exits non-zero on any failure.
#
#   Scripts/check-snippets.sh            # debug and release
#   SNIPPETS_RELEASE=0 Scripts/check-snippets.sh   # debug only
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${SNIPPETS_DIR:-$root/.build-snippets}"
package="$work/package"

python3 "$root/Scripts/snippets/make_package.py" --root "$root" --out "$package"

plan_targets() {
    python3 - "$package/plan.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
items = [d["target"] for d in plan["documents"]]
items += [e["target"] + ("=" + ",".join(e["arguments"]) if e["arguments"] else "") for e in plan["examples"]]
items.append(plan["patterns"])
print(" ".join(items))
PY
}

started=$SECONDS
echo "snippets: building (debug) in $package"
swift build --package-path "$package"
bin="$(swift build --package-path "$package" --show-bin-path)"
# shellcheck disable=SC2046
"$bin/snippet-runner" "$bin" $(plan_targets)
echo "snippets: debug build and runs took $((SECONDS - started)) s"

if [[ "${SNIPPETS_RELEASE:-1}" != 0 ]]; then
    started=$SECONDS
    echo "snippets: building the error-handling patterns (release)"
    swift build --package-path "$package" -c release --product error-handling
    release_bin="$(swift build --package-path "$package" -c release --show-bin-path)"
    "$bin/snippet-runner" "$release_bin" error-handling
    echo "snippets: release build and run took $((SECONDS - started)) s"
fi

# Tells whether the installed compiler still has the crash that GoTomError's layout works around; never fails.
crash_log="$work/typed-throws-catch-crash.log"
if swift build --package-path "$root/Tests/Fixtures/TypedThrowsCatchCrash" --scratch-path "$work/crash-build" \
    >"$crash_log" 2>&1; then
    echo "snippets: note: Tests/Fixtures/TypedThrowsCatchCrash now compiles with this compiler;" \
        "GoTomError's compilerWorkaround may be removed (see that folder's README)"
elif grep -q "Found ownership error" "$crash_log"; then
    echo "snippets: the compiler still crashes on Tests/Fixtures/TypedThrowsCatchCrash (workaround still needed)"
else
    echo "snippets: note: Tests/Fixtures/TypedThrowsCatchCrash failed in another way; see $crash_log"
fi
