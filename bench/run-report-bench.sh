#!/usr/bin/env bash
# Monthly reports for N tenants (default 100) on a fresh embedded PostgreSQL in a temp directory:
# writes a month of data per tenant, then times the period job and the report issuing.
# Usage: bench/run-report-bench.sh [tenants [de|en]]
# Needs the modules installed in the local Maven repository (./mvnw -pl bench -am install -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -pl bench -DskipTests package
./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java_bin="$(bash scripts/find-jdk.sh)/bin/java"
exec "$java_bin" -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.slamon.bench.reports.ReportBench "$@"
