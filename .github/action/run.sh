#!/usr/bin/env bash
# Step 2 of action.yml: run tempguard with SARIF output. It does not fail on
# findings (the upload comes first; step 4 decides), only on errors.
#   TEMPGUARD           the binary (from step 1)
#   INPUT_PACKAGES      package patterns (default ./...)
#   INPUT_ARGS          more flags, split on spaces
#   INPUT_SARIF_FILE    the SARIF log to write
# Writes sarif-file=<path> and exit-code=<code> to $GITHUB_OUTPUT.
set -uo pipefail
tg="${TEMPGUARD:?TEMPGUARD is not set}"
sarif="${INPUT_SARIF_FILE:-tempguard.sarif}"
# shellcheck disable=SC2086 # args and patterns are lists
"$tg" -format=sarif ${INPUT_ARGS:-} ${INPUT_PACKAGES:-./...} > "$sarif"
code=$?
echo "tempguard exited $code; SARIF log: $sarif"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "exit-code=$code"; } >> "$GITHUB_OUTPUT"
fi
case $code in
  0|3|4) exit 0 ;;   # clean, findings, incomplete analysis: upload, then step 4 decides
  *) exit "$code" ;; # errors (1) and bad usage (2) fail here
esac
