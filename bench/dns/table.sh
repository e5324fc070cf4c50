#!/usr/bin/env bash
# Prints the Markdown table of a bench/dns.sh results file (lines: metric, value, 1-minute load average).
# Cells are "median (min–max)" over the runs. Usage: table.sh results.tsv <seconds per run> <runs> <outstanding>
set -euo pipefail
RESULTS=$1 DURATION=$2 RUNS=$3 OUTSTANDING=$4

# shellcheck source=bench/stats.sh
. "$(dirname "$0")/../stats.sh"

echo "### DNS: A web.service.consul, dnsperf ${OUTSTANDING} outstanding, ${DURATION} s per run, median (min–max) of ${RUNS} run(s)"
echo
echo "| server | queries/s | avg ms | p50 ms | p99 ms | p99.9 ms | lost | load avg (1 min) |"
echo "|---|---|---|---|---|---|---|---|"
for s in cairn nsd; do
  echo "| $([ $s = cairn ] && echo Cairn || echo NSD) | $(cell "d.$s.qps" 1 0) | $(cell "d.$s.avg" 1000 3) |" \
    "$(cell "d.$s.p50" 1000 3) | $(cell "d.$s.p99" 1000 3) | $(cell "d.$s.p999" 1000 3) | $(cell "d.$s.lost" 1 0) |" \
    "$(loads "d.$s.") |"
done
echo
awk -v a="$(median d.cairn.qps 1 0)" -v b="$(median d.nsd.qps 1 0)" \
  'BEGIN { if (a == "-" || b == "-" || b == 0) print "Cairn/NSD queries/s: –"; else printf "Cairn/NSD queries/s (medians): %.2f\n", a / b }'
