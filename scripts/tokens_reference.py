#!/usr/bin/env python3
"""Reference token ids from the real tiktoken, for Slipstream's differential tokenizer test.

Writes one JSON object per line: {"text": ..., "cl100k_base": [ids], "o200k_base": [ids]}
for every distinct text of a TQT JSONL dataset (each conversation value, plus the THOUGHT, QUANTIZE and
SLIP lines of each output) followed by N seeded random strings. The Swift test
(Tests/SlipstreamTokenizersTests/TiktokenDifferentialTests.swift) runs this script and compares.

tiktoken reads the rank files from --rank-dir (`slipstream assets fetch` puts them in
$SLIPSTREAM_CACHE_DIR/tokenizers), so no network is needed.

    python scripts/tokens_reference.py --rank-dir ~/.cache/slipstream/tokenizers \
        --dataset ../shared/data/tqt-v1-train.jsonl --generated 100000 --seed 20261130 --out /tmp/ref.jsonl
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys

import tiktoken
import tiktoken.load

# Copied from tiktoken_ext/openai_public.py of tiktoken 0.14.0 (pinned in scripts/requirements-test.txt).
CL100K_PATTERN = r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
O200K_PATTERN = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
SPECIALS = {
    "cl100k_base": {
        "<|endoftext|>": 100257,
        "<|fim_prefix|>": 100258,
        "<|fim_middle|>": 100259,
        "<|fim_suffix|>": 100260,
        "<|endofprompt|>": 100276,
    },
    "o200k_base": {"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
}
PATTERNS = {"cl100k_base": CL100K_PATTERN, "o200k_base": O200K_PATTERN}


def load_encoding(name: str, rank_dir: str) -> tiktoken.Encoding:
    """A tiktoken Encoding that reads its ranks from rank_dir/<name>.tiktoken."""
    path = os.path.join(rank_dir, f"{name}.tiktoken")
    return tiktoken.Encoding(
        name,
        pat_str=PATTERNS[name],
        mergeable_ranks=tiktoken.load.load_tiktoken_bpe(path),
        special_tokens=SPECIALS[name],
    )


def dataset_texts(path: str) -> list[str]:
    """Every conversation value of a TQT file, plus each line of every model output."""
    texts: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            for turn in row.get("conversations", []):
                value = turn.get("value", "")
                texts.append(value)
                if turn.get("from") == "gpt":
                    texts.extend(part for part in value.split("\n") if part)
    return texts


# --- seeded random strings -------------------------------------------------------------------

WHITESPACE = [
    " ", " ", " ", "\n", "\n", "\t", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\xa0", "\u1680", "\u2000", "\u2003",
    "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u200b", "\u180e", "\ufeff",
]
CONTRACTIONS = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'LL", "'Re", "'vE", "'D", "'\u017f", "\u2019s",
                "'x", "''", "'", "n't", "'ll've"]
WORDS = ["hello", "World", "SLIP", "v1", "RequestReview", "auth_module", "don't", "I'm", "HTTPServer",
         "camelCase", "snake_case", "ALLCAPS", "x", "Ǆemal", "ǅungla", "ΣΊΣΥΦΟΣ", "straße", "İstanbul",
         "ﬁnance", "Ａｂｃ", "Привет", "مرحبا", "שלום", "नमस्ते", "こんにちは", "你好世界", "안녕하세요", "ไทย",
         "ქართული", "Ελληνικά", "Ꭰꭰ", "ʰʲʷ", "ᵃᵇᶜ", "ℌ𝔢𝔩𝔩𝔬", "𝐀𝐁𝐂", "ﷺ", "ＡＢＣ１２３"]
NUMBERS = ["0", "7", "42", "123", "1234", "12345678", "3.14159", "1,000,000", "٣٤٥", "१२३", "１２３", "²³", "½",
           "Ⅻ", "ⅻ", "①②", "𝟙𝟚", "0x1F", "1e-9", "-17"]
PUNCT = ["!", "?", ".", ",", "...", "->", "=>", "::", "/", "//", "/*", "*/", "<|", "|>", "<|endoftext|>",
         "<|fim_prefix|>", "{", "}", "[", "]", "\"", "`", "```", "@#$%", "©", "™", "§", "¶", "—", "–", "…",
         "«»", "„“", "¿¡", "$", "€", "¥", "₿", "\\", "\\x80", "\\xc3(", "%s", "&amp;", "\x00", "\x01", "\x1b[0m",
         "\x7f", "\ufffd", "\uffff", "\ufdd0", "\ue000", "\U000f0000", "\U0010fffd", "\U000e0041", "\ufe0f"]
EMOJI = ["😀", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🇺🇸", "🇯🇵", "🏳️‍🌈", "❤️", "✨", "🔥", "🦀", "🐍", "1️⃣", "#️⃣",
         "🧑🏿‍🚀", "☕", "\U0001faf6", "🫠"]
MARKS = ["\u0300", "\u0301", "\u0308", "\u0327", "\u20dd", "\u0489", "\u093f", "\u094d", "\u0903", "\u05b7",
         "\u0651", "\u0e31", "\u302a", "\u3099", "\u1ab0", "\U0001d165", "\U000e0100", "\u034f"]


def random_scalar(rng: random.Random) -> str:
    """One code point from the whole Unicode range (no surrogates), biased to assigned blocks."""
    pick = rng.random()
    if pick < 0.3:
        cp = rng.randrange(0x20, 0x7F)
    elif pick < 0.55:
        cp = rng.randrange(0x80, 0x3000)
    elif pick < 0.7:
        cp = rng.randrange(0x3000, 0x10000)
    elif pick < 0.85:
        cp = rng.randrange(0x10000, 0x40000)
    elif pick < 0.9:
        cp = rng.randrange(0xE0000, 0x110000)
    else:
        cp = rng.randrange(0, 0x110000)
    if 0xD800 <= cp <= 0xDFFF:
        cp = 0xFFFD
    return chr(cp)


def random_fragment(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.14:
        return rng.choice(WORDS)
    if kind < 0.24:
        return "".join(rng.choice(WHITESPACE) for _ in range(rng.randint(1, 6)))
    if kind < 0.30:
        return rng.choice(WHITESPACE) * rng.randint(2, 40)
    if kind < 0.38:
        return rng.choice(CONTRACTIONS)
    if kind < 0.46:
        return rng.choice(NUMBERS) if rng.random() < 0.5 else str(rng.randrange(10 ** rng.randint(1, 12)))
    if kind < 0.56:
        return rng.choice(PUNCT)
    if kind < 0.63:
        return rng.choice(EMOJI)
    if kind < 0.70:
        base = rng.choice("aeiouAEIOUnx1 '.\n") if rng.random() < 0.7 else ""
        return base + "".join(rng.choice(MARKS) for _ in range(rng.randint(1, 4)))
    if kind < 0.76:
        return "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 8)))
    if kind < 0.80:
        return "".join(chr(rng.randrange(0xAC00, 0xD7A4)) for _ in range(rng.randint(1, 5)))
    if kind < 0.84:
        # Mixed-case ASCII letters, optionally with digits: exercises the o200k upper/lower split.
        return "".join(rng.choice("aAbBzZqQ0'") for _ in range(rng.randint(1, 12)))
    return "".join(random_scalar(rng) for _ in range(rng.randint(1, 10)))


def generated_texts(count: int, seed: int, exclude: set[str]) -> list[str]:
    """`count` distinct seeded random strings, none of them in `exclude`."""
    rng = random.Random(seed)
    seen = set(exclude)
    texts = []
    while len(texts) < count:
        size = rng.choice([1, 1, 2, 3, 5, 8, 13, 21, 34])
        text = "".join(random_fragment(rng) for _ in range(size))
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def code_point_sweep() -> list[str]:
    """Every code point of planes 0-3 and 14 (no surrogates) in contexts that expose its class.

    Each code point c appears as `a{c}'s A{c}1 {c}` so that letter, number, mark, whitespace and
    o200k upper/lower membership all change the split; 256 code points per text.
    """
    points = [cp for cp in list(range(0x40000)) + list(range(0xE0000, 0xE1000)) if not 0xD800 <= cp <= 0xDFFF]
    texts = []
    for start in range(0, len(points), 256):
        texts.append("".join(f"a{chr(cp)}'s A{chr(cp)}1 {chr(cp)}\n" for cp in points[start:start + 256]))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rank-dir", required=True, help="directory holding <name>.tiktoken files")
    parser.add_argument("--dataset", action="append", default=[], help="TQT JSONL file (repeatable)")
    parser.add_argument("--generated", type=int, default=100_000, help="number of random strings")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--sweep", action="store_true", help="add the all-code-points sweep texts")
    parser.add_argument("--out", required=True, help="output JSONL path")
    args = parser.parse_args()

    encodings = {name: load_encoding(name, args.rank_dir) for name in PATTERNS}
    texts: list[str] = []
    for path in args.dataset:
        texts.extend(dataset_texts(path))
    texts = list(dict.fromkeys(texts))  # Drop repeats (the system prompt is the same in every row).
    texts.extend(generated_texts(args.generated, args.seed, set(texts)))
    if args.sweep:
        texts.extend(code_point_sweep())
    ids = {name: enc.encode_ordinary_batch(texts, num_threads=1) for name, enc in encodings.items()}
    with open(args.out, "w", encoding="utf-8") as out:
        for index, text in enumerate(texts):
            record = {"text": text}
            for name in PATTERNS:
                record[name] = ids[name][index]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(texts)} texts to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
