#!/usr/bin/env python3
"""Hot spots of a JFR recording made with benchmarks.jar -prof jfr, attributed to Solidstream code.

For CPU (jdk.ExecutionSample, counted in samples) or allocation (jdk.ObjectAllocationSample,
weighted in bytes) prints: the top frame; the first Solidstream frame (the Solidstream method
that did the work or called the JDK code that did); and inclusive Solidstream methods.
Usage: python3 benchmarks/scripts/jfr_hotspots.py FILE.jfr [jdk.ExecutionSample|jdk.ObjectAllocationSample]
"""
import collections
import json
import subprocess
import sys


def own(type_name):
    return (type_name.startswith("io.solidstream") and "jmh_generated" not in type_name
            and "$$Lambda" not in type_name)


def main(path, event):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", event, path],
                         capture_output=True, text=True, check=True).stdout
    top, first, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for e in json.loads(out)["recording"]["events"]:
        stack = e["values"].get("stackTrace")
        if not stack or not stack["frames"]:
            continue
        weight = 1 if event == "jdk.ExecutionSample" else e["values"].get("weight", 1)
        types = [f["method"]["type"]["name"].replace("/", ".") for f in stack["frames"]]
        names = [t.rsplit(".", 1)[-1] + "." + f["method"]["name"] for t, f in zip(types, stack["frames"])]
        total += weight
        top[names[0]] += weight
        mine = [n for t, n in zip(types, names) if own(t)]
        if mine:
            first[mine[0]] += weight
        for n in set(mine):
            inclusive[n] += weight
    unit = "samples" if event == "jdk.ExecutionSample" else "bytes sampled"
    print(f"{event}: {total} {unit}")
    for title, counter in (("top frame", top), ("first Solidstream frame", first),
                           ("inclusive Solidstream method", inclusive)):
        print(f"-- {title}")
        for name, value in counter.most_common(18):
            print(f"  {100 * value / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "jdk.ExecutionSample")
