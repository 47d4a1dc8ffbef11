#!/usr/bin/env python3
"""Differential oracle for the UCR: slipcore 3.1.1's codebook files, content hash and nearest anchor.

Usage: slipcore_ucr_oracle.py make FILE [--seed S]   extends the base v3 UCR with seeded extensions (some
                                                   proposed or deprecated, canonical texts with quotes,
                                                   backslashes, line breaks and non-ASCII), saves it to
                                                   FILE and prints JSON: hash, nearest [[a, b, c, d, index]...]
       slipcore_ucr_oracle.py check FILE            loads FILE (saved by someone else) and prints JSON: hash,
                                                   anchors, and the text slipcore saves for it
The Swift test suite (UCRDifferentialTests) reads and writes the same files.
"""
import argparse
import json
import os
import random
import string
import tempfile

from slipcore import create_base_ucr
from slipcore.ucr import UCR, AnchorState

FORCES = ["Observe", "Inform", "Ask", "Request", "Propose", "Commit", "Eval", "Meta", "Accept", "Reject", "Error", "Fallback"]
TEXT = string.ascii_letters + string.digits + " .,'\"\\/\n\t-é日😀"


def make(path, seed):
    rng = random.Random(seed)
    ucr = create_base_ucr()
    for n in range(60):
        obj = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(1, 12))) + str(n)
        canonical = "".join(rng.choice(TEXT) for _ in range(rng.randint(0, 30)))
        anchor = ucr.propose_extension(rng.choice(FORCES), obj, canonical, tuple(rng.randrange(8) for _ in range(4)),
                                       created_by=rng.choice(["swarm", "alice", "bøb"]))
        anchor.state = rng.choice(list(AnchorState))
        if anchor.state == AnchorState.DEPRECATED and n > 0:
            anchor.replaced_by = 0x8000 + rng.randrange(n)
    ucr.save(path)
    coords = [[rng.randrange(8) for _ in range(4)] for _ in range(3000)]
    print(json.dumps({"hash": ucr.content_hash(), "nearest": [c + [ucr.find_nearest(tuple(c)).index] for c in coords]}))


def check(path):
    ucr = UCR.load(path)
    fd, again = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        ucr.save(again)
        text = open(again).read()
    finally:
        os.unlink(again)
    print(json.dumps({"hash": ucr.content_hash(), "anchors": [a.to_dict() for a in ucr], "text": text}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["make", "check"])
    ap.add_argument("file")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    make(args.file, args.seed) if args.mode == "make" else check(args.file)


if __name__ == "__main__":
    main()
