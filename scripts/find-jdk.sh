#!/usr/bin/env bash
# Prints the home of a JDK >= 21 (slamon's minimum), or explains what to do and fails.
# Order: $JAVA_HOME, the `java` on PATH, then the usual install places (newest first).
# Sourced by ./mvnw and ./slamon so nobody has to export JAVA_HOME by hand.
set -u

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

slamon_find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    v=$(jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      echo "$c"
      return 0
    fi
  done
  cat >&2 <<'MSG'
slamon: no JDK 21 or newer found (looked at $JAVA_HOME, javac on PATH, /usr/lib/jvm, /opt, ~/.sdkman).
Install one, e.g. on Debian/Ubuntu:  apt-get install openjdk-21-jdk   (or Temurin 21/25),
or set JAVA_HOME to its directory and run again.
MSG
  return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  slamon_find_jdk
fi
