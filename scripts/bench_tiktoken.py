#!/usr/bin/env python3
"""Encode throughput of tiktoken vs Slipstream's Swift tokenizer on the same texts, and the ratio.

Both sides encode every conversation value (system, human, gpt) of a TQT JSONL file on one core
(tiktoken: `encode_ordinary` in a loop, one thread; Swift: `slipstream bench encode`, a release build)
and report the best of --repeat passes. Both read the same rank files from the asset cache.

    swift build -c release --product slipstream
    python scripts/bench_tiktoken.py --slipstream .build/release/slipstream \
        --dataset ../shared/data/tqt-v1-train.jsonl

Prints one line per encoding: tiktoken MB/s, Swift MB/s and swift/tiktoken (target >= 1.0).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tokens_reference import PATTERNS, load_encoding  # noqa: E402


def cache_rank_dir() -> str:
    root = os.environ.get("SLIPSTREAM_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "slipstream")
    return os.path.join(root, "tokenizers")


def dataset_values(path: str) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.extend(turn["value"] for turn in json.loads(line)["conversations"])
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="../shared/data/tqt-v1-train.jsonl")
    parser.add_argument("--slipstream", default=".build/release/slipstream", help="a release-built slipstream binary")
    parser.add_argument("--rank-dir", default=cache_rank_dir())
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    texts = dataset_values(args.dataset)
    size = sum(len(text.encode("utf-8")) for text in texts)
    failed = False
    for name in PATTERNS:
        encoding = load_encoding(name, args.rank_dir)
        best = float("inf")
        tokens = 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            tokens = sum(len(encoding.encode_ordinary(text)) for text in texts)
            best = min(best, time.perf_counter() - start)
        tiktoken_mbps = size / best / 1e6
        swift = subprocess.run(
            [args.slipstream, "bench", "encode", "--dataset", args.dataset, "--tokenizer", name,
             "--rank-file", os.path.join(args.rank_dir, f"{name}.tiktoken"), "--repeat", str(args.repeat), "--json"],
            check=True, capture_output=True, text=True)
        result = json.loads(swift.stdout)
        if result["tokens"] != tokens:
            print(f"{name}: token counts differ (swift {result['tokens']}, tiktoken {tokens})", file=sys.stderr)
            failed = True
        ratio = result["mbps"] / tiktoken_mbps
        print(f"{name}: {len(texts)} texts, {size} bytes, {tokens} tokens; "
              f"tiktoken {tiktoken_mbps:.1f} MB/s, swift {result['mbps']:.1f} MB/s, ratio {ratio:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
