#!/usr/bin/env bash
# The benchmark against the AsciidoctorJ floor and Antora (see README, "Benchmark", and BENCHMARKS.md).
#
#   bench/run.sh small|large|indicators [--runs N] [--jvm-opts "..."] [--levers [--configs "NAME=OPTS;NAME=OPTS"]]
#
# Builds target/portal.jar and the test classes (skip with BENCH_SKIP_PACKAGE=1), installs Antora from
# bench/antora/package-lock.json into target/bench/antora-npm (npm ci, once; BENCH_SKIP_ANTORA=1 leaves
# Antora out), generates the corpus into target/bench/<preset>/src, then measures cold, floor, Antora,
# unchanged, the edit build and edit; the last line printed is:
# cold_s=.. floor_s=.. ratio=.. unchanged_s=.. edit_build_s=.. edit_ms=.. peak_rss_mb=.. antora_s=.. vs_antora=..
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-small}"
[ $# -gt 0 ] && shift
case "$preset" in
  small|large|indicators) ;;
  *) echo "usage: bench/run.sh small|large|indicators [--runs N] [--jvm-opts \"...\"] [--levers]" >&2; exit 2 ;;
esac

if [ "${BENCH_SKIP_PACKAGE:-0}" != "1" ]; then
  # 'package' compiles the test classes too (skipTests skips running them, not compiling them).
  mvn -B -q package -DskipTests
fi

antora=()
if [ "${BENCH_SKIP_ANTORA:-0}" != "1" ]; then
  # Antora is a development tool of the benchmark only: installed under target/ (git-ignored), from the
  # committed lock file, again whenever the lock file changes.
  npmdir=target/bench/antora-npm
  if ! cmp -s bench/antora/package-lock.json "$npmdir/package-lock.json" || [ ! -x "$npmdir/node_modules/.bin/antora" ]; then
    command -v npm >/dev/null || { echo "bench/run.sh: Antora needs Node.js and npm (or set BENCH_SKIP_ANTORA=1)" >&2; exit 2; }
    rm -rf "$npmdir"
    mkdir -p "$npmdir"
    cp bench/antora/package.json bench/antora/package-lock.json "$npmdir/"
    (cd "$npmdir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  antora=(--antora "$npmdir/node_modules/.bin/antora")
fi

# ${a[@]+...}: an empty array is "unbound" under set -u in bash before 4.4 (macOS ships 3.2).
exec java -cp target/test-classes:target/portal.jar cn.fazhi.portal.bench.Benchmark --preset "$preset" ${antora[@]+"${antora[@]}"} "$@"
