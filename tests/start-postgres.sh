#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests and benchmarks, on a loopback port of its own.
#   tests/start-postgres.sh start [DIR [PORT]]   initdb into DIR (a fresh temporary folder when omitted),
#                                                start the server on 127.0.0.1:PORT (a free port when
#                                                omitted) and print the lines to eval:
#                                                  export FUNDINGARB_TEST_PG='Host=...'
#                                                  export FUNDINGARB_TEST_PG_DIR='DIR'
#   tests/start-postgres.sh restart DIR          start the server of DIR again, on the port it had
#   tests/start-postgres.sh stop DIR [MODE]      stop it (pg_ctl mode: fast by default, or immediate)
#   tests/start-postgres.sh remove DIR           stop it and delete DIR
# Installs Debian's postgresql package when no server binaries are found (CI machines start fresh).
# initdb refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
    fi
  done | sort -V | tail -n 1
}

ensure_installed() {
  bin=$(find_bin)
  if [ -z "$bin" ]; then
    log "no PostgreSQL server found; installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin=$(find_bin)
    [ -n "$bin" ] || { log "postgresql did not install"; exit 1; }
  fi
}

# Runs a command as the server's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Below Linux's ephemeral range (32768-60999): a port there can be any outgoing connection's local port, which a
# listener cannot bind even though nothing answers on it, and the tests make many connections.
free_port() {
  local port
  for port in $(seq 25432 25632); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port in 25432-25632"
  exit 1
}

start_server() {
  local dir=$1 port=$2
  # fsync stays on: the benchmarks measure the same durable commits a node would make.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" >&2
}

cmd=${1:-start}
case "$cmd" in
  start)
    ensure_installed
    dir=${2:-$(mktemp -d /tmp/fundingarb-pg.XXXXXX)}
    port=${3:-$(free_port)}
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$dir"
      chmod 700 "$dir"
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
    echo "$port" > "$dir/port"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir/port"; fi
    start_server "$dir" "$port"
    echo "export FUNDINGARB_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
    echo "export FUNDINGARB_TEST_PG_DIR='$dir'"
    ;;
  restart)
    ensure_installed
    dir=${2:?usage: $0 restart DIR}
    start_server "$dir" "$(cat "$dir/port")"
    ;;
  stop)
    ensure_installed
    dir=${2:?usage: $0 stop DIR [fast|immediate]}
    as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 60 -m "${3:-fast}" stop >&2 || true
    ;;
  remove)
    ensure_installed
    dir=${2:?usage: $0 remove DIR}
    as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start [DIR [PORT]] | restart DIR | stop DIR [MODE] | remove DIR" >&2
    exit 2
    ;;
esac
