#!/usr/bin/env bash
# Before/after of the matching benchmark under the same conditions: two checkouts side by side (batch
# runs together, then incremental runs together), each under nice and /usr/bin/time -v (CPU time, peak RSS).
#   bench/matching-ab.sh /path/to/before-checkout /path/to/after-checkout [output-dir]
# RECORDS=200000 measures at another size (default 1,000,000; the incremental index is the same size).
# HALVES=batch (or incremental) runs one half only (default both).
# Compare process CPU (user + sys in <label>.err) first: wall times move with the machine's load.
set -euo pipefail
records=${RECORDS:-1000000}
before=$1
after=$2
out=${3:-bench-ab-results}
mkdir -p "$out"
run() { # checkout label args…
  local dir=$1 label=$2
  shift 2
  (cd "$dir" && /usr/bin/time -v nice -n 5 node --max-old-space-size=16384 --import tsx bench/matching.bench.ts "$@") >"$out/$label.out" 2>"$out/$label.err"
}
halves=${HALVES:-both}
if [ "$halves" != incremental ]; then
  { date -u; uptime; } >"$out/batch.load"
  run "$before" before-batch --records "$records" --skip-incremental &
  run "$after" after-batch --records "$records" --skip-incremental &
  wait
  { date -u; uptime; } >>"$out/batch.load"
fi
if [ "$halves" != batch ]; then
  { date -u; uptime; } >"$out/incr.load"
  run "$before" before-incr --records "$records" --skip-batch --queries 1000 &
  run "$after" after-incr --records "$records" --skip-batch --queries 1000 &
  wait
  { date -u; uptime; } >>"$out/incr.load"
fi
# Each line prefixed by its file (before-batch.out, after-incr.err …).
grep -E "wall time|peak RSS|latency|CPU|candidates compared|decision agrees|load average|rules item" "$out"/*.out
grep -E "User time|System time|Maximum resident|Elapsed" "$out"/*.err
cat "$out"/*.load
