# Sourced by the start-up scripts (warm-start.sh, full-speed.sh), after ready.sh, from the project's folder.
# prepare_jar: makes a folder ($work, removed at exit, with the service it launched), extracts the packaged jar
#   into $work/run and trains its class-data-sharing archive ($work/run/app.jsa) with the image's JVM flags (its
#   JAVA_TOOL_OPTIONS line) plus any given in EXTRA_FLAGS, which it leaves in $flags.
# launch MODE WORK: starts the service with those flags (MODE cds: with the archive; plain: without) on a random
#   loopback port ($port), H2 in memory, its output in WORK/MODE.log; returns once it is ready, with $pid, and
#   the launch and readiness times in $start and $ready (seconds since the epoch).
prepare_jar() {
  work=$(mktemp -d)
  pid=
  trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
  cp target/gradcheck-*.jar "$work/app.jar"   # extract names the jar after its file
  java -Djarmode=tools -jar "$work/app.jar" extract --destination "$work/run" > /dev/null
  flags="$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' Dockerfile) ${EXTRA_FLAGS:-}"
  echo "JVM flags: $flags"
  java $flags -XX:ArchiveClassesAtExit="$work/run/app.jsa" -Dspring.context.exit=onRefresh -jar "$work/run/app.jar" \
    --spring.datasource.url=jdbc:h2:mem:training > "$work/training.log" 2>&1
}

launch() {
  local mode=$1 work=$2 extra=
  if [ "$mode" = cds ]; then
    extra="-XX:SharedArchiveFile=$work/run/app.jsa"
  fi
  port=$((20000 + RANDOM % 30000))
  start=$(date +%s.%N)
  java $flags $extra -jar "$work/run/app.jar" --server.address=127.0.0.1 --server.port=$port \
    --spring.datasource.url=jdbc:h2:mem:load > "$work/$mode.log" 2>&1 &
  pid=$!
  wait_ready "$work/$mode.log" $pid
  ready=$(date +%s.%N)
}
