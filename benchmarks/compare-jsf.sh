#!/usr/bin/env bash
# Whole-process comparison of MockGen and json-schema-faker over the same folder of JSON Schemas.
#
#   benchmarks/compare-jsf.sh [schema-folder] [count]
#
# schema-folder: *.json JSON Schemas, one contract per file (default: the corpus below).
# count:         payloads per schema (default 10).
#
# Default corpus: built by compare-jsf/build-corpus.mjs from the JSON-Schema-Test-Suite (draft 2020-12, required
# tests) into .mockgen/bench/jsts-2020-12: one file per test group that has a valid instance (so it is
# satisfiable), minus boolean schemas and groups needing remote documents. The suite is found at
# $JSON_SCHEMA_TEST_SUITE or ../shared/json-schema-test-suite beside the repository.
#
# MockGen runs as its Release publish (`dotnet publish src/MockGen.Cli -c Release -r linux-x64`, ReadyToRun, done here unless
# MOCKGEN_BIN names a built `mockgen`), one process: `mockgen generate <folder> --target "#" --count N` (each
# file's root schema only, as json-schema-faker does; without --target MockGen also generates every $defs entry).
# json-schema-faker (pinned in package.json; `npm ci` installs it) runs as one Node process,
# compare-jsf/jsf-driver.mjs, because its CLI takes one schema per process.
# Printed: wall and CPU (user+sys) seconds of each, payload counts, the wall ratio, and how many of
# json-schema-faker's payloads MockGen's validator rejects. On a loaded machine wall time overstates both;
# read the CPU times too and say what `uptime` said.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/.mockgen/bench"
mkdir -p "$work"

count="${2:-10}"
if [ -n "${1:-}" ]; then
  folder="$(cd "$1" && pwd)"
else
  suite="${JSON_SCHEMA_TEST_SUITE:-$root/../shared/json-schema-test-suite}"
  folder="$work/jsts-2020-12"
  node "$root/benchmarks/compare-jsf/build-corpus.mjs" "$suite/tests/draft2020-12" "$folder"
fi
schemas=$(find "$folder" -maxdepth 1 -name '*.json' | wc -l)

if [ ! -d "$root/node_modules/json-schema-faker" ]; then
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -n "${MOCKGEN_BIN:-}" ]; then
  mockgen="$MOCKGEN_BIN"
else
  # Runtime-specific, so the publish is ReadyToRun (see MockGen.Cli.csproj): what a user installing a release runs.
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
    *) rid="" ;;
  esac
  dotnet publish "$root/src/MockGen.Cli" -c Release ${rid:+-r "$rid" --self-contained false} -o "$work/cli" --nologo -v quiet >&2
  mockgen="$work/cli/mockgen"
fi

# Runs a command, its output to a log, and prints "<wall> <cpu>" in seconds (CPU = user + sys of the children).
measure() {
  local log="$1"; shift
  local start end
  local before after self=$BASHPID
  before=$(awk '{print $14+$15+$16+$17}' /proc/$self/stat)
  start=$(date +%s.%N)
  "$@" >"$log.out" 2>"$log.err" || true
  end=$(date +%s.%N)
  # cutime/cstime of this shell grow by the children it waited for; clock ticks to seconds.
  after=$(awk '{print $14+$15+$16+$17}' /proc/$self/stat)
  awk -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f %.2f\n", e - s, (a - b) / hz }'
}

echo "machine: $(uptime)"
echo "folder: $folder ($schemas schemas), $count payloads each"

read -r mg_wall mg_cpu < <(measure "$work/mockgen" "$mockgen" generate "$folder" --target "#" --count "$count" --format ndjson --out -)
mg_payloads=$(wc -l <"$work/mockgen.out")

read -r jsf_wall jsf_cpu < <(measure "$work/jsf" node "$root/benchmarks/compare-jsf/jsf-driver.mjs" "$folder" "$count" /dev/stdout)
jsf_payloads=$(wc -l <"$work/jsf.out")

"$mockgen" validate "$folder" "$work/jsf.out" --formats assert >"$work/jsf-validation.ndjson" 2>/dev/null || true
jsf_rejected=$(grep -c '"valid":false' "$work/jsf-validation.ndjson" || true)
"$mockgen" validate "$folder" "$work/mockgen.out" >"$work/mockgen-validation.ndjson" 2>/dev/null || true
mg_rejected=$(grep -c '"valid":false' "$work/mockgen-validation.ndjson" || true)

printf '%-18s %8s %8s %9s %9s\n' tool wall_s cpu_s payloads rejected
printf '%-18s %8s %8s %9s %9s\n' mockgen "$mg_wall" "$mg_cpu" "$mg_payloads" "$mg_rejected"
printf '%-18s %8s %8s %9s %9s\n' json-schema-faker "$jsf_wall" "$jsf_cpu" "$jsf_payloads" "$jsf_rejected"
awk -v m="$mg_wall" -v j="$jsf_wall" -v mc="$mg_cpu" -v jc="$jsf_cpu" \
  'BEGIN { printf "ratio mockgen/json-schema-faker: wall %.2fx, cpu %.2fx\n", m / j, (jc > 0 ? mc / jc : 0) }'
echo "(rejected = payloads MockGen's validator, formats asserted, finds invalid; logs and outputs in $work)"
