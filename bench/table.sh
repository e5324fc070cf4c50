#!/usr/bin/env bash
# Prints the Markdown table of a bench/run.sh results file (lines: metric, value, 1-minute load average).
# Every cell is "median (min–max)" over the runs; the load column gives the range of load averages seen.
# Usage: table.sh results.tsv <seconds per point> <runs> <blocking queries> <start-up keys>
set -euo pipefail
RESULTS=$1 DURATION=$2 RUNS=$3 FANOUT=$4 START_KEYS=$5

# shellcheck source=bench/stats.sh
. "$(dirname "$0")/stats.sh"

per_fsync() {
  awk -v w="$1" -v f="$2" 'BEGIN { if (w == "-" || f == "-" || f == 0) print "–"; else printf "%.1f", w / f }'
}

echo "### KV writes: PUT, 256-byte values over 10,000 keys, ${DURATION} s per point, median (min–max) of ${RUNS} run(s)"
echo
echo "| servers | conns | Cairn req/s | Cairn p50 ms | Cairn p99 ms | etcd req/s | etcd p50 ms | etcd p99 ms | Cairn/etcd req/s | leader fsync/s Cairn / etcd | writes per fsync Cairn / etcd | load avg (1 min) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in 1 3; do
  for c in 1 16 64; do
    ca="w.cairn$n.$c" et="w.etcd$n.$c"
    echo "| $n | $c | $(cell "$ca.rps" 1 0) | $(cell "$ca.p50" 1000 2) | $(cell "$ca.p99" 1000 2) |" \
      "$(cell "$et.rps" 1 0) | $(cell "$et.p50" 1000 2) | $(cell "$et.p99" 1000 2) |" \
      "$(ratio "$(median "$ca.rps" 1 0)" "$(median "$et.rps" 1 0)") |" \
      "$(median "$ca.fsync" 1 0) / $(median "$et.fsync" 1 0) |" \
      "$(per_fsync "$(median "$ca.rps" 1 0)" "$(median "$ca.fsync" 1 0)") / $(per_fsync "$(median "$et.rps" 1 0)" "$(median "$et.fsync" 1 0)") |" \
      "$(loads "$ca.") / $(loads "$et.") |"
  done
done
echo
echo "### KV reads: GET of existing keys, 64 connections, single server, median (min–max) of ${RUNS} run(s)"
echo
echo "Cairn's \`?consistent\` is linearizable, as etcd's default range is; Cairn's default and \`?stale\` reads are"
echo "served from the local state, as etcd's serializable range is (default mode asks the leader first on a follower)."
echo
echo "| Cairn mode | req/s | p50 ms | p99 ms | etcd mode | req/s | p50 ms | p99 ms | Cairn/etcd req/s | load avg (1 min) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for pair in consistent:linearizable default:serializable stale:serializable; do
  cm=${pair%%:*} em=${pair##*:} ca="r.cairn1.${pair%%:*}" et="r.etcd1.${pair##*:}"
  echo "| $cm | $(cell "$ca.rps" 1 0) | $(cell "$ca.p50" 1000 2) | $(cell "$ca.p99" 1000 2) |" \
    "$em | $(cell "$et.rps" 1 0) | $(cell "$et.p50" 1000 2) | $(cell "$et.p99" 1000 2) |" \
    "$(ratio "$(median "$ca.rps" 1 0)" "$(median "$et.rps" 1 0)") | $(loads "$ca.") / $(loads "$et.") |"
done
echo
echo "### A group that has just formed: three servers, writes from 5 s after the first PUT (no warm-up), median (min–max) of ${RUNS} run(s)"
echo
echo "| conns | Cairn req/s | Cairn p50 ms | Cairn p99 ms | etcd req/s | etcd p50 ms | etcd p99 ms | Cairn/etcd req/s |"
echo "|---|---|---|---|---|---|---|---|"
for c in 1 64; do
  ca="f.cairn3.$c" et="f.etcd3.$c"
  echo "| $c | $(cell "$ca.rps" 1 0) | $(cell "$ca.p50" 1000 2) | $(cell "$ca.p99" 1000 2) |" \
    "$(cell "$et.rps" 1 0) | $(cell "$et.p50" 1000 2) | $(cell "$et.p99" 1000 2) |" \
    "$(ratio "$(median "$ca.rps" 1 0)" "$(median "$et.rps" 1 0)") |"
done
echo
echo "| figure | Cairn | etcd |"
echo "|---|---|---|"
echo "| launch to steady writes, s (first 1 s sample at 64 conns within 10% of the minute's last five) | $(cell f.cairn3.steady_ms 1000 1) | $(cell f.etcd3.steady_ms 1000 1) |"
echo
echo "### Blocking queries: ${FANOUT} held on one durable server, median (min–max) of ${RUNS} run(s)"
echo
echo "| figure | value | target |"
echo "|---|---|---|"
echo "| live heap while held (after full GC), MiB | $(cell b.heap 1 0) | < 512 |"
echo "| committed heap while held, MiB | $(cell b.heapcommitted 1 0) | |"
echo "| RSS while held, MiB | $(cell b.rss 1 0) | |"
echo "| live threads while held (idle agent before: $(cell b.idle.threads 1 0)) | $(cell b.threads 1 0) | < 300 |"
echo "| agent CPU while held and idle, % of one core | $(cell b.cpu 1 1) | |"
echo "| queries answered 200 after the write (of ${FANOUT}) | $(cell b.ok 1 0) | ${FANOUT} |"
echo "| write to its own answer, ms | $(cell b.write_ms 1 1) | |"
echo "| write to median answer, ms | $(cell b.p50_ms 1 1) | |"
echo "| write to 99th percentile answer, ms | $(cell b.p99_ms 1 1) | |"
echo "| write to all answers, ms | $(cell b.all_ms 1 1) | < 1000 |"
echo "| load avg (1 min) during | $(loads b.) | |"
echo
echo "### Start-up: bin/cairn agent -dev, median (min–max) of ${RUNS} run(s)"
echo
echo "| figure | value | target |"
echo "|---|---|---|"
echo "| launch to first successful KV PUT, s | $(cell s.first_put_ms 1000 1) | < 5 |"
echo "| RSS after start, MiB | $(cell s.rss_start 1 0) | |"
echo "| RSS after ${START_KEYS} keys, MiB | $(cell s.rss_keys 1 0) | |"
echo "| live heap after ${START_KEYS} keys (after full GC), MiB | $(cell s.heap_keys 1 0) | |"
echo "| load avg (1 min) during | $(loads s.) | |"
