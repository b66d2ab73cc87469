#!/usr/bin/env bash
# How soon a freshly launched service serves at full speed: launch the packaged jar (the image's JVM flags, the
# class-data-sharing archive unless "plain"), wait for its "ready" line, then one continuous 60 s wrk run (2
# threads, 16 connections, the checks mix) counting the responses of each wall-clock second
# (per-second.lua). Full speed is the median of the run's last 10 whole seconds (the JIT has long settled by then);
# it prints when, counted from launch, the first whole second reached 90 % of it and the first reached 1,500.
# Usage: ./mvnw -DskipTests package && [EXTRA_FLAGS=...] bash src/test/load/full-speed.sh [cds|plain ...]
set -euo pipefail
. "$(dirname "$0")/ready.sh"
. "$(dirname "$0")/launch.sh"
cd "$(dirname "$0")/../../.."
prepare_jar
modes=("$@"); [ ${#modes[@]} -eq 0 ] && modes=(cds plain)
for mode in "${modes[@]}"; do
  launch "$mode" "$work"
  wrk -t2 -c16 -d60s -s src/test/load/per-second.lua --latency "http://127.0.0.1:$port" > "$work/$mode.wrk"
  kill $pid; wait $pid 2>/dev/null || true; pid=
  echo "== $mode: ready after $(echo "$ready - $start" | bc) s ($(grep -o 'Started [^(]*' "$work/$mode.log"))"
  grep -E "Requests/sec|50%|99%|Non-2xx|Socket" "$work/$mode.wrk" || true
  python3 - "$start" "$work/$mode.wrk" <<'PY'
import sys, statistics
start = float(sys.argv[1])
seconds = [(int(l.split()[1]), int(l.split()[2])) for l in open(sys.argv[2]) if l.startswith("second ")]
whole = seconds[1:-1]  # the first and last seconds of the run are partial
full = statistics.median(n for _, n in whole[-10:])
print("responses in each whole second (second's end from launch: count):",
      " ".join("%.0f:%d" % (s + 1 - start, n) for s, n in whole))
first = next((s for s, n in whole if n >= 0.9 * full), None)
print("full speed (median of the last 10 s): %.0f checks/s; the first whole second at >= 90 %% of it ends %.1f s after launch"
      % (full, (first + 1 - start) if first is not None else float("nan")))
target = next((s for s, n in whole if n >= 1500), None)
print("first whole second with >= 1,500 responses ends %.1f s after launch"
      % ((target + 1 - start) if target is not None else float("nan")))
PY
done
