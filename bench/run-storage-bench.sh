#!/usr/bin/env bash
# Storage-layout and write-method benchmark on an embedded PostgreSQL (docs/benchmarks.md "Storage").
# Usage: bench/run-storage-bench.sh [series days]   (default 100 30: 4.32 M samples per layout)
# Needs store and collector installed in the local Maven repository (./mvnw -pl store,collector -am install).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q ${MVN_FLAGS:-} -pl bench -Pbenchmarks -DskipTests package
java_bin="$(bash scripts/find-jdk.sh)/bin/java"
exec "$java_bin" -Xmx2g -cp bench/target/benchmarks.jar io.slamon.bench.storage.StorageBench "$@"
