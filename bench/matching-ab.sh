#!/usr/bin/env bash
# Before/after of the matching benchmark under the same conditions: two checkouts side by side (batch
# runs together, then incremental runs together), each under nice and /usr/bin/time -v (CPU time, peak RSS).
#   bench/matching-ab.sh /path/to/before-checkout /path/to/after-checkout [output-dir]
set -euo pipefail
before=$1
after=$2
out=${3:-bench-ab-results}
mkdir -p "$out"
run() { # checkout label args…
  local dir=$1 label=$2
  shift 2
  (cd "$dir" && /usr/bin/time -v nice -n 5 node --max-old-space-size=16384 --import tsx bench/matching.bench.ts "$@") >"$out/$label.out" 2>"$out/$label.err"
}
{ date -u; uptime; } >"$out/batch.load"
run "$before" before-batch --records 1000000 --skip-incremental &
run "$after" after-batch --records 1000000 --skip-incremental &
wait
{ date -u; uptime; } >>"$out/batch.load"
{ date -u; uptime; } >"$out/incr.load"
run "$before" before-incr --skip-batch --queries 1000 &
run "$after" after-incr --skip-batch --queries 1000 &
wait
{ date -u; uptime; } >>"$out/incr.load"
grep -hE "wall time|peak RSS|latency" "$out"/*.out
grep -hE "User time|System time|Maximum resident" "$out"/*.err
