#!/usr/bin/env bash
# A private PostgreSQL for the progress server's tests and benchmarks, from Debian's packages.
#   .ci/postgres.sh start   initialise (once) and start it if it is not running; print its JDBC URL
#   .ci/postgres.sh url     print the JDBC URL
#   .ci/postgres.sh stop    stop it
# Idempotent. Listens on 127.0.0.1:${PYMASTERY_PG_PORT:-55432}, data in ${PYMASTERY_PG_DIR:-.work/postgres}
# (/tmp/pymastery-postgres as root);
# superuser 'pymastery', trust authentication on loopback only. As root it runs the server as the
# 'postgres' OS user (PostgreSQL refuses to run as root).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# As root the server runs as 'postgres', who may not be able to reach a checkout under /root: use /tmp.
if [ "$(id -u)" -eq 0 ]; then DEFAULT_DIR="${TMPDIR:-/tmp}/pymastery-postgres"; else DEFAULT_DIR="$ROOT/.work/postgres"; fi
DIR="${PYMASTERY_PG_DIR:-$DEFAULT_DIR}"
PORT="${PYMASTERY_PG_PORT:-55432}"
URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?user=pymastery"

find_bin() {
  local bin
  for bin in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && { echo "$bin"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

AS_OWNER=()
if [ "$(id -u)" -eq 0 ]; then AS_OWNER=(runuser -u postgres --); fi
as_owner() { "${AS_OWNER[@]}" "$@"; }

start() {
  local bin
  bin="$(find_bin)" || { echo "postgres.sh: PostgreSQL server binaries not found; install them: apt-get install postgresql" >&2; exit 3; }
  mkdir -p "$DIR"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres.sh: running as root needs the 'postgres' OS user (apt-get install postgresql creates it)" >&2; exit 3; }
    chown postgres: "$DIR"
  fi
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$DIR/data" -U pymastery --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  as_owner mkdir -p "$DIR/socket"
  if ! as_owner "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    # only-std-fds: the server must not hold on to a pipe of whoever started it (.ci/only-std-fds).
    "$ROOT/.ci/only-std-fds" "${AS_OWNER[@]}" "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -k $DIR/socket -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
      || { tail -n 20 "$DIR/server.log" >&2; exit 1; }
  fi
  echo "$URL"
}

case "${1:-start}" in
  start) start ;;
  url) echo "$URL" ;;
  stop)
    bin="$(find_bin)" || exit 0
    [ -f "$DIR/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true ;;
  *) echo "usage: .ci/postgres.sh [start|url|stop]" >&2; exit 2 ;;
esac
