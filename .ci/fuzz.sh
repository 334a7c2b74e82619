#!/usr/bin/env bash
# Fuzzes the whole suite (passes.FuzzSuite: mutated Go programs through
# parse, type-check, every analyzer and every suggested fix, which must
# leave a program that type-checks). CI runs it briefly; run it for longer
# by hand:
#
#   FUZZTIME=10m .ci/fuzz.sh
#
# A failing input is written to passes/testdata/fuzz/FuzzSuite/: once the
# bug is fixed, commit it, and `go test ./...` keeps it as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
go test ./passes -run '^$' -fuzz '^FuzzSuite$' -fuzztime "${FUZZTIME:-60s}" -parallel "${FUZZPARALLEL:-2}"
