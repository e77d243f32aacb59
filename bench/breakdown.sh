#!/usr/bin/env bash
# Where the time of a cold build goes (BENCHMARKS.md, "Breakdown").
#
#   bench/breakdown.sh small|large|indicators
#
# 1. Breakdown: `build --verbose` in a new JVM prints the wall time of each pipeline stage.
# 2. JFR: one real `java -jar target/portal.jar build` recorded with Java Flight Recorder
#    (deep stacks, 'profile' settings), summarised by stage and, inside JBake, by activity.
# Both run with -XX:TieredStopAtLevel=1, the JIT a plain `java -jar … build` runs its build with
# (README, "Faster one-off builds"), in the JVM started here.
# Results go to target/bench/analysis/<preset>/. Run bench/run.sh first (it builds the jar and
# generates the corpus), or set BENCH_SKIP_PACKAGE=0 to build here.
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-small}"
case "$preset" in
  small|large|indicators) ;;
  *) echo "usage: bench/breakdown.sh small|large|indicators" >&2; exit 2 ;;
esac
if [ "${BENCH_SKIP_PACKAGE:-1}" != "1" ] || [ ! -f target/portal.jar ] || [ ! -d target/test-classes/cn/fazhi/portal/bench ]; then
  mvn -B -q package -DskipTests
fi

root="$(pwd)"
src="$root/target/bench/$preset/src"
out="$root/target/bench/analysis/$preset"
java -cp target/test-classes cn.fazhi.portal.bench.CorpusGenerator "$preset" "$src" "$root" >/dev/null
rm -rf "$out"
mkdir -p "$out"
echo "== stage breakdown ($preset, cold: no conversion cache), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out/breakdown"
/usr/bin/time -f "process: wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  java -XX:TieredStopAtLevel=1 -jar target/portal.jar build --verbose --source "$src" --output "$out/breakdown/site"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== JFR profile of java -jar target/portal.jar build ($preset), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "process: wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  java -XX:TieredStopAtLevel=1 -XX:FlightRecorderOptions:stackdepth=4096 -XX:StartFlightRecording:filename="$out/build.jfr",settings=profile \
  -Xlog:disable -jar target/portal.jar build --source "$src" --output "$out/jfr/site"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java -cp target/test-classes cn.fazhi.portal.bench.JfrSummary "$out/build.jfr"
