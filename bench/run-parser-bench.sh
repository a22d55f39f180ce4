#!/usr/bin/env bash
# Builds the JMH benchmarks jar and runs the exposition-parser benchmark on one thread,
# printing samples/s for slamon's parser next to a naive regex/split parser.
# Usage: bench/run-parser-bench.sh [warmups iterations seconds forks]   (default 3 5 1 1)
# Needs the collector installed in ~/.m2 (./mvnw -pl collector install).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -pl bench -Pbenchmarks -DskipTests package
java_bin="$(bash scripts/find-jdk.sh)/bin/java"
exec "$java_bin" -jar bench/target/benchmarks.jar "$@"
