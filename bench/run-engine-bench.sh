#!/usr/bin/env bash
# SLO engine speed: tenants x 10 SLOs over 30 days of rollups on an embedded PostgreSQL
# (docs/benchmarks.md "SLO engine"). Usage: bench/run-engine-bench.sh [tenants]   (default 1000)
# Needs store, slo-engine and collector installed in the local Maven repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q ${MVN_FLAGS:-} -pl bench -Pbenchmarks -DskipTests package
java_bin="$(bash scripts/find-jdk.sh)/bin/java"
exec "$java_bin" -Xmx2g -cp bench/target/benchmarks.jar io.slamon.bench.engine.EngineBench "$@"
