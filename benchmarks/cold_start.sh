#!/usr/bin/env bash
# Time `make run` on fresh clones until /healthz answers 200 (not part of `make bench`).
#
#   benchmarks/cold_start.sh [RUNS] [PORT]
#
# Each run clones the committed HEAD of this repository into a temporary folder, starts
# `make run PORT=<port>` there, polls http://127.0.0.1:<port>/healthz, then stops the run
# (its whole process group) and removes the clone. Prints one line per run with the wall
# time, the CPU seconds, the load average at the start and end, and the preparation steps'
# own times, for docs/performance.md. Set PORTAL_CACHE_DIR to time other cache states.
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
  # GNU time reports the CPU seconds of the whole run (every process it waited for), a
  # figure that, unlike the wall time, hardly depends on what else the machine is doing.
  (cd "$clone" && exec setsid /usr/bin/time -o "$clone.cpu" -f '%U %S' \
    make run PORT="$PORT" >"$clone.log" 2>&1) &
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
  cpu="$(awk '/^[0-9.]+ [0-9.]+$/ {printf "%.1f", $1 + $2}' "$clone.cpu" 2>/dev/null || true)"
  printf 'run %s: %s in %d.%d s wall, %s s CPU (load average before %s, after %s)\n' \
    "$run" "$status" $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100)) "${cpu:-?}" \
    "$load_before" "$load_after"
  grep -E "^(Translations built|Database ready|Demo content checked) in" "$clone.log" | sed 's/^/    /' || true
  if [ "$status" != "ok" ]; then tail -n 30 "$clone.log"; fi
  rm -rf "$clone" "$clone.log" "$clone.cpu"
done
