#!/usr/bin/env python3
"""Differential oracle: generates SLIP v3 wires (valid and invalid) and prints slipcore's verdict on each.

Usage: slipcore_oracle.py [--count N] [--seed S]
Prints one JSON object per line: wire, ok, and either the parsed fields or the error class and message.
The Swift test suite (DifferentialTests) parses the same wires and requires the same decisions and fields.
"""
import argparse
import json
import random
import string

from slipcore import WireParseError, WireValidationError, parse_slip

FORCES = ["Observe", "Inform", "Ask", "Request", "Propose", "Commit", "Eval", "Meta", "Accept", "Reject", "Error", "Fallback"]
ALNUM = string.ascii_letters + string.digits
PY_SPACES = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
             "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
ODD = [".", "_", "-", ":", "é", "ß", "٣", "😀", "\u200b", "\x00", "\x7f", "'", '"', "/", "Ａ", "ǅ"]


def token(rng, lo=1, hi=30):
    return "".join(rng.choice(ALNUM) for _ in range(rng.randint(lo, hi)))


def valid_tokens(rng):
    force = rng.choice(FORCES)
    toks = ["SLIP", "v3", token(rng, 1, 20), token(rng, 1, 20), force,
            "Generic" if force == "Fallback" and rng.random() < 0.8 else token(rng, 1, 30)]
    if force == "Fallback":
        toks.append(token(rng, 1, 16))
    toks += [token(rng, 1, 30) for _ in range(rng.randint(0, 19 if force == "Fallback" else 20))]
    return toks


def mutate(rng, toks):
    toks = list(toks) or ["SLIP"]
    if len(toks) < 6:
        return toks + [token(rng, 1, 8) for _ in range(rng.randint(0, 3))]
    kind = rng.randrange(14)
    i = rng.randrange(len(toks))
    if kind == 0:
        toks[i] = toks[i] + rng.choice(ODD)
    elif kind == 1:
        t = toks[i]
        p = rng.randrange(len(t) + 1)
        toks[i] = t[:p] + rng.choice(ODD) + t[p:]
    elif kind == 2:
        toks[i] = toks[i] + token(rng, 1, 25)  # maybe too long
    elif kind == 3:
        del toks[rng.randrange(len(toks)):]
    elif kind == 4:
        toks += [token(rng, 1, 5) for _ in range(rng.randint(1, 8))]
    elif kind == 5:
        toks[4] = rng.choice([toks[4].lower(), toks[4].upper(), "Yeet", "Fallback", "Request"])
    elif kind == 6:
        toks[1] = rng.choice(["v1", "v2", "V3", "v33", "3"])
    elif kind == 7:
        toks[0] = rng.choice(["slip", "SLIP:", "HTTP", "SLIPv3"])
    elif kind == 8:
        toks = toks[:6]
    elif kind == 9:
        toks[i] = ""
    elif kind == 10 and len(toks) > 6:
        toks[6] = token(rng, 14, 20)  # fallback ref length boundary
    elif kind == 11:
        toks[rng.choice([2, 3])] = token(rng, 18, 23)
    elif kind == 12:
        toks[5] = token(rng, 28, 33)
    else:
        toks[i] = "".join(rng.choice(ALNUM + "".join(ODD)) for _ in range(rng.randint(1, 8)))
    return toks


def join(rng, toks):
    if rng.random() < 0.7:
        text = " ".join(toks)
    else:
        text = "".join(t + "".join(rng.choice(PY_SPACES) for _ in range(rng.randint(1, 2))) for t in toks)
    if rng.random() < 0.1:
        text = rng.choice(PY_SPACES) + text
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for n in range(args.count):
        toks = valid_tokens(rng)
        if n % 2:
            for _ in range(rng.randint(1, 2)):
                toks = mutate(rng, toks)
        wire = join(rng, toks)
        out = {"wire": wire}
        try:
            m = parse_slip(wire)
            out.update(ok=True, src=m.src, dst=m.dst, force=m.force, obj=m.obj, payload=list(m.payload),
                       fallback_ref=m.fallback_ref)
        except WireParseError as e:
            out.update(ok=False, error="WireParseError", message=str(e))
        except WireValidationError as e:
            out.update(ok=False, error="WireValidationError", message=str(e))
        print(json.dumps(out))


if __name__ == "__main__":
    main()
