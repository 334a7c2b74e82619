#!/usr/bin/env bash
# Kills `tempguard -fix` at random moments (SIGKILL, SIGINT, SIGTERM; at
# random times, right after its first file write, while go vet runs) many
# times, and checks that every file is either untouched or fully fixed, that
# no temporary file is left and that no process it started survives it.
# go test runs the same test a few times; this runs it many.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(go env GOOS)" != linux ]; then
  echo "fix-kill: skipped (needs Linux: checks for stray processes through /proc)"
  exit 0
fi
TEMPGUARD_KILL_ITERATIONS=${TEMPGUARD_KILL_ITERATIONS:-60} \
  go test ./cmd/tempguard -run '^TestFixKilled$' -count=1 -v | grep -E '^(---|\s+fixkill_test|ok|FAIL|PASS)'
