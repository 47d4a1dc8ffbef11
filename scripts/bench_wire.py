#!/usr/bin/env python3
"""Times slipcore 3.1.1's parse_slip and format_slip on a file of v3 wires, on one core.

Usage: bench_wire.py --write FILE [--count N]   writes N valid v3 wires (seeded) to FILE
       bench_wire.py --write-training DATASET FILE
                                                writes the SLIP lines of a v3 training file's gpt turns
                                                that slipcore accepts to FILE (what agents really send)
       bench_wire.py FILE [--seconds S]         prints JSON: parsePerSecond, formatPerSecond
"""
import argparse
import json
import random
import time

import slipcore_oracle
from slipcore import format_slip, parse_slip


def measure(fn, n, seconds):
    # CPU time of this thread, as the Swift benchmark measures: time spent waiting for the core on a
    # shared machine is not counted.
    fn()
    count, start = 0, time.thread_time()
    while time.thread_time() - start < seconds:
        fn()
        count += n
    return count / (time.thread_time() - start)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--write-training", metavar="DATASET")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args()
    if args.write_training:
        with open(args.write_training) as rows, open(args.file, "w") as f:
            for row in rows:
                for turn in json.loads(row)["conversations"]:
                    if turn["from"] != "gpt":
                        continue
                    for line in turn["value"].split("\n"):
                        if line.startswith("SLIP: "):
                            try:
                                parse_slip(line[6:].strip())
                            except Exception:
                                continue
                            f.write(line[6:].strip() + "\n")
        return
    if args.write:
        rng = random.Random(42)
        with open(args.file, "w") as f:
            for _ in range(args.count):
                f.write(" ".join(slipcore_oracle.valid_tokens(rng)) + "\n")
        return
    wires = open(args.file).read().split("\n")[:-1]
    msgs = [parse_slip(w) for w in wires]
    args_list = [(m.src, m.dst, m.force, m.obj, ([m.fallback_ref] if m.fallback_ref else []) + list(m.payload)) for m in msgs]

    def parse_all():
        for w in wires:
            parse_slip(w)

    def format_all():
        for a in args_list:
            format_slip(*a)

    print(json.dumps({"messages": len(wires), "parsePerSecond": int(measure(parse_all, len(wires), args.seconds)),
                      "formatPerSecond": int(measure(format_all, len(wires), args.seconds))}))


if __name__ == "__main__":
    main()
