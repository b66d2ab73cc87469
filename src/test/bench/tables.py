#!/usr/bin/env python3
"""Markdown tables for docs/performance.md from JMH's JSON results (-rf json) and, optionally, the Python peer's
JSON (peer_gradcheck.py --json). Medians and spreads come from JMH's per-iteration scores.

    python3 src/test/bench/tables.py primitives target/bench/primitives.json
    python3 src/test/bench/tables.py peers target/bench/peer-jmh.json[,more.json] target/bench/peer.json
"""
import json
import statistics
import sys


def load_jmh(path):
    rows = {}
    for r in json.load(open(path)):
        bench = r["benchmark"].rsplit(".", 1)[1]
        params = dict(r.get("params", {}))
        if "pass" in params:  # PrimitiveBenchmarks: the pass is a parameter, so both run back to back
            bench = params.pop("pass")
        param = next(iter(params.values()), "")
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        rows.setdefault(param, {})[bench] = {"median": statistics.median(raw), "min": min(raw), "max": max(raw)}
    return rows


def fmt(x):
    return "%.3g" % x if x < 100 else "{:,.0f}".format(x)


def spread(m):
    return "%s (%s–%s)" % (fmt(m["median"]), fmt(m["min"]), fmt(m["max"]))


def primitives(path):
    rows = load_jmh(path)
    print("| expression | doubles µs, median (min–max) | duals µs, median (min–max) | dual / double (median) |")
    print("|---|---|---|---|")
    worst = 0
    for param, b in rows.items():
        expr, decls = [s.strip() for s in param.split("|")]
        ratio = b["duals"]["median"] / b["doubles"]["median"]
        worst = max(worst, ratio)
        print("| `%s` (%s) | %s | %s | %.2f× |" % (expr, decls, spread(b["doubles"]), spread(b["duals"]), ratio))
    print("\nlargest dual / double: %.2f×" % worst)


def peers(jmh_paths, peer_path=None):
    rows = {}
    for path in jmh_paths.split(","):
        for param, benches in load_jmh(path).items():
            rows.setdefault(param, {}).update(benches)
    peer = {}
    if peer_path:
        for r in json.load(open(peer_path))["results"]:
            peer.setdefault(r["case"], {})[r["mode"]] = r["ten"]
    print("| exercise | check, 10 points, µs median (min–max) | check, 1 point, µs | check, 2 points, µs |"
          " baseline µs | one more point (10 vs 1), µs | / baseline | a point beyond the self-checked"
          " (10 vs 2), µs | / baseline | check / 10 / baseline |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for key, b in rows.items():
        base = b["baseline"]["median"]
        one = b.get("checkOnePoint")
        two = b.get("checkTwoPoints")
        more = (b["check"]["median"] - one["median"]) / 9 if one else float("nan")
        beyond = (b["check"]["median"] - two["median"]) / 8 if two else float("nan")
        print("| %s | %s | %s | %s | %s | %s | %.1f× | %s | %.1f× | %.1f× |" % (
            key, spread(b["check"]), spread(one) if one else "–", spread(two) if two else "–", fmt(base),
            fmt(more), more / base, fmt(beyond), beyond / base, b["check"]["median"] / 10 / base))
    if not peer:
        return
    print()
    print("| exercise | our check, 10 points, µs | numpy central FD (b_fd), µs median (min–max) |"
          " autograd jacobian (b_jac) | torch gradcheck (a_gc) | b_fd / check (target ≥ 10×) |"
          " check / b_jac (n = 1000: ≤ 1.0×) | a_gc / check (target ≥ 100×) |")
    print("|---|---|---|---|---|---|---|---|")
    for key, b in rows.items():
        p = peer.get(key)
        if not p:
            continue
        ours = b["check"]["median"]

        def pm(mode):
            m = p[mode]
            return "%s (%s–%s)" % (fmt(m["median_us"]), fmt(m["min_us"]), fmt(m["max_us"]))

        fd, jac, gc = p["b_fd"]["median_us"], p["b_jac"]["median_us"], p["a_gc"]["median_us"]
        print("| %s | %s | %s | %s | %s | %.1f× | %.2f× | %.0f× |" % (
            key, fmt(ours), pm("b_fd"), pm("b_jac"), pm("a_gc"), fd / ours, ours / jac, gc / ours))
    if not any("checkNewAnswer" in b for b in rows.values()):
        return
    print()
    print("| exercise | check with a new answer text, 10 points, µs median (min–max) | b_fd / check (target ≥ 10×) |"
          " a_gc / check (target ≥ 100×) |")
    print("|---|---|---|---|")
    for key, b in rows.items():
        p = peer.get(key)
        if not p or "checkNewAnswer" not in b:
            continue
        ours = b["checkNewAnswer"]["median"]
        print("| %s | %s | %.1f× | %.0f× |" % (key, spread(b["checkNewAnswer"]), p["b_fd"]["median_us"] / ours,
              p["a_gc"]["median_us"] / ours))


if __name__ == "__main__":
    {"primitives": primitives, "peers": peers}[sys.argv[1]](*sys.argv[2:])
