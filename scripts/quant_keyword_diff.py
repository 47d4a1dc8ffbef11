#!/usr/bin/env python3
"""Differential check of the Swift `keyword` engine against slipcore 3.1.1's KeywordQuantizer:
reads `slipstream encode --engine keyword --format json` lines on stdin together with the texts of the
dataset (same order) and reports rows where the Force/Object differ (pairs the v1 codebook has).

Usage:
  python scripts/quant_keyword_diff.py --dataset ../shared/data/tqt-v1-train.jsonl
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default=os.path.join(ROOT, "..", "shared", "data", "tqt-v1-train.jsonl"))
    parser.add_argument("--slipstream", default=os.path.join(ROOT, ".build", "release", "slipstream"))
    args = parser.parse_args()
    if os.environ.get("SLIPCORE_SRC"):
        sys.path.insert(0, os.environ["SLIPCORE_SRC"])
    from slipcore.intent import V2_TO_V3
    from slipcore.quantizer import KeywordQuantizer

    texts = []
    with open(args.dataset, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                turns = json.loads(line)["conversations"]
                texts.append(" ".join(next(t["value"] for t in turns if t["from"] == "human").split()))
    out = subprocess.run(
        [args.slipstream, "encode", "--from", "a", "--to", "b", "--engine", "keyword", "--format", "json"],
        input="\n".join(texts) + "\n", capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(texts), (len(out), len(texts))
    mapped = set(V2_TO_V3.values())
    quantizer = KeywordQuantizer()
    same = differ = 0
    for text, line in zip(texts, out):
        got = json.loads(line)
        want = quantizer.quantize(text)
        pair = (want.force, want.obj)
        if not want.is_fallback and pair not in mapped:
            continue  # v1 has no such anchor; the Swift engine picks a same-Force anchor instead
        if (got["force"], got["object"]) == (("Fallback", "Generic") if want.is_fallback else pair):
            same += 1
        else:
            differ += 1
            if differ <= 10:
                print("differs:", text, "| swift", got["force"], got["object"], "| slipcore", pair)
    print(f"{same} passed, {differ} failed")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
