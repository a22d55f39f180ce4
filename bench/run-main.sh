#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar (-Pbenchmarks) and runs one benchmark main class with -Xmx2g.
# Usage: bench/run-main.sh CLASS [args...]   (used by run-storage-bench.sh and run-engine-bench.sh)
# Needs the other modules installed in the local Maven repository; MVN_FLAGS=-o builds offline.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q ${MVN_FLAGS:-} -pl bench -Pbenchmarks -DskipTests package
java_bin="$(bash scripts/find-jdk.sh)/bin/java"
main="$1"
shift
exec "$java_bin" -Xmx2g -cp bench/target/benchmarks.jar "$main" "$@"
