#!/usr/bin/env bash
# A three-node cluster on this machine's loopback, without Docker: PostgreSQL (tests/start-postgres.sh), one
# `fundingarb exchange` and the nodes of hocon/cluster/ (node-ap-1 and node-ap-2 in region ap, node-eu-1 in eu).
#
#   deploy/local-cluster.sh up       build the node, start everything, return once all three nodes are Up
#   deploy/local-cluster.sh status   the processes still running; the dead ones on stderr (exit 1 if any)
#   deploy/local-cluster.sh down     stop the nodes (SIGTERM, so they drain), the exchange, and remove PostgreSQL
#
# up and status print one line per process on standard output, progress goes to standard error:
#   node NAME REGION DASHBOARD-URL PID
#   exchange PID
#   postgres PID
#
# Environment (all optional):
#   FUNDINGARB_CLUSTER_RUN            where the process list, PostgreSQL's settings and the logs go (data/cluster/run)
#   FUNDINGARB_CLUSTER_DATA           the nodes' and the exchange's data folders go under it (data/cluster)
#   FUNDINGARB_CLUSTER_DLL            a built fundingarb.dll to run; unset, up builds src/FundingArb.Node (Release)
#   FUNDINGARB_CLUSTER_HTTP_PORTS     the three nodes' dashboard ports, in the order above (their confs': 5091 5092 5093)
#   FUNDINGARB_CLUSTER_AKKA_PORTS     their Akka.Remote ports (4061 4062 4063); the first two are the seeds
#   FUNDINGARB_CLUSTER_EXCHANGE_PORT  the exchange's first port; its venues take it and the next two (7100)
#   FUNDINGARB_CLUSTER_TIMEOUT        seconds up waits for the exchange and for the nodes to be Up (180)
#   FUNDINGARB_CLUSTER_STOP_TIMEOUT   seconds down waits for a process to exit before it kills it (60)
#   EXCHANGE_API_KEY, EXCHANGE_API_SECRET, EXCHANGE_PASSPHRASE   the exchange's account (hocon/exchange.conf's demo one)
set -Eeuo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
run=${FUNDINGARB_CLUSTER_RUN:-$root/data/cluster/run}
data=${FUNDINGARB_CLUSTER_DATA:-$root/data/cluster}
timeout_s=${FUNDINGARB_CLUSTER_TIMEOUT:-180}
stop_timeout_s=${FUNDINGARB_CLUSTER_STOP_TIMEOUT:-60}
processes=$run/processes
pg_env=$run/postgres.env
# The order of the issue's lines: regions ap, eu, ap. The first two are the seeds (hocon/cluster/cluster.conf).
nodes=(node-ap-1 node-eu-1 node-ap-2)

log() { echo "local-cluster: $*" >&2; }

# A value of a node's conf, as hocon/cluster/node-*.conf write it: `http.port = N`, `port = N`, `region = NAME`.
conf_value() {
  local file=$root/hocon/cluster/$1.conf pattern=$2 value
  value=$(sed -n -E "s/^[[:space:]]*${pattern}[[:space:]]*=[[:space:]]*([a-z0-9-]+)[[:space:]]*$/\1/p" "$file" | head -n 1)
  [ -n "$value" ] || { log "$file has no '$pattern = ...' line"; exit 1; }
  echo "$value"
}

# The i-th word of an override list, or the conf's value.
port_of() {
  local list=$1 index=$2 node=$3 pattern=$4 words
  if [ -n "$list" ]; then
    read -r -a words <<< "$list"
    [ "${#words[@]}" -eq "${#nodes[@]}" ] || { log "'$list' must list ${#nodes[@]} ports"; exit 1; }
    echo "${words[$index]}"
  else
    conf_value "$node" "$pattern"
  fi
}

# True while pid runs a process whose command line holds marker: a pid the kernel gave to another process since
# does not count.
alive() {
  local pid=$1 marker=$2
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$marker"
}

marker_of() {
  case "$1" in
    postgres) echo postgres ;;
    *) echo fundingarb.dll ;;
  esac
}

# The pid is the last word of every line of the process list.
pid_of_line() { echo "${1##* }"; }

tail_log() {
  local file=$1
  if [ -f "$file" ]; then
    echo "--- last lines of $file:" >&2
    tail -n 25 "$file" >&2
    echo "---" >&2
  fi
}

# Starts a background process in its own session, so a Ctrl+C in this terminal does not reach it, with its output in
# a log file and no hold on this script's output; prints its pid.
spawn() {
  local log_file=$1
  shift
  setsid "$@" < /dev/null > "$log_file" 2>&1 &
  echo $!
}

# Waits for a process sent SIGTERM to exit; kills it when it takes longer than the stop timeout.
await_exit() {
  local what=$1 pid=$2
  if ! timeout "$stop_timeout_s" tail --pid="$pid" -f /dev/null; then
    log "$what (pid $pid) still running ${stop_timeout_s}s after SIGTERM; killing it"
    kill -KILL "$pid" 2> /dev/null || true
    timeout 10 tail --pid="$pid" -f /dev/null || true
  fi
}

stop_process() {
  local what=$1 pid=$2
  alive "$pid" "$(marker_of "$what")" || return 0
  kill -TERM "$pid" 2> /dev/null || return 0
  await_exit "$what" "$pid"
}

down() {
  local line name pid pids=() names=() i
  if [ -f "$processes" ]; then
    # Nodes first, together, so that each drains its pairs while the exchange and the journal are still there.
    while IFS= read -r line; do
      case "$line" in
        node\ *)
          read -r _ name _ _ pid <<< "$line"
          if alive "$pid" fundingarb.dll; then
            kill -TERM "$pid" 2> /dev/null || true
            pids+=("$pid")
            names+=("$name")
          fi
          ;;
      esac
    done < "$processes"
    for i in "${!pids[@]}"; do
      log "stopping ${names[$i]} (pid ${pids[$i]})"
      await_exit "${names[$i]}" "${pids[$i]}"
    done
    while IFS= read -r line; do
      case "$line" in
        exchange\ *)
          log "stopping the exchange (pid $(pid_of_line "$line"))"
          stop_process exchange "$(pid_of_line "$line")"
          ;;
      esac
    done < "$processes"
  fi
  if [ -f "$pg_env" ]; then
    local dir
    dir=$(sed -n -E "s/^export FUNDINGARB_TEST_PG_DIR='(.*)'$/\1/p" "$pg_env")
    if [ -n "$dir" ]; then
      log "removing PostgreSQL in $dir"
      # From /: as root the server runs as the postgres user, who may not enter the caller's folder.
      (cd / && "$root/tests/start-postgres.sh" remove "$dir")
    fi
  fi
  rm -f "$processes" "$pg_env"
  log "down"
}

# Prints the lines of the processes still running; names the dead ones on stderr. Exit 1 if any is dead, 3 if there
# is no cluster.
status() {
  local line what kind dead=0
  if [ ! -f "$processes" ]; then
    log "no cluster is running (no $processes)"
    return 3
  fi
  # In up's order: the nodes, the exchange, PostgreSQL (the file has them in the order they started).
  for kind in node exchange postgres; do
    while IFS= read -r line; do
      what=${line%% *}
      [ "$what" = "$kind" ] || continue
      if alive "$(pid_of_line "$line")" "$(marker_of "$what")"; then
        echo "$line"
      else
        log "dead: $line"
        dead=1
      fi
    done < "$processes"
  done
  return "$dead"
}

# Fails up: says why, shows the log that tells more, and stops whatever up started.
up_failed() {
  trap - ERR INT TERM
  log "$1"
  [ -z "${2:-}" ] || tail_log "$2"
  log "stopping what was started"
  down
  exit 1
}

# The members of a GET /api/v1/cluster answer, one `ADDRESS STATUS` a line.
members() {
  grep -o '"address":"[^"]*","region":"[^"]*","roles":\[[^]]*\],"status":"[^"]*"' <<< "$1" \
    | sed -E 's/^"address":"([^"]*)".*"status":"([^"]*)"$/\1 \2/'
}

up() {
  if [ -f "$processes" ]; then
    log "$processes exists: a cluster is up or was not taken down. 'status' shows it; 'down' stops it."
    exit 1
  fi
  command -v curl > /dev/null || { log "up needs curl, to ask the nodes whether they are Up"; exit 1; }
  mkdir -p "$run/logs" "$data"
  local started=$SECONDS deadline=$((SECONDS + timeout_s))
  trap 'up_failed "interrupted"' INT TERM
  trap 'up_failed "failed at line $LINENO of $0"' ERR

  local dll=${FUNDINGARB_CLUSTER_DLL:-}
  if [ -z "$dll" ]; then
    log "building src/FundingArb.Node (Release)"
    dotnet build "$root/src/FundingArb.Node" -c Release -nologo -v quiet >&2
    dll=$root/src/FundingArb.Node/bin/Release/net10.0/fundingarb.dll
  fi
  [ -f "$dll" ] || { log "no $dll"; exit 1; }

  local exchange_port=${FUNDINGARB_CLUSTER_EXCHANGE_PORT:-7100}
  local names=() regions=() http_ports=() akka_ports=() i
  for i in "${!nodes[@]}"; do
    names+=("${nodes[$i]}")
    regions+=("$(conf_value "${nodes[$i]}" region)")
    http_ports+=("$(port_of "${FUNDINGARB_CLUSTER_HTTP_PORTS:-}" "$i" "${nodes[$i]}" 'http\.port')")
    akka_ports+=("$(port_of "${FUNDINGARB_CLUSTER_AKKA_PORTS:-}" "$i" "${nodes[$i]}" port)")
  done

  # The exchange starts while PostgreSQL is set up: neither needs the other.
  log "starting the exchange on ports $exchange_port-$((exchange_port + 2))"
  local exchange_log=$run/logs/exchange.log exchange_pid
  exchange_pid=$(cd "$root" && CONFIG_FORCE_fundingarb_exchange_data__dir="$data/exchange" \
    spawn "$exchange_log" dotnet "$dll" exchange --config "$root/hocon/exchange.conf" --port "$exchange_port")
  echo "exchange $exchange_pid" >> "$processes"

  log "starting PostgreSQL"
  (cd / && "$root/tests/start-postgres.sh" start) > "$pg_env" || up_failed "PostgreSQL did not start"
  # shellcheck disable=SC1090
  source "$pg_env"
  local pg_pid
  pg_pid=$(head -n 1 "$FUNDINGARB_TEST_PG_DIR/data/postmaster.pid")
  echo "postgres $pg_pid" >> "$processes"
  until grep -q -x ready "$exchange_log" 2> /dev/null; do
    alive "$exchange_pid" fundingarb.dll || up_failed "the exchange (pid $exchange_pid) exited before it was ready" "$exchange_log"
    [ "$SECONDS" -lt "$deadline" ] || up_failed "the exchange is not ready after ${timeout_s}s" "$exchange_log"
    sleep 0.2
  done

  export FUNDINGARB_PG=$FUNDINGARB_TEST_PG
  export EXCHANGE_API_KEY=${EXCHANGE_API_KEY:-demo}
  export EXCHANGE_API_SECRET=${EXCHANGE_API_SECRET:-demo-secret}
  export EXCHANGE_PASSPHRASE=${EXCHANGE_PASSPHRASE:-demo-pass}
  export FUNDINGARB_HOSTNAME=127.0.0.1 FUNDINGARB_HTTP_HOST=127.0.0.1
  export FUNDINGARB_SEED_1=akka.tcp://fundingarb@127.0.0.1:${akka_ports[0]}
  export FUNDINGARB_SEED_2=akka.tcp://fundingarb@127.0.0.1:${akka_ports[1]}
  export FUNDINGARB_EXCHANGE_ALPHA=127.0.0.1:$exchange_port
  export FUNDINGARB_EXCHANGE_BETA=127.0.0.1:$((exchange_port + 1))
  export FUNDINGARB_EXCHANGE_GAMMA=127.0.0.1:$((exchange_port + 2))

  local pids=() urls=() addresses=() lines=()
  for i in "${!names[@]}"; do
    urls+=("http://127.0.0.1:${http_ports[$i]}/")
    addresses+=("akka.tcp://fundingarb@127.0.0.1:${akka_ports[$i]}")
    log "starting ${names[$i]} (region ${regions[$i]}, ${urls[$i]}, ${addresses[$i]})"
    pids+=("$(cd "$root" && CONFIG_FORCE_fundingarb_node_http_port=${http_ports[$i]} CONFIG_FORCE_fundingarb_cluster_port=${akka_ports[$i]} \
      spawn "$run/logs/${names[$i]}.log" dotnet "$dll" --config "$root/hocon/cluster/${names[$i]}.conf" --data "$data/${names[$i]}")")
    lines+=("node ${names[$i]} ${regions[$i]} ${urls[$i]} ${pids[$i]}")
    echo "${lines[$i]}" >> "$processes"
  done

  # Up once every node's address is Up in the cluster as the first node sees it, and every node answers ready (a
  # node opens its HTTP port only once it is Up and its actors run).
  local answer not_up
  while true; do
    not_up=()
    for i in "${!names[@]}"; do
      alive "${pids[$i]}" fundingarb.dll || up_failed "${names[$i]} (pid ${pids[$i]}) exited" "$run/logs/${names[$i]}.log"
    done
    answer=$(curl -fsS --max-time 2 "${urls[0]}api/v1/cluster" 2> /dev/null || true)
    for i in "${!names[@]}"; do
      if ! members "$answer" | grep -q -x "${addresses[$i]} Up"; then
        not_up+=("$i")
      elif ! curl -fsS --max-time 2 -o /dev/null "${urls[$i]}api/v1/ready" 2> /dev/null; then
        not_up+=("$i")
      fi
    done
    [ "${#not_up[@]}" -gt 0 ] || break
    if [ "$SECONDS" -ge "$deadline" ]; then
      local seen
      seen=$(members "$answer" | tr '\n' ';' || true)
      for i in "${not_up[@]}"; do
        log "${names[$i]} (${addresses[$i]}, ${urls[$i]}) is not Up after ${timeout_s}s; ${names[0]} sees: ${seen:-no answer}"
        tail_log "$run/logs/${names[$i]}.log"
      done
      up_failed "not every node is Up"
    fi
    sleep 0.5
  done

  trap - ERR INT TERM
  log "all ${#names[@]} nodes Up after $((SECONDS - started))s; logs in $run/logs"
  for i in "${!names[@]}"; do
    echo "${lines[$i]}"
  done
  echo "exchange $exchange_pid"
  echo "postgres $pg_pid"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
