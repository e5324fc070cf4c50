# Shared by the table scripts: summary cells from a results file whose lines are
# metric <TAB> value <TAB> 1-minute load average. Needs RESULTS (the file) and RUNS (repetitions) set.

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
# loads <metric prefix>: range of the load averages recorded with metrics starting with the prefix.
loads() {
  awk -F'\t' -v k="$1" 'index($1, k) == 1 { if (n++ == 0 || $3 < lo) lo = $3; if ($3 > hi) hi = $3 }
    END { if (n) printf "%.2f–%.2f", lo, hi; else printf "–" }' "$RESULTS"
}
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "–"; else printf "%.2f", a / b }'
}
