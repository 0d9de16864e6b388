#!/usr/bin/env bash
# Runs every test MockGen has, on a fresh machine with only the .NET SDK and Node:
# installs the pinned Azurite (npm ci) the storage tests start, then runs all test projects.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# The dashboard's browser test drives Debian's chromium headless; install it when missing (as root, bounded in time).
if ! command -v chromium > /dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends chromium > /dev/null
fi

configuration="${CONFIGURATION:-Release}"
log=$(mktemp)
set +e
dotnet test MockGen.Functions.sln -c "$configuration" --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# dotnet test builds only what the test projects reference: compile the benchmarks too, so they cannot rot unseen.
if ! dotnet build benchmarks/MockGen.Benchmarks/MockGen.Benchmarks.csproj -c "$configuration" --nologo -v quiet > "$log.bench" 2>&1; then
  grep -E ' error ' "$log.bench" | sort -u
  echo "error: benchmarks/MockGen.Benchmarks does not build"
  status=1
fi
rm -f "$log.bench"
set -e

# One closing line over all test projects, in the plain form CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
