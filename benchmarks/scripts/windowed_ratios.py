#!/usr/bin/env python3
"""Ratios of windowed-count runs: reads the RESULT (and --report-cpu CPU) lines the command printed
and prints, per run (one run = the lines of one invocation; runs are separated by any other line
than RESULT, CPU and THREAD lines, e.g. "# round 2" or "exit=0"), each engine's seconds and events/s and the ratios of the goals:
  flink-minicluster seconds / flink-datastream seconds   (goal <= 1.05)
  in-process events/s / flink-minicluster events/s       (goal >= 3)
  in-process events/s / plain-java events/s              (goal >= 0.5)
and, with CPU lines, flink-minicluster CPU seconds / flink-datastream CPU seconds (no goal), of the
whole process and of its Java threads; with several runs holding both Flink engines (--rounds), the
same ratios over their sums.
Usage: python3 benchmarks/scripts/windowed_ratios.py FILE...   (or the lines on stdin)
"""
import fileinput
import re

CPU = re.compile(r"CPU engine=(\S+) cpu_seconds=([\d.]+) gc_seconds=([\d.]+)")
THREADS = re.compile(r"threads_cpu_seconds=([\d.]+)")
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
        if line.startswith("THREAD "):
            continue  # --report-threads lines belong to the run
        if cpu:
            run.setdefault(cpu.group(1), {})["cpu"] = float(cpu.group(2))
            threads = THREADS.search(line)
            if threads:
                run[cpu.group(1)]["threads"] = float(threads.group(1))
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
          + " | ".join(goal[0] for goal in GOALS) + " | flink-minicluster CPU s / flink-datastream CPU s"
          + " | same, Java threads' CPU s |")
    print("|---" * (3 + len(engines) + len(GOALS)) + "|")
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
        cells.append(f"{mc['threads']:.2f} / {ds['threads']:.2f} = {mc['threads'] / ds['threads']:.3f}"
                     if "threads" in mc and "threads" in ds else "")
        print(f"| {i} | " + " | ".join(cells) + " |")
    both = [run for run in rows if "seconds" in run.get("flink-minicluster", {})
            and "seconds" in run.get("flink-datastream", {})]
    if len(both) > 1:
        print()
        print(f"Over the {len(both)} runs with both Flink engines (sums, flink-minicluster / flink-datastream):")
        for field, title in (("seconds", "seconds"), ("cpu", "CPU s"), ("threads", "Java threads' CPU s")):
            if all(field in run["flink-minicluster"] and field in run["flink-datastream"] for run in both):
                mc = sum(run["flink-minicluster"][field] for run in both)
                ds = sum(run["flink-datastream"][field] for run in both)
                print(f"* {title}: {mc:.2f} / {ds:.2f} = {mc / ds:.3f}")


if __name__ == "__main__":
    main()
