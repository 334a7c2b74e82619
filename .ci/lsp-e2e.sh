#!/usr/bin/env bash
# End-to-end tests of `tempguard lsp` with real LSP clients, on a copy of
# testdata/lsp/fixture (one finding with a quick fix, after non-ASCII text on
# the same line):
#   1. Neovim (Debian's 0.7.x, headless, testdata/lsp/e2e.lua): opens the
#      file, waits for tempguard's diagnostics, requests the quick fix,
#      applies it with vim.lsp.util.apply_workspace_edit and writes the file.
#   2. Node with vscode-languageserver-protocol (the library behind VS Code's
#      language clients, testdata/lsp/node/e2e.mjs): the same scenario, edits
#      applied with JavaScript's UTF-16 string indices.
# After each, this script checks that the file compiles and that tempguard no
# longer reports the finding. Installs neovim (apt-get) and the npm package
# when missing and possible; a client that cannot be had is skipped with a
# message.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
skipped=0

go build -o "$work/tempguard" ./cmd/tempguard || { echo "lsp-e2e: FAIL: go build ./cmd/tempguard"; exit 1; }

# check_fixed DIR CODE LINE: the fixed copy compiles and the CLI no longer
# reports CODE on LINE (other passes may report what the fix leads to, e.g.
# cleanup of the new temp file; that is fine).
check_fixed() {
	local dir=$1 code=$2 line=$3
	cmp -s "$dir/main.go" "$root/testdata/lsp/fixture/main.go" && { echo "the file was not changed by the quick fix"; return 1; }
	diff -u "$root/testdata/lsp/fixture/main.go" "$dir/main.go" | sed 's/^/  diff: /'
	(cd "$dir" && go build -o /dev/null . && go vet .) || { echo "the fixed file does not compile"; return 1; }
	local out
	out=$(cd "$dir" && "$work/tempguard" ./... 2>&1)
	echo "$out" | sed 's/^/  tempguard after the fix: /'
	if echo "$out" | grep -q "main.go:$line:.*\[$code\]"; then
		echo "tempguard still reports [$code] on line $line"
		return 1
	fi
}

# --- 1. Neovim
neovim() {
	if ! command -v nvim >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "lsp-e2e: installing neovim from Debian"
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim) >"$work/apt.log" 2>&1 ||
			{ echo "lsp-e2e: apt-get install neovim failed:"; tail -5 "$work/apt.log"; }
	fi
	if ! command -v nvim >/dev/null 2>&1; then
		echo "lsp-e2e: SKIPPED neovim: nvim is not installed (apt-get install neovim); the Neovim client test did not run"
		skipped=$((skipped + 1))
		return
	fi
	local dir="$work/nvim-fixture"
	cp -r testdata/lsp/fixture "$dir"
	echo "lsp-e2e: neovim: $(nvim --version | head -1) opens $dir/main.go"
	TG_BIN="$work/tempguard" TG_FILE="$dir/main.go" TG_LOG="$work/nvim.log" \
		timeout 600 nvim --headless -u NONE -i NONE -n -c "luafile $root/testdata/lsp/e2e.lua" </dev/null >"$work/nvim.out" 2>&1
	local rc=$?
	sed 's/^/  nvim: /' "$work/nvim.log" 2>/dev/null
	local why=""
	if [ "$rc" != 0 ] || ! grep -q '^PASS$' "$work/nvim.log"; then
		why="the Neovim scenario failed (exit $rc)"
		tr '\r' '\n' <"$work/nvim.out" | sed 's/^/  nvim output: /' | tail -20
	else
		local code line
		read -r _ code line < <(grep '^FINDING ' "$work/nvim.log")
		why=$(check_fixed "$dir" "$code" "$line") || true
		echo "$why" | grep '^  ' || true
		why=$(echo "$why" | grep -v '^  ' || true)
	fi
	if [ -n "$why" ]; then
		echo "lsp-e2e: FAIL neovim: $why"
		failed=$((failed + 1))
	else
		echo "lsp-e2e: PASS neovim: diagnostics, quick fix applied by Neovim, file compiles, finding gone"
		passed=$((passed + 1))
	fi

	# The README's Neovim 0.7 configuration, verbatim, as init.lua.
	local init="$work/readme-init.lua"
	awk '/<!-- e2e: nvim-0.7 -->/{f=1; next} f && /^```lua/{c=1; next} c && /^```/{exit} c' README.md >"$init"
	if ! grep -q start_client "$init"; then
		echo "lsp-e2e: FAIL neovim README: no Neovim 0.7 block after <!-- e2e: nvim-0.7 --> in README.md"
		failed=$((failed + 1))
		return
	fi
	local dir2="$work/nvim-readme"
	cp -r testdata/lsp/fixture "$dir2"
	PATH="$work:$PATH" TG_FILE="$dir2/main.go" TG_LOG="$work/nvim-readme.log" \
		timeout 300 nvim --headless -u "$init" -i NONE -n -c "luafile $root/testdata/lsp/readme-check.lua" </dev/null >"$work/nvim-readme.out" 2>&1
	rc=$?
	if [ "$rc" = 0 ] && grep -q '^PASS' "$work/nvim-readme.log"; then
		echo "lsp-e2e: PASS neovim README: the Neovim 0.7 configuration starts tempguard lsp ($(cat "$work/nvim-readme.log"))"
		passed=$((passed + 1))
	else
		echo "lsp-e2e: FAIL neovim README: the Neovim 0.7 configuration of the README gave no tempguard diagnostics (exit $rc: $(cat "$work/nvim-readme.log" 2>/dev/null))"
		tr '\r' '\n' <"$work/nvim-readme.out" | sed 's/^/  nvim output: /' | tail -20
		failed=$((failed + 1))
	fi
}

# --- 2. Node + vscode-languageserver-protocol
node_client() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		echo "lsp-e2e: SKIPPED node: node/npm are not installed; the vscode-languageserver-protocol client test did not run"
		skipped=$((skipped + 1))
		return
	fi
	mkdir -p "$work/node"
	cp testdata/lsp/node/package.json testdata/lsp/node/e2e.mjs "$work/node/"
	if ! (cd "$work/node" && timeout 300 npm install --no-audit --no-fund --silent) >"$work/npm.log" 2>&1; then
		echo "lsp-e2e: SKIPPED node: npm install vscode-languageserver-protocol failed:"
		tail -5 "$work/npm.log" | sed 's/^/  npm: /'
		skipped=$((skipped + 1))
		return
	fi
	local dir="$work/node-fixture"
	cp -r testdata/lsp/fixture "$dir"
	echo "lsp-e2e: node: $(node --version) with vscode-languageserver-protocol opens $dir/main.go"
	local out rc why=""
	out=$(cd "$work/node" && timeout 600 node e2e.mjs "$work/tempguard" "$dir/main.go" 2>&1)
	rc=$?
	echo "$out" | sed 's/^/  node: /'
	if [ "$rc" != 0 ] || ! echo "$out" | grep -q '^PASS$'; then
		why="the Node scenario failed (exit $rc)"
	else
		local code line
		code=$(echo "$out" | sed -n 's/^diagnostic: \[\([a-z]*\)\].*"start":{"line":\([0-9]*\).*/\1/p' | head -1)
		line=$(echo "$out" | sed -n 's/^diagnostic: \[\([a-z]*\)\].*"start":{"line":\([0-9]*\).*/\2/p' | head -1)
		why=$(check_fixed "$dir" "$code" "$((line + 1))") || true
		echo "$why" | grep '^  ' || true
		why=$(echo "$why" | grep -v '^  ' || true)
	fi
	if [ -n "$why" ]; then
		echo "lsp-e2e: FAIL node: $why"
		failed=$((failed + 1))
	else
		echo "lsp-e2e: PASS node: diagnostics, quick fix applied with UTF-16 indices, file compiles, finding gone"
		passed=$((passed + 1))
	fi
}

neovim
node_client

if [ $((passed + failed)) = 0 ]; then
	echo "lsp-e2e: no LSP client was available; nothing ran ($skipped skipped)"
	exit 0
fi
echo "lsp-e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
