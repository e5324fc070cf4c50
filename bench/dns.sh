#!/usr/bin/env bash
#
# DNS benchmark (issue 4): dnsperf against Cairn's DNS interface and, side by side on the same machine, NSD
# answering the same records from a zone file. Not a test: prints figures, fails only if a server cannot start.
#
#   bench/dns.sh                  15 s per run, 3 runs per server, 20 queries outstanding (~5 min with boot)
#   QUICK=1 bench/dns.sh          5 s, 1 run: checks the script
#   DURATION=, RUNS=, OUTSTANDING=, INSTANCES=, CAIRN_DIST=, WORK=, PORT_BASE= override the defaults;
#   DNS_SRV=1 alternates A and SRV queries for web.service.consul.
#
# Installs dnsperf and nsd from Debian if missing. Cairn runs from a private copy of the distribution as a
# single durable server (lib.sh's start_cairn); NSD runs as the invoking user with its own config under WORK.
# Both listen on 127.0.0.1 only.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO="$(dirname "$BENCH")"
WORK="${WORK:-/tmp/cairn-bench-dns}"
CAIRN_DIST="${CAIRN_DIST:-$REPO/distribution/target/assembly}"
PORT_BASE="${PORT_BASE:-28000}"
if [ "${QUICK:-0}" = 1 ]; then
  DURATION="${DURATION:-5}" RUNS="${RUNS:-1}"
else
  DURATION="${DURATION:-15}" RUNS="${RUNS:-3}"
fi
OUTSTANDING="${OUTSTANDING:-20}"
INSTANCES="${INSTANCES:-3}"
NSD_PORT=$((PORT_BASE + 53))
RESULTS="$WORK/dns-results.tsv"
source "$BENCH/lib.sh"

need=()
command -v dnsperf >/dev/null || need+=(dnsperf)
command -v nsd >/dev/null || [ -x /usr/sbin/nsd ] || need+=(nsd)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi
NSD=$(command -v nsd || echo /usr/sbin/nsd)
[ -x "$CAIRN_DIST/bin/cairn" ] || { echo "no distribution at $CAIRN_DIST; build it first (see README)" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK"
DIST="$WORK/dist"
cp -a "$CAIRN_DIST" "$DIST"
rm -rf "$DIST/data" "$DIST/instances"
: >"$RESULTS"
trap stop_all EXIT

# The query file: A web.service.consul, and SRV too when DNS_SRV=1.
printf 'web.service.consul A\n' >"$WORK/queries.txt"
[ "${DNS_SRV:-0}" = 1 ] && printf 'web.service.consul SRV\n' >>"$WORK/queries.txt"

register_web() {
  local url=$1 i
  for ((i = 1; i <= INSTANCES; i++)); do
    curl -sf -X PUT "$url/v1/catalog/register" --data-binary \
      "{\"Node\":\"n$i\",\"Address\":\"10.0.0.$i\",\"Service\":{\"Service\":\"web\",\"Port\":80},
        \"Check\":{\"CheckID\":\"c$i\",\"Name\":\"c\",\"Status\":\"passing\"}}" >/dev/null
  done
}

# answers <port>: the A records the server gives for web.service.consul, sorted, one line.
answers() {
  dig +short +tries=1 +time=2 -p "$1" @127.0.0.1 web.service.consul A | sort | tr '\n' ' '
}
expected() { local i; for ((i = 1; i <= INSTANCES; i++)); do echo "10.0.0.$i"; done | sort | tr '\n' ' '; }
answers_ok() { [ "$(answers "$1")" = "$(expected)" ]; }

start_nsd() {
  local d="$WORK/nsd" i
  mkdir -p "$d"
  {
    printf '$ORIGIN consul.\n$TTL 0\n'
    printf '@ IN SOA ns.consul. hostmaster.consul. 1 3600 600 86400 0\n@ IN NS ns.consul.\nns IN A 127.0.0.1\n'
    for ((i = 1; i <= INSTANCES; i++)); do printf 'web.service IN A 10.0.0.%d\n' "$i"; done
    for ((i = 1; i <= INSTANCES; i++)); do
      printf 'web.service IN SRV 1 1 80 n%d.node.dc1.consul.\nn%d.node.dc1 IN A 10.0.0.%d\n' "$i" "$i" "$i"
    done
  } >"$d/consul.zone"
  # One server process, like Cairn's single agent; no remote control, no zone database written back; response
  # rate limiting (on by default, 200 q/s per source) off, since every query comes from 127.0.0.1.
  cat >"$d/nsd.conf" <<CONF
server:
  ip-address: 127.0.0.1@$NSD_PORT
  server-count: 1
  username: ""
  chroot: ""
  zonesdir: "$d"
  pidfile: "$d/nsd.pid"
  xfrdfile: "$d/xfrd.state"
  zonelistfile: "$d/zone.list"
  database: ""
  logfile: "$d/nsd.log"
  verbosity: 0
  rrl-ratelimit: 0
remote-control:
  control-enable: no
zone:
  name: consul
  zonefile: consul.zone
CONF
  "$NSD" -d -c "$d/nsd.conf" >"$WORK/nsd.out" 2>&1 &
  STARTED_PIDS+=($!)
}

# perf <system> <dns port>: RUNS repetitions of two dnsperf runs each. The first, plain, gives queries/s, the
# average latency and lost queries; the second, with -v, logs every response with its latency, from which p50,
# p99 and p99.9 are taken (dnsperf 2.10 prints only average and standard deviation; writing the log costs
# dnsperf about a fifth of its rate, so that run's rate is not the one reported).
perf() {
  local sys=$1 port=$2 rep out p
  local args=(-s 127.0.0.1 -p "$port" -d "$WORK/queries.txt" -l "$DURATION" -q "$OUTSTANDING" -c 1 -T 1 -t 2)
  dnsperf "${args[@]}" -l 5 >/dev/null 2>&1 || true
  for ((rep = 1; rep <= RUNS; rep++)); do
    out="$WORK/$sys.$rep.out"
    dnsperf "${args[@]}" >"$out" 2>&1 || true
    local qps lost avg
    qps=$(awk '/Queries per second:/ { print $4 }' "$out")
    lost=$(awk '/Queries lost:/ { print $3 }' "$out")
    avg=$(awk '/Average Latency/ { printf "%.0f", $4 * 1e6 }' "$out")
    record "d.$sys.qps" "${qps:-0}"; record "d.$sys.avg" "${avg:-0}"; record "d.$sys.lost" "${lost:-0}"
    dnsperf "${args[@]}" -v >"$out.v" 2>&1 || true
    # -v lines: "> NOERROR web.service.consul A 0.000123" (latency in seconds); "> T ..." is a timeout.
    read -r -a p <<<"$(awk '$1 == ">" && $2 != "T" { printf "%.0f\n", $NF * 1e6 }' "$out.v" | sort -n |
      awk '{ v[++n] = $1 } END { if (!n) { print "0 0 0 0"; exit }
        printf "%d %d %d %d\n", v[int(n * 0.5) + 1], v[int(n * 0.99) + 1], v[int(n * 0.999) + 1], n }')"
    record "d.$sys.p50" "${p[0]}"; record "d.$sys.p99" "${p[1]}"; record "d.$sys.p999" "${p[2]}"
    log "$sys run $rep: ${qps:-?} q/s, avg ${avg:-?} us, lost ${lost:-?}; with -v: p50 ${p[0]} us," \
      "p99 ${p[1]} us, p99.9 ${p[2]} us over ${p[3]} responses; load $(load1)"
    rm -f "$out.v"
  done
}

log "uptime: $(uptime)"
start_cairn 0 1 1
CAIRN_URL="http://127.0.0.1:$(cairn_http 0)"
CAIRN_DNS=$((PORT_BASE + 3))
wait_for 180 cairn_put_ok "$CAIRN_URL"
register_web "$CAIRN_URL"
wait_for 30 answers_ok "$CAIRN_DNS"
log "Cairn answers: $(answers "$CAIRN_DNS")"
perf cairn "$CAIRN_DNS"
stop_all

start_nsd
wait_for 30 answers_ok "$NSD_PORT"
log "NSD answers: $(answers "$NSD_PORT")"
perf nsd "$NSD_PORT"
stop_all

"$BENCH/dns/table.sh" "$RESULTS" "$DURATION" "$RUNS" "$OUTSTANDING" | tee "$WORK/dns-results.md"
