#!/usr/bin/env python3
"""CPU samples of a JFR recording by thread, by top frame and by inclusive method, for any code
(Flink's included; jfr_hotspots.py attributes samples to Solidstream frames instead).

Thread names are shown with digits replaced by '#'; methods as Class.method (simple class name).
Usage: python3 benchmarks/scripts/jfr_breakdown.py FILE.jfr [top-N]
"""
import collections
import json
import re
import subprocess
import sys


def main(path, top_n):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    threads, top, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        stack = values.get("stackTrace")
        if not stack or not stack["frames"]:
            continue
        total += 1
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        threads[re.sub(r"\d+", "#", thread)[:70]] += 1
        frames = [f["method"]["type"]["name"].replace("/", ".").split(".")[-1] + "." + f["method"]["name"]
                  for f in stack["frames"]]
        top[frames[0]] += 1
        for method in set(frames):
            inclusive[method] += 1
    print(f"{total} samples")
    for title, counter in (("thread", threads), ("top frame", top), ("inclusive", inclusive)):
        print(f"\nby {title}:")
        for name, count in counter.most_common(top_n):
            print(f"{count * 100 / total:6.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30)
