#!/usr/bin/env bash
# Installs a local TimescaleDB for slamon's storage integration tests (and for small
# installations) on Debian 12 (bookworm), run as root:
#   - PostgreSQL 15 server + server headers + build tools from bookworm,
#   - TimescaleDB built from the Debian *trixie* source package (bookworm has none) against
#     PostgreSQL 15 with the package's own cmake flags (Apache-2 edition: Debian strips the
#     TSL-licensed parts, so there is no compression; hypertables and drop_chunks work),
#   - a cluster "slamon" on port 5433 with shared_preload_libraries = 'timescaledb',
#     a role slamon/slamon (LOGIN, CREATEDB) and a database slamon owned by it. The extension
#     is "trusted", so a database owner may CREATE EXTENSION it without superuser rights.
# Idempotent: every step checks first, so a second run only verifies and prints the URL.
#
# Environment overrides: SLAMON_TS_PORT (5433), SLAMON_TS_PASSWORD (slamon),
# SLAMON_TS_BUILD_DIR (/var/cache/slamon/timescaledb-build).
set -euo pipefail

PG_MAJOR=15
CLUSTER=slamon
PORT="${SLAMON_TS_PORT:-5433}"
ROLE=slamon
PASSWORD="${SLAMON_TS_PASSWORD:-slamon}"
DATABASE=slamon
BUILD_DIR="${SLAMON_TS_BUILD_DIR:-/var/cache/slamon/timescaledb-build}"
SRC_LIST=/etc/apt/sources.list.d/slamon-trixie-src.list
PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
PACKAGES=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-client-$PG_MAJOR
  cmake gcc make dpkg-dev libkrb5-dev libssl-dev)

say() { echo "install-timescaledb: $*"; }
fail() {
  echo "install-timescaledb: FAILED: $*" >&2
  exit 1
}
trap 'echo "install-timescaledb: FAILED (line $LINENO): $BASH_COMMAND" >&2' ERR

[ "$(id -u)" = 0 ] || fail "run as root (it installs packages and creates a PostgreSQL cluster), e.g. sudo $0"
command -v apt-get >/dev/null || fail "apt-get not found: this script supports Debian 12 (bookworm) only"
if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  . /etc/os-release
  [ "${VERSION_CODENAME:-}" = bookworm ] || say "warning: written for Debian 12 (bookworm), this is ${PRETTY_NAME:-unknown}"
fi
export DEBIAN_FRONTEND=noninteractive

apt_updated=no
apt_update() {
  if [ "$apt_updated" = no ]; then
    say "apt-get update"
    apt-get update -q >/dev/null || fail "apt-get update failed (network? see: apt-get update)"
    apt_updated=yes
  fi
}

# 1. packages (only when something is missing, so a second run does not touch apt)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt_update
  say "installing ${missing[*]}"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
fi
[ -x "$PG_CONFIG" ] || fail "$PG_CONFIG missing after installing postgresql-server-dev-$PG_MAJOR"

# 2. TimescaleDB from the trixie source package
ext_dir="$("$PG_CONFIG" --sharedir)/extension"
if ls "$ext_dir"/timescaledb--*.sql >/dev/null 2>&1 && [ -f "$ext_dir/timescaledb.control" ]; then
  say "TimescaleDB already installed into PostgreSQL $PG_MAJOR ($(grep -o "default_version = '[^']*'" "$ext_dir/timescaledb.control"))"
else
  if [ ! -f "$SRC_LIST" ]; then
    say "adding $SRC_LIST (deb-src trixie main; source packages only, no binaries from trixie)"
    echo "deb-src http://deb.debian.org/debian trixie main" >"$SRC_LIST"
    apt_updated=no
  fi
  apt_update
  rm -rf "$BUILD_DIR"
  mkdir -p "$BUILD_DIR"
  # apt drops privileges to _apt for downloads; let it write here to avoid a warning.
  chown _apt "$BUILD_DIR" 2>/dev/null || true
  say "apt-get source timescaledb (into $BUILD_DIR)"
  (cd "$BUILD_DIR" && apt-get source -q timescaledb >source.log 2>&1) \
    || fail "apt-get source timescaledb failed; see $BUILD_DIR/source.log"
  src="$(find "$BUILD_DIR" -maxdepth 1 -mindepth 1 -type d -name 'timescaledb-*' | head -n1)"
  [ -n "$src" ] || fail "no timescaledb-* source directory in $BUILD_DIR"
  say "building $(basename "$src") against PostgreSQL $PG_MAJOR"
  # Same flags as the package's debian/rules (APACHE_ONLY: the +dfsg tarball has no tsl/),
  # plus the test suites off because they need extra tooling we do not install.
  (cd "$src" && mkdir -p build && cd build \
    && cmake .. -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPG_CONFIG="$PG_CONFIG" \
      -DSEND_TELEMETRY_DEFAULT=OFF -DUSE_TELEMETRY=OFF -DAPACHE_ONLY=1 \
      -DREGRESS_CHECKS=OFF -DTAP_CHECKS=OFF -DWARNINGS_AS_ERRORS=OFF >"$BUILD_DIR/build.log" 2>&1 \
    && make -j"$(nproc)" >>"$BUILD_DIR/build.log" 2>&1 \
    && make install >>"$BUILD_DIR/build.log" 2>&1) \
    || fail "building TimescaleDB failed; see $BUILD_DIR/build.log"
  say "installed TimescaleDB into $ext_dir"
fi

# 3. the cluster
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_MAJOR $CLUSTER"; then
  say "creating cluster $PG_MAJOR/$CLUSTER on port $PORT"
  pg_createcluster "$PG_MAJOR" "$CLUSTER" -p "$PORT" >/dev/null \
    || fail "pg_createcluster $PG_MAJOR $CLUSTER -p $PORT failed (port in use? see pg_lsclusters)"
fi
actual_port="$(pg_conftool -s "$PG_MAJOR" "$CLUSTER" show port 2>/dev/null || echo "$PORT")"
[ "$actual_port" = "$PORT" ] || fail "cluster $PG_MAJOR/$CLUSTER exists but uses port $actual_port, not $PORT"

restart=no
if [ "$(pg_conftool -s "$PG_MAJOR" "$CLUSTER" show shared_preload_libraries 2>/dev/null || true)" != timescaledb ]; then
  pg_conftool "$PG_MAJOR" "$CLUSTER" set shared_preload_libraries timescaledb
  restart=yes
fi
if [ "$(pg_conftool -s "$PG_MAJOR" "$CLUSTER" show timescaledb.telemetry_level 2>/dev/null || true)" != off ]; then
  # nothing phones home (DOMAIN.md); the build has telemetry off already, this is belt and braces
  pg_conftool "$PG_MAJOR" "$CLUSTER" set timescaledb.telemetry_level off
  restart=yes
fi

status="$(pg_lsclusters -h | awk -v c="$CLUSTER" -v v="$PG_MAJOR" '$1==v && $2==c {print $4}')"
if [ "$status" = online ] && [ "$restart" = yes ]; then
  say "restarting cluster (configuration changed)"
  pg_ctlcluster "$PG_MAJOR" "$CLUSTER" restart || fail "restart failed; see /var/log/postgresql/postgresql-$PG_MAJOR-$CLUSTER.log"
elif [ "$status" != online ]; then
  say "starting cluster $PG_MAJOR/$CLUSTER"
  pg_ctlcluster "$PG_MAJOR" "$CLUSTER" start || fail "start failed; see /var/log/postgresql/postgresql-$PG_MAJOR-$CLUSTER.log"
fi

# 4. role, database, extension check
psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d "${2:-postgres}" -tAc "$1"; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  say "creating role $ROLE"
  psql_admin "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
else
  psql_admin "ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
  say "creating database $DATABASE"
  psql_admin "CREATE DATABASE $DATABASE OWNER $ROLE"
fi
# Prove the role can create the extension itself, over TCP with its password, as slamon will.
PGPASSWORD="$PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" \
  -tAc "CREATE EXTENSION IF NOT EXISTS timescaledb" >/dev/null 2>&1 \
  || fail "role $ROLE cannot connect to 127.0.0.1:$PORT/$DATABASE or cannot create the timescaledb extension"
version="$(PGPASSWORD="$PASSWORD" psql -X -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" \
  -tAc "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'")"
license="$(PGPASSWORD="$PASSWORD" psql -X -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" \
  -tAc "SELECT current_setting('timescaledb.license')")"

trap - ERR
say "ready: TimescaleDB $version ($license edition) on PostgreSQL $PG_MAJOR, cluster $PG_MAJOR/$CLUSTER"
echo "jdbc:postgresql://127.0.0.1:$PORT/$DATABASE   (user $ROLE, password $PASSWORD)"
