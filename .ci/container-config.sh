#!/usr/bin/env bash
# Starts the packaged jar with exactly the environment docker-compose.yml gives the app service (parsed from
# `docker-compose config`; only the database host changes, db → 127.0.0.1), against a real PostgreSQL, and
# checks it serves: readiness, the imported problem sets, a check, the instructor key. Bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
jdbc=$1
port=18081
env_file=$(mktemp)
GRADCHECK_INSTRUCTOR_KEYS=ci-instructor-key GRADCHECK_LMS_KEYS=ci-lms-key docker-compose -f docker-compose.yml config \
  | python3 -c '
import sys, yaml
env = yaml.safe_load(sys.stdin)["services"]["app"]["environment"]
for k, v in env.items():
    print(f"{k}={v}")' > "$env_file"
# What differs from the container: the database address, the port, and where the problem sets are.
sed -i -e "s#^SPRING_DATASOURCE_URL=.*#SPRING_DATASOURCE_URL=$jdbc#" -e "s#^SERVER_PORT=.*#SERVER_PORT=$port#" \
  -e "s#^GRADCHECK_PROBLEM_SETS_DIRECTORY=.*#GRADCHECK_PROBLEM_SETS_DIRECTORY=problem-sets#" "$env_file"
echo "container environment:"; sed 's/KEYS=.*/KEYS=…/' "$env_file"
log=$(mktemp)
env $(cat "$env_file" | xargs) java -jar target/gradcheck-*.jar > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
base=http://127.0.0.1:$port
curl -fs --retry 60 --retry-delay 1 --retry-all-errors -o /dev/null "$base/actuator/health/readiness" \
  || { tail -50 "$log"; exit 1; }
sets=$(curl -fsS "$base/api/v1/problem-sets" | python3 -c 'import sys, json; print(json.load(sys.stdin)["totalItems"])')
[ "$sets" = 5 ] || { echo "expected 5 problem sets, got $sets"; exit 1; }
verdict=$(curl -fsS "$base/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/check" -H 'Content-Type: application/json' \
  -d '{"answer": "(A + A^T) x"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["verdict"])')
[ "$verdict" = correct ] || { echo "expected a correct check, got $verdict"; exit 1; }
curl -fsS -H 'X-API-Key: ci-instructor-key' "$base/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic" | grep -q '"reference"'
grep -q '"@timestamp"' "$log" || { echo "expected structured (ECS) log lines"; exit 1; }
kill -TERM $pid
wait $pid || true   # graceful shutdown; the exit status of a terminated JVM is 143
trap - EXIT
echo "container configuration: OK (5 sets, a correct check, the instructor key, structured logs)"
