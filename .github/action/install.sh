#!/usr/bin/env bash
# Step 1 of action.yml: install tempguard.
#   INPUT_VERSION       a module version for go install (v0.1.0, latest), or
#                       empty: build the action's checkout ($GITHUB_ACTION_PATH)
#   RUNNER_TEMP         where the binary goes (a temp dir when unset)
# Writes tempguard=<path> to $GITHUB_OUTPUT (when set) and prints it.
set -euo pipefail
bindir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tempguard-bin"
mkdir -p "$bindir"
if [ -n "${INPUT_VERSION:-}" ]; then
  GOBIN="$bindir" go install "github.com/tempguard/tempguard/cmd/tempguard@${INPUT_VERSION}"
else
  src="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
  (cd "$src" && go build -o "$bindir/tempguard" ./cmd/tempguard)
fi
"$bindir/tempguard" -version
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "tempguard=$bindir/tempguard" >> "$GITHUB_OUTPUT"
fi
echo "tempguard=$bindir/tempguard"
