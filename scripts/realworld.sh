#!/usr/bin/env bash
# Runs tempguard over the real-module corpus (scripts/realworld/modules.txt)
# in standalone and vet-tool modes and diffs the findings against
# scripts/realworld/expected.txt. See scripts/realworld/main.go.
#
#   scripts/realworld.sh                 # every module (tens of minutes on 2 cores)
#   scripts/realworld.sh -ci             # the small subset .ci/run runs
#   scripts/realworld.sh github.com/spf13/afero   # named modules
#   scripts/realworld.sh -update         # rewrite expected.txt; review the diff
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./scripts/realworld "$@"
