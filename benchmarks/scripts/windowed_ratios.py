#!/usr/bin/env python3
"""Ratios of windowed-count runs: reads the RESULT (and --report-cpu CPU) lines the command printed
and prints, per run (one run = the lines of one invocation; runs are separated by any other line,
e.g. "# run 2" or "exit=0"), each engine's seconds and events/s and the ratios of the goals:
  flink-minicluster seconds / flink-datastream seconds   (goal <= 1.05)
  in-process events/s / flink-minicluster events/s       (goal >= 3)
  in-process events/s / plain-java events/s              (goal >= 0.5)
and, with CPU lines, flink-minicluster CPU seconds / flink-datastream CPU seconds (no goal).
Usage: python3 benchmarks/scripts/windowed_ratios.py FILE...   (or the lines on stdin)
"""
import fileinput
import re

CPU = re.compile(r"CPU engine=(\S+) cpu_seconds=([\d.]+) gc_seconds=([\d.]+)")
LINE = re.compile(r"RESULT engine=(\S+) events=(\d+) keys=(\d+) windows=(\d+) checksum=(-?\d+)"
                  r" seconds=([\d.]+) events_per_s=(\d+)")
GOALS = [
    ("flink-minicluster s / flink-datastream s", "flink-minicluster", "flink-datastream", "seconds", "<=", 1.05),
    ("in-process / flink-minicluster events/s", "in-process", "flink-minicluster", "events_per_s", ">=", 3.0),
    ("in-process / plain-java events/s", "in-process", "plain-java", "events_per_s", ">=", 0.5),
]


def runs(lines):
    run = {}
    for line in lines:
        match = LINE.match(line.strip())
        cpu = CPU.match(line.strip())
        if cpu:
            run.setdefault(cpu.group(1), {})["cpu"] = float(cpu.group(2))
        elif match:
            engine, seconds, per_s = match.group(1), float(match.group(6)), int(match.group(7))
            run.setdefault(engine, {}).update(seconds=seconds, events_per_s=per_s)
        elif run:
            yield run
            run = {}
    if run:
        yield run


def main():
    rows = list(runs(fileinput.input()))
    engines = [e for e in ("plain-java", "in-process", "flink-minicluster", "flink-datastream")
               if any(e in run for run in rows)]
    print("| Run | " + " | ".join(f"`{e}` s (events/s)" for e in engines) + " | "
          + " | ".join(goal[0] for goal in GOALS) + " | flink-minicluster CPU s / flink-datastream CPU s |")
    print("|---" * (2 + len(engines) + len(GOALS)) + "|")
    for i, run in enumerate(rows, 1):
        cells = [f"{run[e]['seconds']:.3f} ({run[e]['events_per_s']:,})" if "seconds" in run.get(e, {}) else ""
                 for e in engines]
        for _, a, b, field, op, bound in GOALS:
            if field in run.get(a, {}) and field in run.get(b, {}):
                ratio = run[a][field] / run[b][field]
                met = ratio <= bound if op == "<=" else ratio >= bound
                cells.append(f"{ratio:.3f} ({'met' if met else 'not met'})")
            else:
                cells.append("")
        mc, ds = run.get("flink-minicluster", {}), run.get("flink-datastream", {})
        cells.append(f"{mc['cpu']:.2f} / {ds['cpu']:.2f} = {mc['cpu'] / ds['cpu']:.3f}"
                     if "cpu" in mc and "cpu" in ds else "")
        print(f"| {i} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
