#!/usr/bin/env bash
# Time `make run` on fresh clones until /healthz answers 200 (not part of `make bench`).
#
#   benchmarks/cold_start.sh [RUNS] [PORT]
#
# Each run clones the committed HEAD of this repository into a temporary folder, starts
# `make run PORT=<port>` there, polls http://127.0.0.1:<port>/healthz, then stops the run
# (its whole process group) and removes the clone. Prints one line per run with the wall
# time and the load average at the start and end, for docs/performance.md.
set -euo pipefail
RUNS="${1:-3}"
PORT="${2:-8765}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
LIMIT=300

for run in $(seq 1 "$RUNS"); do
  clone="$(mktemp -d /tmp/cold-start.XXXXXX)"
  git clone -q "$REPO" "$clone"
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(( $(date +%s%N) / 1000000 ))
  (cd "$clone" && exec setsid make run PORT="$PORT" >"$clone.log" 2>&1) &
  runner=$!
  status="timeout"
  while (( $(date +%s%N) / 1000000 - start < LIMIT * 1000 )); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
      status="ok"
      break
    fi
    if ! kill -0 "$runner" 2>/dev/null; then
      status="failed"
      break
    fi
    sleep 0.25
  done
  elapsed_ms=$(( $(date +%s%N) / 1000000 - start ))
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
  kill -INT -- "-$runner" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
  printf 'run %s: %s in %d.%d s (load average before %s, after %s)\n' "$run" "$status" \
    $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100)) "$load_before" "$load_after"
  if [ "$status" != "ok" ]; then tail -n 30 "$clone.log"; fi
  rm -rf "$clone" "$clone.log"
done
