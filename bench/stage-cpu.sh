#!/usr/bin/env bash
# Where a cold one-off build's CPU goes, stage by stage (BENCHMARKS.md, "Session 9").
#
#   bench/stage-cpu.sh small|large|indicators|DIR [RUNS]
#
# Runs RUNS (default 3) cold builds, each in a new JVM with the options a plain `java -jar portal.jar build`
# gives its child (cli.FirstTierJit: the JIT's first tier, the class-data archive beside the jar, the heap
# settings), and prints each one's table of wall time, Java threads' CPU and the rest of the process's CPU
# (JIT, GC, JVM) per pipeline stage (bench.StageCpu). Run bench/run.sh first (it builds the jar and
# generates the corpus), or set BENCH_SKIP_PACKAGE=0 to build here.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-small}"
runs="${2:-3}"
if [ "${BENCH_SKIP_PACKAGE:-1}" != "1" ] || [ ! -f target/portal.jar ] || [ ! -d target/test-classes/cn/fazhi/portal/bench ]; then
  mvn -B -q package -DskipTests
fi
root="$(pwd)"
case "$what" in
  small|large|indicators)
    src="$root/target/bench/$what/src"
    java -cp target/test-classes cn.fazhi.portal.bench.CorpusGenerator "$what" "$src" "$root" >/dev/null ;;
  *) src="$(cd "$what" && pwd)" ;;
esac
# The child's options, as FirstTierJit gives them to a build of this jar.
read -r -a opts <<<"$(java -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.ChildOptions target/portal.jar)"
echo "options: ${opts[*]}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "process: wall %e s, user %U s, sys %S s, peak RSS %M KB" \
    java "${opts[@]}" -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.StageCpu "$src" "$root/target/bench/stage-cpu"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
