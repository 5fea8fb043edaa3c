#!/usr/bin/env python3
"""Summarizes a JMH JSON result of benchmarks.jar (-rf json -rff FILE).

Prints every score as a Markdown table, then the derived figures docs/benchmarks.md uses:
per-step overhead against the plain-Function baseline of the same run, the issue's goals, and the
stream operators' throughput against the plain loop of the same run.
Usage: python3 benchmarks/scripts/summarize.py benchmarks/target/jmh.json
"""
import json
import sys

TO_NS = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
PER_STEP_GOAL_US = 10.0
RUN_GOAL_MS = 100.0


def main(path):
    with open(path) as f:
        results = json.load(f)
    rows = {}
    throughput = {}
    print("| Benchmark | Params | Score | Error (99.9%) | Unit |")
    print("|---|---|---:|---:|---|")
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        short = name[-2] + "." + name[-1]
        params = ", ".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items()))
        m = r["primaryMetric"]
        print(f"| {short} | {params or '-'} | {m['score']:.3f} | ± {m['scoreError']:.3f} | {m['scoreUnit']} |")
        if m["scoreUnit"] == "ops/s":
            throughput[(short, params)] = m["score"]
        else:
            rows[(short, params)] = m["score"] * TO_NS[m["scoreUnit"]]

    def ns(short, params=""):
        return rows.get((short, params))

    print()
    base_step = ns("BaselineBenchmark.perStep")
    base_run = ns("BaselineBenchmark.run")
    if base_step is None:
        print("(no baseline in this result; ratios omitted)")
    print("| Per step | Params | Time per step (µs) | Overhead over baseline (µs) | × baseline | Goal ≤ 10 µs |")
    print("|---|---|---:|---:|---:|---|")
    for (short, params), value in rows.items():
        if not short.endswith(".perStep") or short.startswith("Baseline"):
            continue
        us = value / 1e3
        over = f"{(value - base_step) / 1e3:.3f}" if base_step else "n/a"
        ratio = f"{value / base_step:,.0f}" if base_step else "n/a"
        print(f"| {short} | {params} | {us:.3f} | {over} | {ratio} | {'met' if us <= PER_STEP_GOAL_US else 'MISSED'} |")

    print()
    print("| Whole run | Params | ms | × baseline run | Goal < 100 ms |")
    print("|---|---|---:|---:|---|")
    for (short, params), value in rows.items():
        if not short.endswith(".run") or short.startswith("Baseline"):
            continue
        ms = value / 1e6
        ratio = f"{value / base_run:,.0f}" if base_run else "n/a"
        print(f"| {short} (plan + run) | {params} | {ms:.3f} | {ratio} | {'met' if ms < RUN_GOAL_MS else 'MISSED'} |")
    build = ns("PlanBenchmark.build")
    if build is not None:
        for (short, params), value in rows.items():
            if short == "ChainBenchmark.run":
                ms = (build + value) / 1e6
                print(f"| PlanBenchmark.build + {short} (build + plan + run) | {params} | {ms:.3f} | | "
                      f"{'met' if ms < RUN_GOAL_MS else 'MISSED'} |")
    plan = ns("PlanBenchmark.plan")
    if plan is not None:
        for (short, params), value in rows.items():
            if short == "ChainBenchmark.run":
                print(f"| share of ChainBenchmark.run spent planning | {params} | | | {100 * plan / value:.1f} % |")

    streams(throughput)


def streams(throughput):
    """StreamOperatorBenchmark: engine records/s against the plain loop of the same run and parameters."""
    engine = {p: v for (short, p), v in throughput.items() if short == "StreamOperatorBenchmark.engine"}
    if not engine:
        return
    print()
    print("| Stream operator | Params | Engine (records/s) | Plain loop (records/s) | Engine / plain loop |")
    print("|---|---|---:|---:|---:|")
    for params, value in engine.items():
        plain = throughput.get(("StreamOperatorBenchmark.plainLoop", params))
        ratio = f"{value / plain:.3f}" if plain else "n/a"
        plain_text = f"{plain:,.0f}" if plain else "n/a"
        print(f"| StreamOperatorBenchmark | {params} | {value:,.0f} | {plain_text} | {ratio} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/jmh.json")
