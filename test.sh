#!/usr/bin/env bash
# Runs every test MockGen has, on a fresh machine with only the .NET SDK and Node:
# installs the pinned Azurite (npm ci) the storage tests start, then runs all test projects.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

configuration="${CONFIGURATION:-Release}"
log=$(mktemp)
set +e
dotnet test MockGen.Functions.sln -c "$configuration" --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects, in the plain form CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
