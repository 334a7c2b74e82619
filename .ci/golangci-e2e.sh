#!/usr/bin/env bash
# End-to-end test of tempguard's golangci-lint module plugin (golangci/).
#
# Builds a real golangci-lint v2.15.0 with the plugin compiled in, from the Go
# module proxy only (testdata/golangci: a wrapper module that requires
# golangci-lint, blank-imports github.com/tempguard/tempguard/golangci with a
# replace to this checkout, and calls golangci-lint's commands.Execute - the
# program `golangci-lint custom` would build from a git clone). Then runs it on
# the fixture modules in testdata/golangci/fixtures (copied to a scratch dir):
#   - findings: `run ./...` prints exactly want.txt (file:line: analyzer), each
#     message "<analyzer>: ... (tempguard)", exits 1; --output.sarif.path writes
#     a file that validates against the OASIS SARIF 2.1.0 schema;
#   - clean: exits 0 with no findings;
#   - settings: disable/enable select analyzers; an unknown key or analyzer
#     name fails with an error naming the valid ones;
#   - fix: `run --fix` applies every fix, the module still builds, and a
#     second run is clean.
#
# Environment:
#   TEMPGUARD_SKIP_GOLANGCI=1   skip (for local runs; CI never sets it)
#   TEMPGUARD_GOLANGCI_WORK     scratch dir (default ${TMPDIR:-/tmp}/tempguard-golangci-e2e),
#                               wiped at the start
#   TEMPGUARD_GOLANGCI_RACE=1   build golangci-lint with -race (slower; a data race
#                               then fails the run: golangci-lint runs the analyzers
#                               of a package concurrently)
#   GOCACHE, GOMODCACHE         honoured; default to `go env` (cache them in CI:
#                               a cold build takes minutes)
set -euo pipefail

if [ -n "${TEMPGUARD_SKIP_GOLANGCI:-}" ]; then
	echo "golangci-e2e: skipped (TEMPGUARD_SKIP_GOLANGCI is set)"
	exit 0
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=$root/testdata/golangci
work=${TEMPGUARD_GOLANGCI_WORK:-${TMPDIR:-/tmp}/tempguard-golangci-e2e}
GOCACHE=${GOCACHE:-$(go env GOCACHE)}
GOMODCACHE=${GOMODCACHE:-$(go env GOMODCACHE)}
export GOCACHE GOMODCACHE GOWORK=off GOTOOLCHAIN=local LC_ALL=C
export GOLANGCI_LINT_CACHE=$work/lint-cache
checks=0

say() { echo "golangci-e2e: $*"; }
fail() {
	echo "golangci-e2e: FAIL: $*" >&2
	exit 1
}
pass() {
	checks=$((checks + 1))
	say "ok: $*"
}

rm -rf "$work"
mkdir -p "$work/bin" "$work/wrapper" "$work/fx" "$work/tmp" "$GOLANGCI_LINT_CACHE"
# golangci-lint refuses to run while another instance holds its lock file in
# the temp dir; a private temp dir keeps this test apart from other runs.
export TMPDIR=$work/tmp
say "work dir $work; GOCACHE=$GOCACHE GOMODCACHE=$GOMODCACHE"

# --- build ------------------------------------------------------------------
cp -r "$src/go.mod" "$src/go.sum" "$src/main.go" "$src/e2echeck" "$work/wrapper/"
start=$(date +%s)
# (set -e does not apply inside a subshell tested with ||: chain with &&.)
(
	cd "$work/wrapper" &&
		go mod edit -replace "github.com/tempguard/tempguard=$root" &&
		go mod tidy &&
		go build ${TEMPGUARD_GOLANGCI_RACE:+-race} -o "$work/bin/golangci-lint" . &&
		go build -o "$work/bin/e2echeck" ./e2echeck
) || fail "building golangci-lint v2.15.0 with the tempguard plugin"
say "built golangci-lint + plugin in $(($(date +%s) - start))s"
bin=$work/bin/golangci-lint

if ! diff <(grep -v '^replace' "$src/go.mod") <(grep -v '^replace' "$work/wrapper/go.mod") >/dev/null; then
	say "warning: testdata/golangci/go.mod is not tidy; run: (cd testdata/golangci && go mod tidy)"
fi

# The plugin must not change the versions golangci-lint v2.15.0 selects (as
# `golangci-lint custom` would after `go mod tidy`): x/tools must match exactly.
gcmod=$(cd "$work/wrapper" && go list -m -f '{{.GoMod}}' github.com/golangci/golangci-lint/v2)
(cd "$work/wrapper" && go list -m -f '{{.Path}} {{.Version}}' all) | sort >"$work/selected.txt"
awk '/^require \(/{r=1;next} /^\)/{r=0} r&&NF>=2{print $1, $2} /^require [^(]/{print $2, $3}' "$gcmod" | sort >"$work/golangci-requires.txt"
upgraded=$(join "$work/golangci-requires.txt" "$work/selected.txt" | awk '$2 != $3 {print "  " $1 ": golangci-lint requires " $2 ", plugin build selects " $3}')
if [ -n "$upgraded" ]; then
	say "note: the plugin raises module versions over golangci-lint v2.15.0's:"
	echo "$upgraded"
	if echo "$upgraded" | grep -q ' golang.org/x/tools:'; then
		fail "golang.org/x/tools differs from golangci-lint v2.15.0's; keep go.mod's x/tools at golangci-lint's version"
	fi
fi
pass "golang.org/x/tools $(awk '$1=="golang.org/x/tools"{print $2}' "$work/selected.txt") matches golangci-lint v2.15.0"

# --- helpers ----------------------------------------------------------------
# fixture NAME: a fresh copy of a fixture module; prints its directory.
fixture() {
	local dir
	dir=$(mktemp -d "$work/fx/$1.XXXXXX")
	cp -r "$src/fixtures/$1/." "$dir"
	rm -f "$dir/want.txt"
	echo "$dir"
}

# An analyzer name as golangci-lint prints it; related information (a second
# position of a finding) comes as its own line, "<analyzer>(related information)".
analyzer='[a-z]+(\(related information\))?'

# lint DIR CONFIG ARGS...: runs golangci-lint in DIR with fixtures/configs/CONFIG.yml
# as DIR/.golangci.yml; sets rc, out (stdout file), err (stderr file), got (findings).
lint() {
	local dir=$1 cfg=$2
	shift 2
	cp "$src/fixtures/configs/$cfg.yml" "$dir/.golangci.yml"
	out=$work/out.$checks.txt
	err=$work/err.$checks.txt
	got=$work/got.$checks.txt
	set +e
	(cd "$dir" && "$bin" run --output.text.print-issued-lines=false --output.text.colors=false --show-stats=false "$@" ./...) >"$out" 2>"$err"
	rc=$?
	set -e
	if grep -qE 'WARNING: DATA RACE|fatal error:|panic' "$err"; then
		cat "$err" >&2
		fail "golangci-lint crashed, panicked or raced (stderr above)"
	fi
	local bad
	bad=$(grep -E '^[^ ]+\.go:[0-9]+:[0-9]+: ' "$out" | grep -vE "^[^ ]+\.go:[0-9]+:[0-9]+: $analyzer: .+ \(tempguard\)\$" || true)
	[ -z "$bad" ] || fail "findings not in the form '<file>:<line>:<col>: <analyzer>: <message> (tempguard)':"$'\n'"$bad"
	grep -E '^[^ ]+\.go:[0-9]+:[0-9]+: ' "$out" | sed -E "s/^([^ ]+\.go):([0-9]+):[0-9]+: ($analyzer): .*\$/\1:\2: \3/" | sort >"$got" || true
}

# want FIXTURE [grep args]: the fixture's expected findings (comments dropped), optionally filtered.
want() {
	local f=$1
	shift
	{ grep -vE '^(#|$)' "$src/fixtures/$f/want.txt" || true; } | { if [ $# -gt 0 ]; then grep -E "$@" || true; else cat; fi; } | sort
}

# expect_findings WANTFILE DESCRIPTION: compares $got with WANTFILE and checks the exit code.
expect_findings() {
	local wantfile=$1 what=$2 wantrc=0
	[ -s "$wantfile" ] && wantrc=1
	if ! diff -u "$wantfile" "$got" >"$work/diff.txt"; then
		cat "$out" "$err" >&2
		fail "$what: findings differ from the expected ones (- want, + got):"$'\n'"$(cat "$work/diff.txt")"
	fi
	[ "$rc" = "$wantrc" ] || {
		cat "$out" "$err" >&2
		fail "$what: exit code $rc, want $wantrc"
	}
	pass "$what ($(wc -l <"$wantfile") findings, exit $rc)"
}

# --- findings, text + SARIF -------------------------------------------------
dir=$(fixture findings)
want findings >"$work/want-findings.txt"
[ -s "$work/want-findings.txt" ] || fail "fixtures/findings/want.txt lists no findings"
lint "$dir" default --output.text.path=stdout --output.sarif.path="$work/findings.sarif"
expect_findings "$work/want-findings.txt" "findings: run ./... reports the expected lines and analyzer names"
cat "$out"
# The plugin folds a finding's related positions into its message, so that
# golangci-lint makes no separate "(related information)" issues of them.
! grep -q '(related information)' "$out" || fail "related information shows as separate issues"
grep -qE '^main\.go:94:[0-9]+: checkthenopen: .* \(main\.go:91:[0-9]+: [^)]+\) \(tempguard\)$' "$out" ||
	fail "checkthenopen's finding does not name the check's position (main.go:91) in its message"
pass "related positions are folded into the messages"

schema=$(cd "$work/wrapper" && go list -m -f '{{.Dir}}' github.com/securego/gosec/v2)/report/sarif/testdata/sarif-schema-2.1.0.json
[ -f "$schema" ] || fail "SARIF 2.1.0 schema not found at $schema"
"$work/bin/e2echeck" "$work/findings.sarif" "$schema" | sort >"$work/sarif-got.txt" || fail "SARIF output is not valid"
diff -u "$work/want-findings.txt" "$work/sarif-got.txt" || fail "SARIF results differ from the expected findings"
pass "--output.sarif.path writes valid SARIF 2.1.0 with the same findings"

# --- clean ------------------------------------------------------------------
dir=$(fixture clean)
want clean >"$work/want-clean.txt"
[ ! -s "$work/want-clean.txt" ] || fail "fixtures/clean/want.txt must list no findings"
lint "$dir" default
expect_findings "$work/want-clean.txt" "clean: no findings"

# --- settings ---------------------------------------------------------------
dir=$(fixture findings)
lint "$dir" disable
# The reason-less //tempguard:ignore predictabletemp (main.go:84) is still
# reported, by the first analyzer that runs: malformed suppressions are
# reported whichever analyzers are enabled.
{ want findings -v ': predictabletemp(\(related information\))?$'; echo "main.go:84: checkthenopen"; } | sort >"$work/want-disable.txt"
expect_findings "$work/want-disable.txt" "settings disable: [predictabletemp] silences predictabletemp, not the malformed suppression"

lint "$dir" enable
want findings ': predictabletemp(\(related information\))?$' >"$work/want-enable.txt"
expect_findings "$work/want-enable.txt" "settings enable: [predictabletemp] runs only predictabletemp"

lint "$dir" badkey
[ "$rc" != 0 ] && grep -q 'unknown key "disabled"; valid keys: enable, disable, ' "$err" ||
	fail "unknown settings key: exit $rc, want a failure naming the valid keys; stderr: $(cat "$err")"
pass "unknown settings key fails: $(grep -m1 -o 'tempguard settings: .*' "$err")"

lint "$dir" badname
[ "$rc" != 0 ] && grep -q 'unknown analyzer "predictabletmp"; valid analyzers: predictabletemp, ' "$err" ||
	fail "unknown analyzer name: exit $rc, want a failure naming the valid analyzers; stderr: $(cat "$err")"
pass "unknown analyzer name fails: $(grep -m1 -o 'tempguard settings: .*' "$err")"

# --- fix --------------------------------------------------------------------
dir=$(fixture fix)
want fix >"$work/want-fix.txt"
lint "$dir" default
expect_findings "$work/want-fix.txt" "fix fixture: findings before --fix"
lint "$dir" default --fix
[ "$rc" = 0 ] || {
	cat "$out" "$err" >&2
	fail "run --fix: exit $rc, want 0 (every finding in fixtures/fix has a fix)"
}
if diff -ru -x .golangci.yml "$src/fixtures/fix" "$dir" | grep -v '^Only in .*: want.txt$' >"$work/fix.diff"; then :; fi
grep -q '^+' "$work/fix.diff" || fail "run --fix changed nothing"
cat "$work/fix.diff"
(cd "$dir" && go build ./... && go vet ./...) || fail "the fixed fixture does not build"
pass "run --fix applies the fixes and the module builds"
lint "$dir" default
expect_findings "$work/want-clean.txt" "fixed fixture re-runs clean"

# --- the README, literally --------------------------------------------------
# readme_block NAME: the fenced block after "<!-- e2e: NAME -->" in the README's
# golangci section.
readme_block() {
	awk -v tag="<!-- e2e: $1 -->" '
		/<!-- BEGIN golangci -->/ { sec = 1 }
		/<!-- END golangci -->/ { sec = 0 }
		sec && $0 == tag { found = 1; next }
		found && /^```/ { if (body) exit; body = 1; next }
		found && body { print }
	' "$root/README.md"
}
readme_block .golangci.yml >"$work/readme-golangci.yml"
diff -u "$src/fixtures/configs/default.yml" "$work/readme-golangci.yml" ||
	fail "the README's .golangci.yml differs from testdata/golangci/fixtures/configs/default.yml, which this test uses"
readme_block commands >"$work/readme-commands.txt"
for c in 'golangci-lint custom' './custom-gcl run ./...' './custom-gcl run --fix ./...' \
	'./custom-gcl run --output.text.path=stdout --output.sarif.path=tempguard.sarif ./...'; do
	grep -q "^$(printf '%s' "$c" | sed 's/[.*]/\\&/g')\( \|$\)" "$work/readme-commands.txt" ||
		fail "the README's commands block lacks: $c"
done
pass "the README's .golangci.yml is the one tested, and its commands are the ones run below"

# `golangci-lint custom` with the README's .custom-gcl.yml (its plugin
# `version:` replaced by `path:` to this checkout). custom git-clones
# golangci-lint at the tag: serve that clone from a local git repository made
# from the module proxy's v2.15.0 source, through git's url.<base>.insteadOf
# (custom passes GIT_CONFIG_COUNT/KEY/VALUE through to git).
if ! command -v git >/dev/null; then
	say "SKIPPED the golangci-lint custom checks: git is not installed (custom clones with git)"
	say "PASS ($checks checks)"
	exit 0
fi
gcdir=$(cd "$work/wrapper" && go list -m -f '{{.Dir}}' github.com/golangci/golangci-lint/v2)
mirror=$work/golangci-lint.git
cp -r "$gcdir" "$mirror"
chmod -R u+w "$mirror"
g() { git -C "$mirror" -c init.defaultBranch=main -c user.name=tempguard-e2e -c user.email=e2e@example.invalid -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
g init -q && g add -A -f && g commit -q -m "golangci-lint v2.15.0 (module proxy source)" && g tag v2.15.0 ||
	fail "making a local git repository of golangci-lint v2.15.0"
proj=$(fixture findings)
cp "$work/readme-golangci.yml" "$proj/.golangci.yml"
readme_block .custom-gcl.yml | sed -E "s#^( +)version: .*#\1path: $root#" >"$proj/.custom-gcl.yml"
grep -q "path: $root" "$proj/.custom-gcl.yml" || fail "the README's .custom-gcl.yml has no plugin version line to point at this checkout"
start=$(date +%s)
(cd "$proj" && GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="url.file://$mirror.insteadOf" \
	GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git \
	"$bin" custom -v) >"$work/custom.log" 2>&1 || {
	cat "$work/custom.log" >&2
	fail "golangci-lint custom"
}
[ -x "$proj/custom-gcl" ] || fail "golangci-lint custom built no ./custom-gcl"
pass "golangci-lint custom builds ./custom-gcl from the README's .custom-gcl.yml ($(($(date +%s) - start))s)"
bin=$proj/custom-gcl
rm "$proj/.golangci.yml" # lint copies configs/default.yml, which equals the README's
lint "$proj" default
expect_findings "$work/want-findings.txt" "./custom-gcl run ./... reports the expected findings"
lint "$proj" default --output.text.path=stdout --output.sarif.path=tempguard.sarif
expect_findings "$work/want-findings.txt" "./custom-gcl run --output.text.path=stdout --output.sarif.path=tempguard.sarif ./..."
"$work/bin/e2echeck" "$proj/tempguard.sarif" "$schema" | sort >"$work/sarif-got2.txt" || fail "./custom-gcl: SARIF output is not valid"
diff -u "$work/want-findings.txt" "$work/sarif-got2.txt" || fail "./custom-gcl: SARIF results differ from the expected findings"
pass "./custom-gcl writes valid SARIF 2.1.0 with the same findings"
dir=$(fixture fix)
lint "$dir" default --fix
[ "$rc" = 0 ] && (cd "$dir" && go build ./...) || fail "./custom-gcl run --fix: exit $rc or the fixed module does not build"
lint "$dir" default
expect_findings "$work/want-clean.txt" "./custom-gcl run --fix fixes everything, the module builds and re-runs clean"

say "PASS ($checks checks)"
