#!/usr/bin/env bash
# Start-up, warm-up and throughput of the packaged jar, with and without the class-data-sharing archive, on a
# random loopback port: time to readiness, checks/s per second of load from the first second on (wrk, 2 threads,
# 16 connections, the checks mix), RSS when idle, then a bounded 20 s run at 16 connections.
# Usage: ./mvnw -DskipTests package && [EXTRA_FLAGS=...] bash src/test/load/warm-start.sh [cds|plain ...]
set -euo pipefail
. "$(dirname "$0")/ready.sh"
. "$(dirname "$0")/launch.sh"
cd "$(dirname "$0")/../../.."
prepare_jar
mix=src/test/load/checks-mix.lua
modes=("$@"); [ ${#modes[@]} -eq 0 ] && modes=(cds plain)
for mode in "${modes[@]}"; do
  launch "$mode" "$work"
  echo "== $mode: ready after $(echo "$ready - $start" | bc) s ($(grep -o 'Started .*' "$work/$mode.log"))"
  sleep 2   # the measured quantity: RSS after 2 s idle (a window of the benchmark, not a wait for an event)
  echo "idle RSS after start: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
  echo "checks/s in each second of load after readiness:"
  for s in $(seq 1 15); do
    wrk -t2 -c16 -d1s -s $mix "http://127.0.0.1:$port" | awk '/Requests\/sec/ {printf "%d ", $2}'
  done
  echo
  wrk -t2 -c16 -d20s -s $mix --latency "http://127.0.0.1:$port" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket"
  sleep 5   # likewise: RSS after 5 s idle following the load
  echo "idle RSS after load: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
  kill $pid; wait $pid 2>/dev/null || true; pid=
done
