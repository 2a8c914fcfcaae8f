#!/usr/bin/env bash
# Checks the artefacts that Scripts/release.sh left in dist/, as a user would meet them:
#
#   - SHA256SUMS matches both files;
#   - the .deb installs with dpkg -i; gotom is /usr/bin/gotom and prints the version; `gotom demo` (an embedded
#     sandbox, no network) succeeds; `man -w gotom` finds the page and it renders; the bash completion loads into
#     a non-interactive bash and completes a command; the zsh and fish completions are where those shells look;
#   - dpkg -r removes every file it installed, and the folders only it created;
#   - the tarball has the binary, completions, man pages, LICENSE and README, and its binary runs under `env -i`
#     (no PATH, no HOME) from an unrelated folder; it needs no Swift library of the system.
#
#   Scripts/check-release.sh             (as root: it installs and removes the package)
#   DIST=path/to/dist Scripts/check-release.sh
#
# Exits non-zero at the first failure. Refuses to run while a gotom package is installed, to leave it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=${DIST:-$ROOT/dist}
VERSION=$(sed -n 's/^ *public static let version = "\(.*\)"$/\1/p' Sources/GoTomAuth/Version/GoTomKitVersion.swift)
NAME=gotom-$VERSION-linux-$(uname -m)
TARBALL=$DIST/$NAME.tar.gz
DEB=$DIST/gotom_${VERSION}_$(dpkg --print-architecture).deb

step() { echo "check-release: $*" >&2; }
fail() {
    echo "check-release: FAIL: $*" >&2
    exit 1
}

[ "$(id -u)" = 0 ] || fail "run as root: the check installs and removes the package with dpkg"
[ -f "$TARBALL" ] && [ -f "$DEB" ] && [ -f "$DIST/SHA256SUMS" ] \
    || fail "missing in $DIST (run Scripts/release.sh first): $(basename "$TARBALL"), $(basename "$DEB"), SHA256SUMS"
if ! command -v man >/dev/null; then
    step "installing man-db"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends man-db >/dev/null
fi
if dpkg-query -W -f='${Status}' gotom 2>/dev/null | grep -q "installed"; then
    fail "a gotom package is installed already; remove it (dpkg -r gotom) before the check"
fi

WORK=$(mktemp -d)
INSTALLED=
cleanup() {
    if [ -n "$INSTALLED" ]; then dpkg -r gotom >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/home" "$WORK/elsewhere"

step "checksums"
(cd "$DIST" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match"

step "package metadata"
dpkg-deb -f "$DEB" Package Version Architecture Maintainer Depends Installed-Size >"$WORK/control"
cat "$WORK/control" >&2
grep -qx "Version: $VERSION" "$WORK/control" || fail "the package version is not $VERSION"
grep -q "^Maintainer: .* <.*@.*>$" "$WORK/control" || fail "no Maintainer with a mail address"
grep -q "^Depends: .*libc6" "$WORK/control" || fail "Depends does not name libc6"
# What the package will install, and which of it exists before: after removal, exactly those remain.
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's|^\./|/|; s|/$||' | grep -v '^/\?$' >"$WORK/contents"
while read -r path; do
    if [ -e "$path" ] || [ -L "$path" ]; then echo "$path"; fi
done <"$WORK/contents" >"$WORK/before"
while read -r path; do
    [ -d "$path" ] || fail "$path exists before the package is installed"
done <"$WORK/before"

step "dpkg -i $(basename "$DEB")"
dpkg -i "$DEB" >"$WORK/dpkg-install.log" 2>&1 || { cat "$WORK/dpkg-install.log" >&2; fail "dpkg -i failed"; }
INSTALLED=1
dpkg -L gotom | grep -vx "/\." | sort >"$WORK/listed"
diff <(sort "$WORK/contents") "$WORK/listed" >/dev/null || fail "dpkg -L differs from the package contents"
for path in /usr/bin/gotom /usr/bin/gotom-mcp /usr/share/bash-completion/completions/gotom /usr/share/zsh/vendor-completions/_gotom \
    /usr/share/fish/vendor_completions.d/gotom.fish /usr/share/man/man1/gotom.1.gz /usr/share/doc/gotom/copyright; do
    [ -f "$path" ] || fail "$path is not installed"
done

step "gotom --version"
[ "$(command -v gotom)" = /usr/bin/gotom ] || fail "gotom on PATH is $(command -v gotom), not /usr/bin/gotom"
version_text=$(cd "$WORK/elsewhere" && gotom --version) || fail "gotom --version failed"
echo "  $version_text" >&2
[[ $version_text == "$VERSION (commit "*", built "*")" ]] || fail "gotom --version printed '$version_text'"

step "gotom demo"
(cd "$WORK/elsewhere" && env -i PATH=/usr/bin:/bin HOME="$WORK/home" timeout 300 gotom demo) \
    >"$WORK/demo.out" 2>"$WORK/demo.err" \
    || { tail -n 20 "$WORK/demo.out" "$WORK/demo.err" >&2; fail "gotom demo failed"; }
[ -s "$WORK/demo.out" ] || fail "gotom demo printed nothing"

step "gotom mcp (execs /usr/bin/gotom-mcp)"
initialize='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"check-release","version":"1"}}}'
(cd "$WORK/elsewhere" && printf '%s\n' "$initialize" | env -i PATH=/usr/bin:/bin HOME="$WORK/home" timeout 60 gotom mcp --sandbox) \
    >"$WORK/mcp.out" 2>"$WORK/mcp.err" || { tail -n 20 "$WORK/mcp.err" >&2; fail "gotom mcp --sandbox failed"; }
grep -q '"serverInfo"' "$WORK/mcp.out" || { cat "$WORK/mcp.out" "$WORK/mcp.err" >&2; fail "gotom mcp did not answer initialize"; }

step "man pages"
[ "$(man -w gotom)" = /usr/share/man/man1/gotom.1.gz ] || fail "man -w gotom: $(man -w gotom 2>&1)"
man -w gotom.campaign >/dev/null || fail "no man page for gotom campaign"
MANWIDTH=80 man -P cat gotom >"$WORK/man.txt" 2>"$WORK/man.err" || { cat "$WORK/man.err" >&2; fail "man gotom failed"; }
grep -q "^NAME" "$WORK/man.txt" && grep -q "gotom" "$WORK/man.txt" || fail "man gotom does not render a page"
pages=$(dpkg -L gotom | grep -c '^/usr/share/man/man1/.*\.1\.gz$')
echo "  $pages pages" >&2

step "bash completion in a non-interactive bash"
completed=$(bash --norc --noprofile -c '
    source /usr/share/bash-completion/completions/gotom
    spec=$(complete -p gotom) || exit 1
    function=${spec##*-F }
    function=${function%% *}
    declare -F "$function" >/dev/null || exit 2
    COMP_WORDS=(gotom camp)
    COMP_CWORD=1
    COMP_LINE="gotom camp"
    COMP_POINT=${#COMP_LINE}
    "$function" gotom camp gotom
    printf "%s\n" "${COMPREPLY[@]}"
') || fail "the bash completion did not load or define its function (status $?)"
grep -qx "campaign" <<<"$completed" || fail "the bash completion did not complete 'gotom camp' (got: $completed)"

step "dpkg -r gotom"
dpkg -r gotom >"$WORK/dpkg-remove.log" 2>&1 || { cat "$WORK/dpkg-remove.log" >&2; fail "dpkg -r failed"; }
INSTALLED=
[ -z "$(dpkg-query -W -f='${db:Status-Status}' gotom 2>/dev/null | grep -v not-installed)" ] \
    || fail "dpkg still knows gotom: $(dpkg-query -W -f='${Status}' gotom)"
left=0
while read -r path; do
    grep -qxF "$path" "$WORK/before" && continue
    if [ -e "$path" ] || [ -L "$path" ]; then
        echo "  left behind: $path" >&2
        left=$((left + 1))
    fi
done <"$WORK/listed"
[ "$left" = 0 ] || fail "dpkg -r left $left paths behind"
hash -r
! command -v gotom >/dev/null || fail "gotom is still on PATH after removal: $(command -v gotom)"

step "tarball"
tar -xzf "$TARBALL" -C "$WORK"
for path in gotom gotom-mcp LICENSE README.md completions/gotom.bash completions/_gotom completions/gotom.fish man/man1/gotom.1 \
    man/man1/gotom.campaign.1; do
    [ -f "$WORK/$NAME/$path" ] || fail "the tarball has no $NAME/$path"
done
cmp -s "$WORK/$NAME/LICENSE" LICENSE || fail "the tarball's LICENSE is not the project's"
BIN=$WORK/$NAME/gotom
ldd "$BIN" >"$WORK/ldd" 2>&1 || true
sed 's/^/  ldd: /' "$WORK/ldd" >&2
! grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu|not found' "$WORK/ldd" \
    || fail "the binary needs Swift libraries or misses a library"
tar_version=$(cd "$WORK/elsewhere" && env -i "$BIN" --version) || fail "env -i gotom --version failed"
[ "$tar_version" = "$version_text" ] || fail "the tarball's gotom says '$tar_version', the package's '$version_text'"
(cd "$WORK/elsewhere" && env -i "$BIN" demo) >"$WORK/tar-demo.out" 2>&1 \
    || { tail -n 20 "$WORK/tar-demo.out" >&2; fail "env -i gotom demo (tarball) failed"; }

step "all checks passed: $(basename "$DEB") and $(basename "$TARBALL")"
