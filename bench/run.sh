#!/usr/bin/env bash
#
# Cairn benchmarks (issue 6). Not a test: prints figures, fails only if a server cannot be started.
#
#   bench/run.sh                 full run: 20 s per load point, every figure the median of 3 runs (~30 min)
#   QUICK=1 bench/run.sh         5 s per point, 1 run, 10,000 keys at start-up: checks the scripts (~8 min)
#   SECTIONS="writes reads" ...  any of: writes reads fresh blocking startup (default all), and dns: bench/dns.sh,
#                                gossip: bench/gossip.sh
#
# Installs etcd-server, etcd-client and wrk from Debian if missing, copies the built distribution
# (CAIRN_DIST, default distribution/target/assembly) to a scratch dir, starts and stops its own servers by PID
# on 127.0.0.1 (ports from PORT_BASE, default 27000), and prints one Markdown table (also saved under WORK).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO="$(dirname "$BENCH")"
WORK="${WORK:-/tmp/cairn-bench}"
CAIRN_DIST="${CAIRN_DIST:-$REPO/distribution/target/assembly}"
# WARMUP: seconds of load at 16 connections before the writes are measured, then on in 10 s slices until two in a
# row differ by less than 10 %, for WARMUP_MAX seconds at most. Three new JVMs on two cores compile for a minute or
# more (the fresh section measures that time), so the steady rows come after it.
if [ "${QUICK:-0}" = 1 ]; then
  DURATION="${DURATION:-5}" RUNS="${RUNS:-1}" START_KEYS="${START_KEYS:-10000}" HOLD=15 WARMUP="${WARMUP:-5}"
  WARMUP_MAX="${WARMUP_MAX:-5}"
else
  DURATION="${DURATION:-20}" RUNS="${RUNS:-3}" START_KEYS="${START_KEYS:-100000}" HOLD=20 WARMUP="${WARMUP:-60}"
  WARMUP_MAX="${WARMUP_MAX:-300}"
fi
SECTIONS="${SECTIONS:-writes reads fresh blocking startup}"
FANOUT="${FANOUT:-10000}"
CONNS=(1 16 64)
RESULTS="$WORK/results.tsv"
source "$BENCH/lib.sh"

need=()
command -v etcd >/dev/null || need+=(etcd-server)
command -v etcdctl >/dev/null || need+=(etcd-client)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get install -y -q "${need[@]}" >/dev/null
fi
[ -x "$CAIRN_DIST/bin/cairn" ] || { echo "no distribution at $CAIRN_DIST; build it first (see README)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((FANOUT + 1000)) ] || { echo "need more than $((FANOUT + 1000)) open files" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK"
DIST="$WORK/dist"
cp -a "$CAIRN_DIST" "$DIST"
rm -rf "$DIST/data" "$DIST/instances"
: >"$RESULTS"
trap stop_all EXIT

# warm_up <script> <url>: see WARMUP above; logs how long it took.
warm_up() {
  local elapsed=$WARMUP previous=0 r
  run_wrk "$1" "$2" 16 "$WARMUP" >/dev/null
  while ((elapsed < WARMUP_MAX)); do
    read -r -a r <<<"$(run_wrk "$1" "$2" 16 10)"
    elapsed=$((elapsed + 10))
    awk -v a="$previous" -v b="${r[0]}" 'BEGIN { exit !(a > 0 && b > 0.9 * a && b < 1.1 * a) }' && break
    previous=${r[0]}
  done
  log "warmed up for $elapsed s"
}

# writes <system> <url of leader> <pid of leader or "">: PUT load at each connection count, RUNS times.
writes() {
  local sys=$1 url=$2 pid=$3 script rep c r before after
  script=$([ "${sys#etcd}" != "$sys" ] && echo etcd_put.lua || echo kv_put.lua)
  log "$sys: writes against $url"
  if [ -n "$pid" ]; then jfr_prime "$pid"; fi
  warm_up "$script" "$url"
  for ((rep = 1; rep <= RUNS; rep++)); do
    for c in "${CONNS[@]}"; do
      if [ -n "$pid" ]; then jfr_start "$pid"; else before=$(etcd_fsyncs "$url"); fi
      read -r -a r <<<"$(run_wrk "$script" "$url" "$c")"
      if [ -n "$pid" ]; then after=$(jfr_stop_count "$pid"); before=0; else after=$(etcd_fsyncs "$url"); fi
      record "w.$sys.$c.rps" "${r[0]}"
      record "w.$sys.$c.p50" "${r[1]}"
      record "w.$sys.$c.p99" "${r[2]}"
      record "w.$sys.$c.err" "${r[3]}"
      record "w.$sys.$c.fsync" "$(awk -v a="$after" -v b="$before" -v d="$DURATION" 'BEGIN { printf "%.0f", (a - b) / d }')"
      log "$sys c=$c run $rep: ${r[0]} req/s p50 ${r[1]} us p99 ${r[2]} us errors ${r[3]}"
    done
  done
}

# reads <system> <url>: GET load at 64 connections in each consistency mode, RUNS times.
reads() {
  local sys=$1 url=$2 rep mode r
  log "$sys: reads against $url"
  if [ "$sys" = cairn1 ]; then
    java "$BENCH/Preload.java" cairn "$url" bench/k 10000 64 >&2
    warm_up kv_get.lua "$url"
  else
    java "$BENCH/Preload.java" etcd "$url" bench/k 10000 64 >&2
    warm_up etcd_range.lua "$url"
  fi
  for ((rep = 1; rep <= RUNS; rep++)); do
    if [ "$sys" = cairn1 ]; then
      for mode in consistent default stale; do
        read -r -a r <<<"$(BENCH_QUERY="$([ $mode = default ] || echo "?$mode")" run_wrk kv_get.lua "$url" 64)"
        record "r.$sys.$mode.rps" "${r[0]}"; record "r.$sys.$mode.p50" "${r[1]}"; record "r.$sys.$mode.p99" "${r[2]}"
        record "r.$sys.$mode.err" "${r[3]}"
        log "$sys $mode run $rep: ${r[0]} req/s p99 ${r[2]} us errors ${r[3]}"
      done
    else
      for mode in linearizable serializable; do
        read -r -a r <<<"$(BENCH_SERIALIZABLE="$([ $mode = serializable ] && echo true)" run_wrk etcd_range.lua "$url" 64)"
        record "r.$sys.$mode.rps" "${r[0]}"; record "r.$sys.$mode.p50" "${r[1]}"; record "r.$sys.$mode.p99" "${r[2]}"
        record "r.$sys.$mode.err" "${r[3]}"
        log "$sys $mode run $rep: ${r[0]} req/s p99 ${r[2]} us errors ${r[3]}"
      done
    fi
  done
}

section_kv() {
  local url leader
  start_cairn 0 1 1
  url="http://127.0.0.1:$(cairn_http 0)"
  wait_for 180 cairn_put_ok "$url"
  [[ " $SECTIONS " == *" writes "* ]] && writes cairn1 "$url" "$(cat "$WORK/cairn0.pid")"
  [[ " $SECTIONS " == *" reads "* ]] && reads cairn1 "$url"
  stop_all

  if [[ " $SECTIONS " == *" writes "* ]]; then
    start_cairn 0 3 3; start_cairn 1 3 3; start_cairn 2 3 3
    wait_for 240 cairn_put_ok "http://127.0.0.1:$(cairn_http 0)"
    url=$(cairn_leader_url "http://127.0.0.1:$(cairn_http 0)")
    leader=$(( (${url##*:} - PORT_BASE) / 10 ))
    writes cairn3 "$url" "$(cat "$WORK/cairn$leader.pid")"
    stop_all
  fi

  start_etcd 0 1
  url="http://127.0.0.1:$(etcd_client 0)"
  wait_for 60 etcd_put_ok "$url"
  [[ " $SECTIONS " == *" writes "* ]] && writes etcd1 "$url" ""
  [[ " $SECTIONS " == *" reads "* ]] && reads etcd1 "$url"
  stop_all

  if [[ " $SECTIONS " == *" writes "* ]]; then
    start_etcd 0 3; start_etcd 1 3; start_etcd 2 3
    wait_for 60 etcd_put_ok "http://127.0.0.1:$(etcd_client 0)"
    wait_for 30 etcd_leader 3
    writes etcd3 "http://127.0.0.1:$(etcd_client "$(etcd_leader 3)")" ""
    stop_all
  fi
}

# fresh <system> <url>: writes at 1 and 64 connections into a group that has just formed, starting 5 s after
# its first successful PUT (no warm-up), RUNS times with a new group each time; and the seconds from launch
# until a 1-second sample at 64 connections first reaches 90% of the warmed-up rate measured afterwards.
fresh_writes() {
  local sys=$1 url=$2 c r
  sleep 5
  for c in 1 64; do
    read -r -a r <<<"$(run_wrk "$( [ "${sys#etcd}" != "$sys" ] && echo etcd_put.lua || echo kv_put.lua)" "$url" "$c")"
    record "f.$sys.$c.rps" "${r[0]}"; record "f.$sys.$c.p50" "${r[1]}"; record "f.$sys.$c.p99" "${r[2]}"
    record "f.$sys.$c.err" "${r[3]}"
    log "$sys fresh c=$c: ${r[0]} req/s p50 ${r[1]} us p99 ${r[2]} us errors ${r[3]}"
  done
}

# steady_after <system> <url> <launch time in ns>: 1-second samples at 64 connections for up to 60 s; prints
# the seconds from launch to the first sample within 10% of the last five samples' median.
steady_after() {
  local sys=$1 url=$2 launched=$3 script rates=() times=() i steady
  script=$([ "${sys#etcd}" != "$sys" ] && echo etcd_put.lua || echo kv_put.lua)
  for ((i = 0; i < 60; i++)); do
    local r
    read -r -a r <<<"$(run_wrk "$script" "$url" 64 1)"
    rates+=("${r[0]}")
    times+=("$((($(date +%s%N) - launched) / 1000000))")
  done
  steady=$(printf '%s\n' "${rates[@]: -5}" | sort -g | sed -n 3p)
  for ((i = 0; i < ${#rates[@]}; i++)); do
    if awk -v r="${rates[$i]}" -v s="$steady" 'BEGIN { exit !(r >= 0.9 * s) }'; then
      record "f.$sys.steady_ms" "${times[$i]}"
      log "$sys: within 10% of its steady ${steady} req/s ${times[$i]} ms after launch"
      return
    fi
  done
}

section_fresh() {
  local rep url launched
  for ((rep = 1; rep <= RUNS; rep++)); do
    start_cairn 0 3 3; start_cairn 1 3 3; start_cairn 2 3 3
    wait_for 240 cairn_put_ok "http://127.0.0.1:$(cairn_http 0)"
    url=$(cairn_leader_url "http://127.0.0.1:$(cairn_http 0)")
    fresh_writes cairn3 "$url"
    stop_all
    launched=$(date +%s%N)
    start_cairn 0 3 3; start_cairn 1 3 3; start_cairn 2 3 3
    wait_for 240 cairn_put_ok "http://127.0.0.1:$(cairn_http 0)"
    steady_after cairn3 "$(cairn_leader_url "http://127.0.0.1:$(cairn_http 0)")" "$launched"
    stop_all

    start_etcd 0 3; start_etcd 1 3; start_etcd 2 3
    wait_for 60 etcd_put_ok "http://127.0.0.1:$(etcd_client 0)"
    wait_for 30 etcd_leader 3
    fresh_writes etcd3 "http://127.0.0.1:$(etcd_client "$(etcd_leader 3)")"
    stop_all
    launched=$(date +%s%N)
    start_etcd 0 3; start_etcd 1 3; start_etcd 2 3
    wait_for 60 etcd_put_ok "http://127.0.0.1:$(etcd_client 0)"
    wait_for 30 etcd_leader 3
    steady_after etcd3 "http://127.0.0.1:$(etcd_client "$(etcd_leader 3)")" "$launched"
    stop_all
  done
}

# 10,000 blocking queries held on one durable server; samples the agent while they wait, then one write.
section_blocking() {
  local url pid rep index out t0 t1 heap
  start_cairn 0 1 1
  url="http://127.0.0.1:$(cairn_http 0)"
  pid=$(cat "$WORK/cairn0.pid")
  wait_for 180 cairn_put_ok "$url"
  warm_up kv_get.lua "$url"
  record "b.idle.threads" "$(threads_of "$pid")"
  for ((rep = 1; rep <= RUNS; rep++)); do
    curl -s -X PUT --data-binary "v$rep" "$url/v1/kv/bench/watch" >/dev/null
    index=$(curl -s -D - -o /dev/null "$url/v1/kv/bench/watch" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-consul-index" { print $2 }')
    out="$WORK/fanout$rep.out"
    java -Xss256k "$BENCH/FanOut.java" 127.0.0.1 "$(cairn_http 0)" bench/watch "$index" "$FANOUT" 50 "$HOLD" >"$out" 2>&1 &
    local fan=$!
    wait_for 120 grep -q '^HELD' "$out"
    sleep 2
    t0=$(cpu_ticks "$pid"); sleep 10; t1=$(cpu_ticks "$pid")
    record "b.cpu" "$(awk -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz / 10 * 100 }')"
    record "b.threads" "$(threads_of "$pid")"
    record "b.rss" "$(rss_mib "$pid")"
    read -r -a heap <<<"$(heap_mib "$pid")"
    record "b.heap" "${heap[0]}"
    record "b.heapcommitted" "${heap[1]}"
    wait "$fan" || true
    grep '^RESULT' "$out" >&2 || { cat "$out" >&2; continue; }
    local line
    line=$(grep '^RESULT' "$out")
    for f in woken ok early write_ms p50_ms p99_ms all_ms; do
      record "b.$f" "$(sed -n "s/.* $f=\([^ ]*\).*/\1/p" <<<"$line")"
    done
  done
  stop_all
}

# bin/cairn agent -dev until the first successful PUT; RSS then and after START_KEYS keys.
section_startup() {
  local rep url pid start ms heap
  for ((rep = 1; rep <= RUNS; rep++)); do
    local b=$((PORT_BASE + 50))
    url="http://127.0.0.1:$b"
    local dist
    dist=$(fresh_dist dist-dev)
    start=$(date +%s%N)
    "$dist/bin/cairn" agent -dev -node dev -http-port "$b" -server-port $((b + 1)) -serf-lan-port $((b + 2)) \
      -dns-port $((b + 3)) -serf-wan-port $((b + 4)) >"$WORK/dev$rep.log" 2>&1 &
    pid=$!
    STARTED_PIDS+=("$pid")
    wait_for 180 cairn_put_ok "$url"
    ms=$((($(date +%s%N) - start) / 1000000))
    record "s.first_put_ms" "$ms"
    record "s.rss_start" "$(rss_mib "$pid")"
    log "dev run $rep: first PUT after $ms ms"
    java "$BENCH/Preload.java" cairn "$url" bench/s "$START_KEYS" 64 >&2
    record "s.rss_keys" "$(rss_mib "$pid")"
    read -r -a heap <<<"$(heap_mib "$pid")"
    record "s.heap_keys" "${heap[0]}"
    stop_all
  done
}

if [[ " $SECTIONS " == *" writes "* || " $SECTIONS " == *" reads "* ]]; then section_kv; fi
if [[ " $SECTIONS " == *" fresh "* ]]; then section_fresh; fi
if [[ " $SECTIONS " == *" blocking "* ]]; then section_blocking; fi
if [[ " $SECTIONS " == *" startup "* ]]; then section_startup; fi

"$BENCH/table.sh" "$RESULTS" "$DURATION" "$RUNS" "$FANOUT" "$START_KEYS" | tee "$WORK/results.md"

# Not in the default set: the DNS comparison against NSD (issue 4) runs its own servers in a WORK of its own.
if [[ " $SECTIONS " == *" dns "* ]]; then WORK="$WORK/dns" "$BENCH/dns.sh"; fi
# Nor the gossip benchmark (issue 19): the simulation of 100 to 5,000 members and the loopback cluster of agents.
if [[ " $SECTIONS " == *" gossip "* ]]; then WORK="$WORK/gossip" "$BENCH/gossip.sh"; fi
