#!/usr/bin/env bash
# End-to-end tests of the ecosystem manifests:
#   1. .pre-commit-hooks.yaml with the real pre-commit tool (Debian's
#      package): `pre-commit try-repo <this checkout> tempguard --all-files`
#      in a scratch git repository must fail on testdata/demo's findings and
#      pass on testdata/clean.
#   2. action.yml's steps: the scripts it runs (.github/action/*.sh), with
#      the environment the action gives them, on the same two modules: the
#      SARIF log is written and valid JSON, the verdict step fails on
#      findings and passes when clean. (The upload step is GitHub's own
#      upload-sarif action and needs GitHub.)
# Installs pre-commit with apt-get when missing; skips part 1 with a clear
# message only where that is impossible (not root, no apt-get, no network).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "ecosystem-e2e: FAIL: $*"; failed=1; }

# A scratch git repository holding a copy of a fixture module.
scratch() {
	local name=$1 dir="$work/$1"
	mkdir -p "$dir"
	cp -R "$root/testdata/$name/." "$dir/"
	(cd "$dir" && git init -q && git add -A &&
		git -c user.name=ci -c user.email=ci@example.invalid commit -qm fixture) || return 1
	echo "$dir"
}

# --- 1. pre-commit -----------------------------------------------------------
if ! command -v pre-commit >/dev/null 2>&1; then
	if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
		echo "== installing pre-commit (apt-get)"
		{ apt-get update && apt-get install -y pre-commit; } >"$work/apt.log" 2>&1 || tail -20 "$work/apt.log"
	fi
fi
if ! command -v pre-commit >/dev/null 2>&1; then
	echo "ecosystem-e2e: SKIP pre-commit: the pre-commit tool is not installed and cannot be installed here (needs root and apt-get with network: apt-get install -y pre-commit)"
else
	echo "== pre-commit $(pre-commit --version)"
	# pre-commit builds the hook with `go install ./...` in its copy of this
	# repository; share the module cache so the build does not download
	# everything again.
	export PRE_COMMIT_HOME="$work/pre-commit-home"
	GOMODCACHE=$(go env GOMODCACHE)
	export GOMODCACHE
	bad=$(scratch demo) || fail "cannot make a git repository of testdata/demo"
	out=$(cd "$bad" && pre-commit try-repo "$root" tempguard --all-files 2>&1)
	code=$?
	echo "$out" | sed 's/^/  demo: /' | tail -40
	if [ $code -eq 0 ]; then
		fail "pre-commit passed on testdata/demo, which has findings"
	elif ! echo "$out" | grep -q 'error: \[predictabletemp\]'; then
		fail "pre-commit on testdata/demo did not show tempguard's findings"
	fi
	good=$(scratch clean) || fail "cannot make a git repository of testdata/clean"
	out=$(cd "$good" && pre-commit try-repo "$root" tempguard --all-files 2>&1)
	code=$?
	echo "$out" | sed 's/^/  clean: /' | tail -10
	[ $code -eq 0 ] || fail "pre-commit failed on testdata/clean (exit $code)"
	echo "$out" | grep -q '^tempguard\.*Passed' || fail "pre-commit did not report the tempguard hook as passed on testdata/clean"
fi

# --- 2. action.yml's steps ----------------------------------------------------
echo "== action.yml steps"
export GITHUB_ACTION_PATH="$root" RUNNER_TEMP="$work/runner"
mkdir -p "$RUNNER_TEMP"
for fixture in demo clean; do
	dir="$work/action-$fixture"
	mkdir -p "$dir"
	cp -R "$root/testdata/$fixture/." "$dir/"
	export GITHUB_OUTPUT="$work/output-$fixture"
	: >"$GITHUB_OUTPUT"
	INPUT_VERSION="" bash "$root/.github/action/install.sh" || { fail "install.sh"; continue; }
	tg=$(sed -n 's/^tempguard=//p' "$GITHUB_OUTPUT")
	[ -x "$tg" ] || { fail "install.sh wrote no tempguard= output"; continue; }
	(cd "$dir" && TEMPGUARD="$tg" INPUT_PACKAGES=./... INPUT_ARGS="" INPUT_SARIF_FILE=tempguard.sarif \
		bash "$root/.github/action/run.sh") || fail "run.sh failed on $fixture"
	sarif=$(sed -n 's/^sarif-file=//p' "$GITHUB_OUTPUT")
	code=$(sed -n 's/^exit-code=//p' "$GITHUB_OUTPUT")
	[ -s "$dir/$sarif" ] || { fail "no SARIF log for $fixture"; continue; }
	(cd "$root" && go run ./scripts/sarifcheck "$dir/$sarif") || fail "the SARIF log of $fixture is not valid SARIF 2.1.0"
	if EXIT_CODE="$code" bash "$root/.github/action/verdict.sh"; then verdict=pass; else verdict=fail; fi
	case "$fixture:$code:$verdict" in
		demo:3:fail | clean:0:pass) echo "  $fixture: exit $code, verdict $verdict: ok" ;;
		*) fail "$fixture: exit code $code, verdict $verdict" ;;
	esac
done

if [ $failed -ne 0 ]; then
	echo "ecosystem-e2e: FAILED"
	exit 1
fi
echo "ecosystem-e2e: ok"
