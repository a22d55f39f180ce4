#!/usr/bin/env bash
# SLO engine speed: tenants x 10 SLOs over 30 days of rollups on an embedded PostgreSQL
# (docs/benchmarks.md "SLO engine"). Usage: bench/run-engine-bench.sh [tenants]   (default 1000)
exec "$(dirname "$0")/run-main.sh" io.slamon.bench.engine.EngineBench "$@"
