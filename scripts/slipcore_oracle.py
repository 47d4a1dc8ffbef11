#!/usr/bin/env python3
"""Differential oracle: generates SLIP v3 wires (valid and invalid) and prints slipcore's verdict on each.

Usage: slipcore_oracle.py [--count N] [--seed S] [--format]
Prints one JSON object per line: wire, ok, and either the parsed fields with render_human's and
render_log_line's renderings, or the error class and message.
The Swift test suite (DifferentialTests) parses the same wires and requires the same decisions and fields.
With --format it generates fields instead (valid and broken: odd characters, spaces, empty or too long
tokens, too many tokens, a Fallback without its ref) and prints format_slip's verdict on each: the fields,
ok, and the wire or the error message.
"""
import argparse
import json
import random
import string

from slipcore import WireParseError, WireValidationError, format_slip, parse_slip, render_human, render_log_line

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


def broken_fields(rng, fields):
    """One or two faults in valid format_slip fields (never a line feed: see SlipMessage.validatedV3)."""
    src, dst, force, obj, payload = fields
    odd = [c for c in ODD + [" ", "\t"]]
    for _ in range(rng.randint(1, 2)):
        kind = rng.randrange(9)
        if kind == 0:
            src = rng.choice([src + rng.choice(odd), token(rng, 21, 24), ""])
        elif kind == 1:
            dst = rng.choice([rng.choice(odd) + dst, token(rng, 21, 24), ""])
        elif kind == 2:
            obj = rng.choice([obj + rng.choice(odd), token(rng, 31, 33), ""])
        elif kind in (3, 4) and payload:
            i = rng.randrange(len(payload))
            payload[i] = rng.choice([payload[i] + rng.choice(odd), token(rng, 31, 34), "", "a b"])
        elif kind == 5:
            payload += [token(rng, 1, 5) for _ in range(rng.randint(1, 6))]
        elif kind == 6:
            force = "Fallback"
            payload = rng.choice([[], [token(rng, 17, 20)], [token(rng, 1, 16)] + payload])
        elif kind == 7:
            payload = []
        else:
            payload = [token(rng, 1, 30) for _ in range(rng.randint(20, 23))]
    return src, dst, force, obj, payload


def format_verdicts(rng, count):
    for n in range(count):
        toks = valid_tokens(rng)
        fields = (toks[2], toks[3], toks[4], toks[5], toks[6:])
        if n % 2:
            fields = broken_fields(rng, fields)
        src, dst, force, obj, payload = fields
        out = {"src": src, "dst": dst, "force": force, "obj": obj, "payload": payload}
        try:
            out.update(ok=True, wire=format_slip(src, dst, force, obj, payload))
        except WireValidationError as e:
            out.update(ok=False, error="WireValidationError", message=str(e))
        print(json.dumps(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.format:
        format_verdicts(rng, args.count)
        return
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
                       fallback_ref=m.fallback_ref, human=render_human(m), log=render_log_line(m))
        except WireParseError as e:
            out.update(ok=False, error="WireParseError", message=str(e))
        except WireValidationError as e:
            out.update(ok=False, error="WireValidationError", message=str(e))
        print(json.dumps(out))


if __name__ == "__main__":
    main()
