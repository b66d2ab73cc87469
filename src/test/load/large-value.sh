#!/usr/bin/env bash
# One check of x^T A x with a fixed n x n A sent as JSON (~20 MB) to the packaged jar over loopback HTTP
# (issue 16): the whole request time of each of N checks (curl's time_total), their median, min and max, and the
# verdict. A is seeded uniform on [-1, 1], written with 17 significant digits; x is drawn by the check (seed 1).
# n defaults to 999: with n = 1000, A and x are 1,001,000 declared entries, over the request bound of 1,000,000
# (docs/limits.md) while that bound is a constant.
# points (default: the service's, 8); points = 0 is refused with a 400 after the body is read, the declarations
# and the answer parsed and A taken into the check: the time of everything but the sampling.
# Usage: ./mvnw -DskipTests package && bash src/test/load/large-value.sh [jar] [N=12] [n=999] [points]
set -euo pipefail
. "$(dirname "$0")/ready.sh"
cd "$(dirname "$0")/../../.."
jar=${1:-$(ls target/gradcheck-*.jar | head -1)}
n=${2:-12}
size=${3:-999}
points=${4:-}
work=$(mktemp -d)
pid=
trap 'if [ -n "$pid" ]; then kill $pid 2>/dev/null || true; fi; rm -rf "$work"' EXIT
python3 - "$work/body.json" "$size" "$points" <<'PY'
import json, random, sys
n = int(sys.argv[2])
rng = random.Random(16)
a = [[rng.uniform(-1, 1) for _ in range(n)] for _ in range(n)]
body = {"function": "x^T A x", "variables": {"x": {"shape": [n]}, "A": {"shape": [n, n], "value": a}},
        "parts": [{"wrt": "x", "answer": "(A + A^T) x"}], "seed": 1}
if sys.argv[3]:
    body["points"] = int(sys.argv[3])
with open(sys.argv[1], "w") as f:
    json.dump(body, f)
PY
echo "n = $size, body: $(( $(stat -c %s "$work/body.json") / 1000000 )) MB; jar: $jar"
port=$((20000 + RANDOM % 30000))
java -Xmx1g -XX:+UseSerialGC -jar "$jar" --server.address=127.0.0.1 --server.port=$port \
  --spring.datasource.url=jdbc:h2:mem:large-value --gradcheck.http.max-body=64MB \
  --gradcheck.http.body-deadline=60s --gradcheck.checks.deadline=60s > "$work/server.log" 2>&1 &
pid=$!
wait_ready "$work/server.log" $pid   # fails if the server ends first, e.g. the port was taken
post() {
  curl -s -o "$work/out.json" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
    --data-binary @"$work/body.json" "http://127.0.0.1:$port/api/v1/checks"
}
for i in 1 2 3; do post > /dev/null; done   # warm-up
: > "$work/times"
for i in $(seq 1 "$n"); do
  read -r code t < <(post)
  [ "$code" = 200 ] || [ "$points" = 0 ] || { echo "HTTP $code: $(head -c 300 "$work/out.json")"; exit 1; }
  echo "$t" >> "$work/times"
done
echo "answer: $(python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); print(d.get("verdict") or d["detail"])' "$work/out.json")"
sort -n "$work/times" | awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
  printf "%d checks: median %.3f s, min %.3f s, max %.3f s\n", NR, m, t[1], t[NR] }'
echo "times (s): $(tr '\n' ' ' < "$work/times")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
