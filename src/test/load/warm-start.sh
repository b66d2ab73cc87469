#!/usr/bin/env bash
# Start-up, warm-up and throughput of the packaged jar, with and without the class-data-sharing archive, on a
# random loopback port: time to readiness, checks/s per second of load from the first second on (wrk, 2 threads,
# 16 connections, the checks mix), RSS when idle, then a bounded 20 s run at 16 connections.
# Usage: ./mvnw -DskipTests package && [EXTRA_FLAGS=...] bash src/test/load/warm-start.sh [cds|plain ...]
set -euo pipefail
. "$(dirname "$0")/ready.sh"
cd "$(dirname "$0")/../../.."
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pid=
cp target/gradcheck-*.jar "$work/app.jar"   # extract names the jar after its file
java -Djarmode=tools -jar "$work/app.jar" extract --destination "$work/run" > /dev/null
# the JVM flags the image runs with (its JAVA_TOOL_OPTIONS line), plus any given in EXTRA_FLAGS to try others
flags="$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' Dockerfile) ${EXTRA_FLAGS:-}"
echo "JVM flags: $flags"
java $flags -XX:ArchiveClassesAtExit="$work/run/app.jsa" -Dspring.context.exit=onRefresh -jar "$work/run/app.jar" \
  --spring.datasource.url=jdbc:h2:mem:training > "$work/training.log" 2>&1
mix=src/test/load/checks-mix.lua
modes=("$@"); [ ${#modes[@]} -eq 0 ] && modes=(cds plain)
for mode in "${modes[@]}"; do
  port=$((20000 + RANDOM % 30000))
  extra=; [ "$mode" = cds ] && extra="-XX:SharedArchiveFile=$work/run/app.jsa"
  start=$(date +%s.%N)
  java $flags $extra -jar "$work/run/app.jar" --server.address=127.0.0.1 --server.port=$port \
    --spring.datasource.url=jdbc:h2:mem:load > "$work/$mode.log" 2>&1 &
  pid=$!
  wait_ready "$work/$mode.log" $pid
  ready=$(date +%s.%N)
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
