#!/usr/bin/env bash
#
# Gossip benchmark (issue 19). Not a test: prints figures, fails only if something cannot be started.
#
#   bench/gossip.sh                  both sections: about 1.5 hours on 2 cores, nearly all of it simulating 5,000
#                                    members (their join floods every member's gossip queue) and the UDP-only
#                                    1,000-member run; the loopback cluster takes about 5 minutes
#   QUICK=1 bench/gossip.sh          100 and 1,000 members, 2 virtual minutes per loss, 3 kills, 2 loopback kills
#                                    (about 10 minutes)
#   SECTIONS="sim loopback"          sim: bench/gossip/GossipSim.java on the in-memory network and virtual clock,
#                                    100, 1,000 and 5,000 members; loopback: 3 servers + 2 client agents of the
#                                    built distribution, kill -9 a client, time until its serfHealth is critical
#   SIZES="100 1000 5000", MINUTES=10 (virtual minutes per loss level), LARGE=1000 and LARGE_MINUTES=3 (pools
#   above LARGE members run LARGE_MINUTES and gossip no tags, to fit memory and time), KILLS=5, LOSSES=0,5,10,
#   SEED=1, SIM_HEAP=12g, UDP_ONLY_SIZES="100 1000" and UDP_ONLY_LOSSES=10 (extra runs without the TCP fallback
#   ping, so that lost datagrams lead to suspicions), REPEATS=5 (loopback kills), WORK=, CAIRN_DIST=, PORT_BASE=
#   override the defaults.
#
# The simulation needs the gossip bundle and the bundles it uses built (mvn -B -o -q -pl bundles/io.cairn.gossip
# -am install -DskipTests); the loopback section needs the distribution (distribution/target/assembly). Agents run
# from private copies of the distribution on 127.0.0.1 (ports from PORT_BASE, default 29000), started and stopped
# by PID. One Markdown report is printed and saved as $WORK/gossip-results.md.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO="$(dirname "$BENCH")"
WORK="${WORK:-/tmp/cairn-bench-gossip}"
CAIRN_DIST="${CAIRN_DIST:-$REPO/distribution/target/assembly}"
PORT_BASE="${PORT_BASE:-29000}"
M2="${M2:-$HOME/.m2/repository}"
if [ "${QUICK:-0}" = 1 ]; then
  SIZES="${SIZES:-100 1000}" MINUTES="${MINUTES:-2}" KILLS="${KILLS:-3}" REPEATS="${REPEATS:-2}"
  UDP_ONLY_SIZES="${UDP_ONLY_SIZES:-100}"
else
  SIZES="${SIZES:-100 1000 5000}" MINUTES="${MINUTES:-10}" KILLS="${KILLS:-5}" REPEATS="${REPEATS:-5}"
  UDP_ONLY_SIZES="${UDP_ONLY_SIZES:-100 1000}"
fi
LARGE="${LARGE:-1000}"
LARGE_MINUTES="${LARGE_MINUTES:-3}"
LOSSES="${LOSSES:-0,5,10}"
UDP_ONLY_LOSSES="${UDP_ONLY_LOSSES:-10}"
SEED="${SEED:-1}"
SIM_HEAP="${SIM_HEAP:-12g}"
SECTIONS="${SECTIONS:-sim loopback}"
REPORT="$WORK/gossip-results.md"
source "$BENCH/lib.sh"

rm -rf "$WORK"
mkdir -p "$WORK"
: >"$REPORT"
trap stop_all EXIT

# The simulation's class path, copied under WORK so that a rebuild meanwhile does not pull jars from under it.
sim_classpath() {
  local lib="$WORK/lib" bundle jar slf4j
  mkdir -p "$lib"
  for bundle in io.cairn.gossip io.cairn.gossip.api io.cairn.agent.api io.cairn.coordinate; do
    jar=$(ls "$REPO/bundles/$bundle/target/$bundle"-[0-9]*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -1)
    [ -n "$jar" ] || { echo "no built jar in bundles/$bundle/target; build it first (see the header)" >&2; exit 1; }
    cp "$jar" "$lib/"
  done
  slf4j=$(sed -n 's:.*<slf4j.version>\(.*\)</slf4j.version>.*:\1:p' "$REPO/pom.xml")
  for jar in slf4j-api slf4j-simple; do
    [ -f "$M2/org/slf4j/$jar/$slf4j/$jar-$slf4j.jar" ] || { echo "no $jar $slf4j in $M2" >&2; exit 1; }
    cp "$M2/org/slf4j/$jar/$slf4j/$jar-$slf4j.jar" "$lib/"
  done
  ls "$lib"/*.jar | paste -sd:
}

# field <name> <RESULT line>: the value of name=value.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# p50 and max in seconds of the milliseconds on stdin, one a line; "none" (the event never came) is counted apart.
p50_max() {
  sort -n | awk '$1 == "none" { missing++; next } { v[++n] = $1 } END {
    if (n == 0) printf "–"; else printf "%.1f / %.1f", v[int((n + 1) / 2)] / 1000, v[n] / 1000
    if (missing) printf " (%d never)", missing }'
}

# simulate <size> <output name> <options...>: one GossipSim run; its RESULT lines go to $WORK/<output name>.out.
simulate() {
  local size=$1 name=$2 out="$WORK/$2.out"
  shift 2
  log "simulating $size members: $*"
  java -Xmx"$SIM_HEAP" -XX:+UseStringDeduplication -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$SIM_CP" "$BENCH/gossip/GossipSim.java" \
    --members "$size" --seed "$SEED" "$@" >"$out" 2>"$WORK/$name.err" \
    || { log "the simulation of $size members failed:"; tail -20 "$WORK/$name.err" >&2; exit 1; }
  grep '^RESULT' "$out" >&2
}

section_sim() {
  local size minutes tags
  SIM_CP=$(sim_classpath)
  for size in $SIZES; do
    minutes=$MINUTES tags=agent
    if [ "$size" -gt "$LARGE" ]; then minutes=$LARGE_MINUTES tags=none; fi
    simulate "$size" "sim$size" --kills "$KILLS" --minutes "$minutes" --losses "$LOSSES" --tags "$tags"
  done
  for size in $UDP_ONLY_SIZES; do
    simulate "$size" "sim$size-udp" --kills 0 --minutes "$MINUTES" --losses "$UDP_ONLY_LOSSES" --tcp-pings off
  done
  sim_tables >>"$REPORT"
}

# The simulation's two tables, from the RESULT lines in $WORK/sim<size>.out and sim<size>-udp.out.
sim_tables() {
  local size l
  echo "### Simulation: failure detection (kill of one member, virtual seconds, p50 / max of $KILLS kills, seed $SEED)"
  echo
  echo "| members | tags | all see all alive | first suspect | first declares failed | all members know it failed | wall time of the run |"
  echo "|---|---|---|---|---|---|---|"
  for size in $SIZES; do
    local out="$WORK/sim$size.out" conv done
    conv=$(grep '^RESULT converged' "$out")
    done=$(grep '^RESULT done' "$out")
    echo "| $size | $(field tags "$conv") | $(field converged_s "$conv") s |" \
      "$(grep '^RESULT kill' "$out" | while read -r l; do field first_suspect_ms "$l"; done | p50_max) s |" \
      "$(grep '^RESULT kill' "$out" | while read -r l; do field first_failed_ms "$l"; done | p50_max) s |" \
      "$(grep '^RESULT kill' "$out" | while read -r l; do field all_failed_ms "$l"; done | p50_max) s |" \
      "$(field wall_s "$done") s |"
  done
  echo
  echo "### Simulation: false positives and bandwidth at datagram loss (streams are never lost)"
  echo
  echo "| members | TCP fallback ping | loss | virtual minutes | members wrongly declared failed (times) | refutations | UDP B/s per member | TCP B/s per member | busiest member B/s |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for size in $(printf '%s\n' $SIZES $UDP_ONLY_SIZES | sort -nu); do
    cat "$WORK/sim$size.out" "$WORK/sim$size-udp.out" 2>/dev/null | grep '^RESULT steady' || true
  done | while read -r l; do
    echo "| $(field members "$l") | $(field tcp_pings "$l") | $(field loss_pct "$l") % | $(field minutes "$l") |" \
      "$(field false_failed_members "$l") ($(field false_failed_events "$l")) | $(field refutations "$l") |" \
      "$(field udp_Bps "$l") | $(field tcp_Bps "$l") | $(field max_member_Bps "$l") |"
  done
  echo
}

# Ports: agent i uses PORT_BASE+10i (+0 http, +1 server RPC, +2 serf LAN, +3 DNS, +4 serf WAN); servers 0-2,
# clients c1 and c2 are agents 3 and 4.
start_client() {
  local name=$1 base=$((PORT_BASE + 10 * $2)) dist
  dist="$WORK/dist-$name"
  [ -d "$dist" ] || dist=$(fresh_dist "dist-$name")
  "$dist/bin/cairn" agent -node "$name" -data-dir "$WORK/$name" -bind 127.0.0.1 -serf-lan-port $((base + 2)) \
    -http-port "$base" -dns-port $((base + 3)) -retry-join "127.0.0.1:$((PORT_BASE + 2))" >>"$WORK/$name.log" 2>&1 &
  STARTED_PIDS+=($!)
  echo $! >"$WORK/$name.pid"
}

# serf_status <server http url> <node>: the Status of the node's serfHealth check there, or nothing.
serf_status() {
  curl -s --max-time 2 "$1/v1/health/node/$2" | tr '{}' '\n\n' | grep '"CheckID": *"serfHealth"' \
    | sed -n 's/.*"Status": *"\([a-z]*\)".*/\1/p' | head -1
}
serf_is() { [ "$(serf_status "$1" "$2")" = "$3" ]; }

section_loopback() {
  [ -x "$CAIRN_DIST/bin/cairn" ] || { echo "no distribution at $CAIRN_DIST; build it first (see README)" >&2; exit 1; }
  DIST="$WORK/dist"
  cp -a "$CAIRN_DIST" "$DIST"
  rm -rf "$DIST/data" "$DIST/instances"
  local server="http://127.0.0.1:$PORT_BASE" rep start ms pid times=()
  start_cairn 0 3 3; start_cairn 1 3 3; start_cairn 2 3 3
  wait_for 240 cairn_put_ok "$server" || { echo "the three servers did not form a cluster; logs in $WORK" >&2; exit 1; }
  start_client c1 3
  start_client c2 4
  if ! wait_for 120 serf_is "$server" c1 passing; then
    echo "client c1 never showed serfHealth passing on $server; logs in $WORK" >&2
    exit 1
  fi
  for ((rep = 1; rep <= REPEATS; rep++)); do
    sleep 5
    pid=$(cat "$WORK/c1.pid")
    start=$(date +%s%N)
    kill -9 "$pid"
    if wait_for 120 serf_is "$server" c1 critical; then
      ms=$((($(date +%s%N) - start) / 1000000))
      times+=("$ms")
      log "kill $rep: c1's serfHealth critical on s0 after $ms ms"
    else
      log "kill $rep: c1's serfHealth not critical within 120 s"
      times+=(none)
    fi
    wait "$pid" 2>/dev/null || true
    if [ "$rep" -lt "$REPEATS" ]; then
      start_client c1 3
      wait_for 120 serf_is "$server" c1 passing || { log "c1 did not come back as passing after a restart"; break; }
    fi
  done
  stop_all
  {
    echo "### Loopback: kill -9 of a client agent until its serfHealth is critical on a server (3 servers + 2 clients)"
    echo
    echo "| run | seconds |"
    echo "|---|---|"
    local i=1 t
    for t in "${times[@]}"; do
      echo "| $i | $(awk -v m="$t" 'BEGIN { if (m == "none") print "not within 120"; else printf "%.2f", m / 1000 }') |"
      i=$((i + 1))
    done
    echo "| **median** | $(printf '%s\n' "${times[@]}" | grep -v none | sort -n | awk '{ v[NR] = $1 } END {
      if (NR == 0) print "–"; else printf "%.2f", v[int((NR + 1) / 2)] / 1000 }') |"
    echo
  } >>"$REPORT"
}

if [[ " $SECTIONS " == *" sim "* ]]; then section_sim; fi
if [[ " $SECTIONS " == *" loopback "* ]]; then section_loopback; fi
cat "$REPORT"
