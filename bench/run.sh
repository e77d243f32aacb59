#!/usr/bin/env bash
# The benchmark against the AsciidoctorJ floor (see README, "Benchmark", and BENCHMARKS.md).
#
#   bench/run.sh small|large [--runs N] [--jvm-opts "..."] [--levers]
#
# Builds target/portal.jar and the test classes (skip with BENCH_SKIP_PACKAGE=1), generates the
# corpus into target/bench/<preset>/src, then measures cold, floor, unchanged and edit; the last
# line printed is: cold_s=.. floor_s=.. ratio=.. unchanged_s=.. edit_build_s=.. edit_ms=.. peak_rss_mb=..
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-small}"
[ $# -gt 0 ] && shift
case "$preset" in
  small|large) ;;
  *) echo "usage: bench/run.sh small|large [--runs N] [--jvm-opts \"...\"] [--levers]" >&2; exit 2 ;;
esac

if [ "${BENCH_SKIP_PACKAGE:-0}" != "1" ]; then
  # 'package' compiles the test classes too (skipTests skips running them, not compiling them).
  mvn -B -q package -DskipTests
fi

exec java -cp target/test-classes:target/portal.jar cn.fazhi.portal.bench.Benchmark --preset "$preset" "$@"
