#!/usr/bin/env python3
"""Messages per second of slipcore 3.1.1's KeywordQuantizer on the training texts (one core).

Usage:
  python scripts/bench_slipcore_quantizer.py [--dataset ../shared/data/tqt-v1-train.jsonl] [--rounds 20]
                                             [--swift local=1234567 --swift keyword=234567]
Needs `pip install slipcore==3.1.1` (or SLIPCORE_SRC pointing at its src/ folder).
With --swift NAME=MSGS_PER_S (figures from the QuantizerBenchmarks target) it also prints the ratios.
"""
import argparse
import json
import os
import sys
import time

from quant_research import turns  # same folder: the training file's (human, gpt) turns

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_texts(path):
    return [human for human, _ in turns(path)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default=os.path.join(ROOT, "..", "shared", "data", "tqt-v1-train.jsonl"))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--swift", action="append", default=[], help="NAME=MSGS_PER_S from the Swift benchmark")
    args = parser.parse_args()
    if os.environ.get("SLIPCORE_SRC"):
        sys.path.insert(0, os.environ["SLIPCORE_SRC"])
    from slipcore.quantizer import KeywordQuantizer

    texts = load_texts(args.dataset)
    quantizer = KeywordQuantizer()
    for text in texts:  # warm up
        quantizer.quantize(text)
    best = 0.0
    for _ in range(args.rounds):
        start = time.perf_counter()
        for text in texts:
            quantizer.quantize(text)
        elapsed = time.perf_counter() - start
        best = max(best, len(texts) / elapsed)
    print(f"slipcore KeywordQuantizer.quantize: {best:,.0f} msgs/s (best of {args.rounds} rounds over {len(texts)} texts)")
    for item in args.swift:
        name, _, value = item.partition("=")
        rate = float(value)
        print(f"swift {name}: {rate:,.0f} msgs/s = {rate / best:.1f}x slipcore keyword")


if __name__ == "__main__":
    main()
