#!/usr/bin/env bash
# Step 4 of action.yml: fail when step 2 found findings at or above the
# severity threshold (exit code 3), after the upload.
#   EXIT_CODE           tempguard's exit code from step 2
set -euo pipefail
case "${EXIT_CODE:-}" in
  3) echo "::error::tempguard found problems (see the code scanning alerts or the SARIF log)"; exit 1 ;;
  4) echo "::warning::tempguard could not analyse every package completely (see the step log)" ;;
esac
