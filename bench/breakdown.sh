#!/usr/bin/env bash
# Where the time of a cold build goes (BENCHMARKS.md, "Breakdown").
#
#   bench/breakdown.sh small|large
#
# 1. Breakdown: the pipeline's stages called one by one in a new JVM, each timed (wall clock).
# 2. JFR: one real `java -jar target/portal.jar build` recorded with Java Flight Recorder
#    (deep stacks, 'profile' settings), summarised by stage and, inside JBake, by activity.
# Results go to target/bench/analysis/<preset>/. Run bench/run.sh first (it builds the jar and
# generates the corpus), or set BENCH_SKIP_PACKAGE=0 to build here.
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-small}"
case "$preset" in
  small|large) ;;
  *) echo "usage: bench/breakdown.sh small|large" >&2; exit 2 ;;
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
# The same --add-opens the jar's manifest gives `java -jar`.
opens=(--add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED)

echo "== stage breakdown ($preset), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "process: wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  java "${opens[@]}" -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.Breakdown "$src" "$out/breakdown/site"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== JFR profile of java -jar target/portal.jar build ($preset), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "process: wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  java -XX:FlightRecorderOptions:stackdepth=4096 -XX:StartFlightRecording:filename="$out/build.jfr",settings=profile \
  -Xlog:disable -jar target/portal.jar build --source "$src" --output "$out/jfr/site"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java -cp target/test-classes cn.fazhi.portal.bench.JfrSummary "$out/build.jfr"
