#!/usr/bin/env bash
# Storage-layout and write-method benchmark on an embedded PostgreSQL (docs/benchmarks.md "Storage").
# Usage: bench/run-storage-bench.sh [series days [production]]   (default 100 30: 4.32 M samples per layout;
# "production" runs only the production write-path section, before/after)
exec "$(dirname "$0")/run-main.sh" io.slamon.bench.storage.StorageBench "$@"
