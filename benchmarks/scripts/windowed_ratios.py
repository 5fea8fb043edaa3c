#!/usr/bin/env python3
"""Ratios of windowed-count runs: reads the RESULT lines the command printed and prints, per run
(one run = the lines from one invocation, separated by a line that does not start with RESULT),
each engine's seconds and events/s and the ratios of the goals:
  flink-minicluster seconds / flink-datastream seconds   (goal <= 1.05)
  in-process events/s / flink-minicluster events/s       (goal >= 3)
  in-process events/s / plain-java events/s              (goal >= 0.5)
Usage: python3 benchmarks/scripts/windowed_ratios.py FILE...   (or the lines on stdin)
"""
import fileinput
import re

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
        if match:
            engine, seconds, per_s = match.group(1), float(match.group(6)), int(match.group(7))
            run[engine] = {"seconds": seconds, "events_per_s": per_s, "params": match.group(2, 3, 4, 5)}
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
          + " | ".join(goal[0] for goal in GOALS) + " |")
    print("|---" * (1 + len(engines) + len(GOALS)) + "|")
    for i, run in enumerate(rows, 1):
        cells = [f"{run[e]['seconds']:.3f} ({run[e]['events_per_s']:,})" if e in run else "" for e in engines]
        for _, a, b, field, op, bound in GOALS:
            if a in run and b in run:
                ratio = run[a][field] / run[b][field]
                met = ratio <= bound if op == "<=" else ratio >= bound
                cells.append(f"{ratio:.3f} ({'met' if met else 'not met'})")
            else:
                cells.append("")
        print(f"| {i} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
