#!/usr/bin/env bash
# End-to-end ingest benchmark (issue 3): the simulator's scale fleet serves N targets x M
# dcgm-exporter-like series; slamon (`slamon.jar serve` + its PostgreSQL), Prometheus and
# VictoriaMetrics scrape it one after the other for the same window. Prints a Markdown table
# (CPU-s per million samples, peak memory, rate, backlog, scrape-to-queryable latency, ratios)
# on stdout; progress goes to stderr. See docs/benchmarks.md.
#
# Usage: bench/run-ingest-bench.sh [--targets 100] [--series 10000] [--interval 10s]
#          [--duration 120s] [--warmup 60s] [--peers slamon,prometheus,victoriametrics]
#          [--label TEXT] [--markdown FILE] [--keep] [--skip-build] [--help]
# Environment: SLAMON_DB_URL (+ SLAMON_DB_USER/PASSWORD) to use an external PostgreSQL
# (give --db-pid to count its CPU), SLAMON_JAVA_OPTS for slamon's JVM, BENCH_HEAP for the
# benchmark JVM that runs the simulator (default 3g), MAVEN_OPTS as for any build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=1
args=()
for a in "$@"; do
  if [ "$a" = "--skip-build" ]; then build=0; else args+=("$a"); fi
done
if [ "$build" = 1 ]; then
  echo "run-ingest-bench: building app/target/slamon.jar and the bench classes (tests skipped) ..." >&2
  ./mvnw -q -DskipTests -pl app,bench -am package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
fi
if [ ! -f bench/target/classpath.txt ]; then
  echo "run-ingest-bench: bench/target/classpath.txt missing; run without --skip-build once" >&2
  exit 1
fi
java_bin="$(bash scripts/find-jdk.sh)/bin/java"
revision="$(git describe --always --dirty 2>/dev/null || echo unknown)"
exec "$java_bin" -Xmx"${BENCH_HEAP:-3g}" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.slamon.bench.ingest.IngestBench --revision "$revision" "${args[@]}"
