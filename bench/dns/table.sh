#!/usr/bin/env bash
# Prints the Markdown table of a bench/dns.sh results file (lines: metric, value, 1-minute load average).
# Cells are "median (min–max)" over the runs. Usage: table.sh results.tsv <seconds per run> <runs> <outstanding>
set -euo pipefail
RESULTS=$1 DURATION=$2 RUNS=$3 OUTSTANDING=$4

# stats <metric> <divisor> <decimals> -> "median min max" (or "- - -" when not measured)
stats() {
  awk -F'\t' -v k="$1" -v d="$2" '$1 == k && $2 != "" { print $2 / d }' "$RESULTS" | sort -g |
    awk -v p="$3" '{ v[++n] = $1 }
      END {
        if (n == 0) { print "- - -"; exit }
        m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        f = "%." p "f"; printf f " " f " " f "\n", m, v[1], v[n]
      }'
}
cell() {
  local s
  read -r -a s <<<"$(stats "$@")"
  if [ "${s[0]}" = - ]; then echo "–"; elif [ "$RUNS" -le 1 ]; then echo "${s[0]}"; else echo "${s[0]} (${s[1]}–${s[2]})"; fi
}
median() { stats "$@" | cut -d' ' -f1; }
loads() {
  awk -F'\t' -v k="$1" 'index($1, k) == 1 { if (n++ == 0 || $3 < lo) lo = $3; if ($3 > hi) hi = $3 }
    END { if (n) printf "%.2f–%.2f", lo, hi; else printf "–" }' "$RESULTS"
}

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
