#!/usr/bin/env bash
# The engine's JMH benchmarks and the Python peers in one session, then the tables of docs/performance.md.
# Usage: bash src/test/bench/side-by-side.sh [output dir]   (PEER=path/to/peer_gradcheck.py to override)
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=${1:-target/bench}
peer=${PEER:-/work/shared/peers/peer_gradcheck.py}
mkdir -p "$out"
{ date -u; uptime; nproc; java -version 2>&1 | head -1; } | tee "$out/machine.txt"
jmh() { ./mvnw -B -ntp -q -Pbench test-compile exec:exec -Dbench.args="$1 -rf json -rff $out/$2.json $3"; }
# the whole check at 10 points and at 1 (the cost of one more point), and the baseline; 10c (n = 2000) has no peer
jmh "-f 1 -wi 2 -i 5 -w 1s -r 1s -p exercise=1,2,3,4,5,6,7,8,9,10a,10b" peer-jmh \
  'PeerExerciseBenchmarks\.(check|checkOnePoint|checkTwoPoints|baseline)$'
# a new answer text in every check (the parser reads it): its code paths need a longer warm-up to settle
jmh "-f 1 -wi 5 -i 5 -w 2s -r 1s -p exercise=1,2,3,4,5,6,7,8,9,10a,10b" new-answer 'PeerExerciseBenchmarks\.checkNewAnswer$'
/usr/bin/python3 "$peer" --no-spawn --json "$out/peer.json" --md "$out/peer.md" > "$out/peer.log" 2>&1
# some dual passes take ~3 s to settle (a first measured iteration 10-25x the rest after 2 x 500 ms of warm-up)
jmh "-f 1 -wi 3 -i 5 -w 1s -r 500ms" primitives PrimitiveBenchmarks
jmh "-f 1 -wi 2 -i 5 -w 1s -r 1s" expressions ExpressionBenchmarks
{ date -u; uptime; } | tee -a "$out/machine.txt"
python3 src/test/bench/tables.py peers "$out/peer-jmh.json,$out/new-answer.json" "$out/peer.json"
python3 src/test/bench/tables.py primitives "$out/primitives.json"
