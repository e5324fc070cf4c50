# Helpers for bench/run.sh: starting and stopping servers by PID on loopback, load generation, sampling.
# Sourced, not run. Expects BENCH (this directory), WORK, DIST, DURATION, RESULTS to be set.

# Ports: Cairn node i uses PORT_BASE+10i (+0 http, +1 raft, +2 serf lan, +3 dns, +4 serf wan);
# etcd member i uses PORT_BASE+100+10i (+0 client, +1 peer).
PORT_BASE="${PORT_BASE:-27000}"
declare -a STARTED_PIDS=()

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

load1() { cut -d' ' -f1 /proc/loadavg; }

# record <metric> <value>: one measurement, with the 1-minute load average at the time it was taken.
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$(load1)" >>"$RESULTS"; }

cairn_http() { echo $((PORT_BASE + 10 * $1)); }
etcd_client() { echo $((PORT_BASE + 100 + 10 * $1)); }

# fresh_dist <name>: a private copy of the distribution for one agent. Agents started from one shared copy were
# seen to leave etc/io.cairn.raft.cfg and etc/io.cairn.http.cfg empty when they stopped, breaking the next start.
fresh_dist() {
  rm -rf "$WORK/$1"
  cp -a "$DIST" "$WORK/$1"
  echo "$WORK/$1"
}

# start_cairn <i> <bootstrap-expect> <node count>: server i of a group of <node count> on loopback.
start_cairn() {
  local i=$1 expect=$2 nodes=$3 base=$((PORT_BASE + 10 * $1)) joins=() j
  for ((j = 0; j < nodes; j++)); do
    [ "$j" -ne "$i" ] && joins+=(-retry-join "127.0.0.1:$((PORT_BASE + 10 * j + 2))")
  done
  rm -rf "$WORK/cairn$i"
  "$(fresh_dist "dist$i")/bin/cairn" agent -server -bootstrap-expect "$expect" -node "b$i" -data-dir "$WORK/cairn$i" \
    -bind 127.0.0.1 -http-port "$base" -server-port $((base + 1)) -serf-lan-port $((base + 2)) \
    -dns-port $((base + 3)) -serf-wan-port $((base + 4)) "${joins[@]}" >"$WORK/cairn$i.log" 2>&1 &
  STARTED_PIDS+=($!)
  echo $! >"$WORK/cairn$i.pid"
}

# start_etcd <i> <member count>: member i of a group of <member count> on loopback (fsync on, as shipped).
start_etcd() {
  local i=$1 members=$2 cluster="" j
  for ((j = 0; j < members; j++)); do
    cluster+="${cluster:+,}e$j=http://127.0.0.1:$(($(etcd_client "$j") + 1))"
  done
  rm -rf "$WORK/etcd$i"
  local client peer
  client=$(etcd_client "$i")
  peer=$((client + 1))
  etcd --name "e$i" --data-dir "$WORK/etcd$i" --listen-client-urls "http://127.0.0.1:$client" \
    --advertise-client-urls "http://127.0.0.1:$client" --listen-peer-urls "http://127.0.0.1:$peer" \
    --initial-advertise-peer-urls "http://127.0.0.1:$peer" --initial-cluster "$cluster" \
    --initial-cluster-state new --log-level warn >"$WORK/etcd$i.log" 2>&1 &
  STARTED_PIDS+=($!)
  echo $! >"$WORK/etcd$i.pid"
}

# stop_pid <pid>: SIGTERM, then SIGKILL after 30 s.
stop_pid() {
  local pid=$1 n
  kill "$pid" 2>/dev/null || return 0
  for ((n = 0; n < 300; n++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
}

stop_all() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done
  STARTED_PIDS=()
}

# wait_for <seconds> <command...>: retries the command every 50 ms until it succeeds.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && { log "timed out waiting for: $*"; return 1; }
    sleep 0.05
  done
}

cairn_put_ok() { [ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT --data-binary ready "$1/v1/kv/bench-ready")" = 200 ]; }
etcd_put_ok() { [[ "$(curl -sf -X POST -d '{"key":"cmVhZHk=","value":"MQ=="}' "$1/v3/kv/put")" == *header* ]]; }

# cairn_leader_url <any node's url>: the HTTP URL of the leader (raft port - 1 = http port, see above).
cairn_leader_url() {
  local raft
  raft=$(curl -s "$1/v1/status/leader" | tr -d '"')
  echo "http://127.0.0.1:$((${raft##*:} - 1))"
}

# etcd_leader <member count>: index of the member that is leader.
etcd_leader() {
  local j
  for ((j = 0; j < $1; j++)); do
    # no "curl | grep -q": grep leaving early fails curl, and with pipefail the test
    if [[ "$(curl -s "http://127.0.0.1:$(etcd_client "$j")/metrics")" == *$'\netcd_server_is_leader 1'* ]]; then
      echo "$j"
      return
    fi
  done
  return 1
}

# run_wrk <script> <url> <connections> [seconds]: prints "rps p50_us p99_us errors".
run_wrk() {
  local threads=$(($3 < 2 ? $3 : 2)) out
  out=$(BENCH_WRK_DIR="$BENCH/wrk" wrk -t"$threads" -c"$3" -d"${4:-$DURATION}s" --timeout 10s \
    -s "$BENCH/wrk/$1" "$2" 2>&1)
  local line
  line=$(grep '^RESULT' <<<"$out") || { log "wrk failed: $out"; echo "0 0 0 -1"; return; }
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
         print v["rps"], v["p50_us"], v["p99_us"], v["socket_errors"] + v["non2xx"] }' <<<"$line"
}

# Counting fsyncs. Cairn: JFR's jdk.FileForce event (every FileChannel.force, which is how Ratis syncs its
# log) recorded with no threshold. etcd: its own WAL fsync counter.
jfr_start() { jcmd "$1" JFR.start name=benchfsync settings="$BENCH/fsync.jfc" >/dev/null; }
# jfr_prime <pid>: a first recording, started and stopped, so that JFR's start-up in the JVM (class loading,
# threads, compiling) happens during the warm-up rather than in the first measured run.
jfr_prime() {
  jcmd "$1" JFR.start name=benchprime settings="$BENCH/fsync.jfc" >/dev/null
  jcmd "$1" JFR.stop name=benchprime >/dev/null
}
jfr_stop_count() {
  local file="$WORK/fsync.jfr"
  rm -f "$file"
  jcmd "$1" JFR.stop name=benchfsync filename="$file" >/dev/null
  jfr print --events jdk.FileForce "$file" | grep -c '^jdk.FileForce' || true
}
etcd_fsyncs() {
  curl -s "$1/metrics" | awk '/^etcd_disk_wal_fsync_duration_seconds_count/ { print $2 }'
}

# Process samples.
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
threads_of() { awk '/^Threads/ { print $2 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# heap_mib <pid>: "used committed" in MiB after a full GC (the live heap).
heap_mib() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/total .*used/ {
    for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i + 1); if ($i == "used") u = $(i + 1) }
    gsub(/[K,]/, "", t); gsub(/[K,]/, "", u); printf "%.0f %.0f", u / 1024, t / 1024; exit }'
}
