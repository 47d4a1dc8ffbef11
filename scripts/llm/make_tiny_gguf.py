#!/usr/bin/env python3
"""Write a tiny llama-architecture GGUF that answers one fixed text at temperature 0.

Test fixture for the Slipstream LLM engine: a real llama.cpp server loads this model in
milliseconds, so tests can assert exact answers, streaming, grammars and timeouts against
llama.cpp itself, with no downloaded weights.

How it works: the hidden size is at least the vocabulary size and every token embeds as a
one-hot vector. Both layers add nothing to the residual stream (attention output and FFN
down projections are zero), so the logits are a fixed function of the *last* token: the
output matrix is a token-to-token transition table. The chat template ends the prompt with
the control token `<|assistant|>`; from there the table walks the answer's tokens one by
one and ends with `</s>` (or, with `--loop`, starts over and never ends).

The vocabulary: `<unk> <s> </s>`, the chat-role control tokens, the 256 byte-fallback
tokens `<0x00>`…`<0xFF>` (so any text can be produced, e.g. under a grammar), and the
answer's own pieces, each piece a distinct string (pieces are made unique by merging a
repeated word with the next one). When a grammar forbids the answer's next token, the
sampler picks the best allowed token from a fixed preference order: end of text, newline,
space, lower-case letters a-z, upper-case A-Z, digits, `_`, other bytes.

Usage:
    make_tiny_gguf.py OUT.gguf [--answer TEXT] [--loop]

Requires the `gguf` package (pinned in scripts/llm/requirements.txt). Runs in well under
a second.
"""

from __future__ import annotations

import argparse
import re
import sys

import numpy as np

try:
    import gguf
except ImportError:  # pragma: no cover - message for a missing venv
    sys.exit("make_tiny_gguf.py: the `gguf` package is missing (pip install -r scripts/llm/requirements.txt)")

DEFAULT_ANSWER = (
    "THOUGHT: Ask bob to review the auth module.\n"
    "QUANTIZE: [ACTION=request | DOMAIN=task | URGENCY=normal | POLARITY=neutral] -> RequestReview\n"
    "SLIP: SLIP v1 alice bob RequestReview auth_module"
)

CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "<|{{ message['role'] }}|>{{ message['content'] }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)

SPECIALS = ["<unk>", "<s>", "</s>", "<|system|>", "<|user|>", "<|assistant|>"]
UNK, BOS, EOS, ASSISTANT = 0, 1, 2, 5
N_LAYERS = 2
HEAD_DIM = 64


def split_pieces(text: str) -> list[str]:
    """Split TEXT into word-like pieces, each a distinct string."""
    raw = re.findall(r"\n|[ ]?[A-Za-z0-9_]+|[ ]?[^A-Za-z0-9_\s]|[ ]", text)
    assert "".join(raw) == text, "piece split lost characters"
    pieces: list[str] = []
    used: set[str] = set()
    i = 0
    while i < len(raw):
        cur = raw[i]
        i += 1
        while cur in used and i < len(raw):
            cur += raw[i]
            i += 1
        if cur in used:  # a repeated tail: glue it to the previous piece
            prev = pieces.pop()
            used.discard(prev)
            cur = prev + cur
            assert cur not in used, f"cannot make piece {cur!r} unique"
        pieces.append(cur)
        used.add(cur)
    return pieces


def byte_preference(b: int) -> float:
    """Base logit of the byte token for B, used when a grammar forbids the answer."""
    c = chr(b)
    if c == "\n":
        return 2.0
    if c == " ":
        return 1.5
    if "a" <= c <= "z":
        return 1.0 - (b - ord("a")) * 0.01
    if "A" <= c <= "Z":
        return 0.7 - (b - ord("A")) * 0.01
    if "0" <= c <= "9":
        return 0.4 - (b - ord("0")) * 0.01
    if c == "_":
        return 0.2
    return 0.0


def build(answer: str, loop: bool) -> tuple[list[str], list[float], list[int], np.ndarray]:
    """Return tokens, scores, types and the transition table logits[current, next]."""
    pieces = split_pieces(answer)
    tokens = list(SPECIALS)
    types = [gguf.TokenType.UNKNOWN] + [gguf.TokenType.CONTROL] * (len(SPECIALS) - 1)
    for b in range(256):
        tokens.append(f"<0x{b:02X}>")
        types.append(gguf.TokenType.BYTE)
    first_piece = len(tokens)
    for p in pieces:
        tokens.append(p.replace(" ", "\u2581"))
        types.append(gguf.TokenType.NORMAL)
    scores = [0.0] * len(tokens)

    n = len(tokens)
    base = np.full(n, -1.0, dtype=np.float32)
    base[:len(SPECIALS)] = -10.0
    base[EOS] = 3.0
    for b in range(256):
        base[len(SPECIALS) + b] = byte_preference(b)
    table = np.tile(base, (n, 1))
    chain = [ASSISTANT] + list(range(first_piece, n))
    for cur, nxt in zip(chain, chain[1:]):
        table[cur, nxt] = 20.0
    table[chain[-1], first_piece if loop else EOS] = 20.0
    return tokens, scores, [int(t) for t in types], table


def write(path: str, answer: str, loop: bool) -> int:
    """Write the model to PATH; return its vocabulary size."""
    tokens, scores, types, table = build(answer, loop)
    n_vocab = len(tokens)
    d = -(-n_vocab // HEAD_DIM) * HEAD_DIM
    n_head = d // HEAD_DIM
    n_ff = 32

    w = gguf.GGUFWriter(path, "llama")
    w.add_name("slipstream-tiny-fixture")
    w.add_context_length(8192)
    w.add_embedding_length(d)
    w.add_block_count(N_LAYERS)
    w.add_feed_forward_length(n_ff)
    w.add_head_count(n_head)
    w.add_head_count_kv(1)
    w.add_rope_dimension_count(HEAD_DIM)
    w.add_layer_norm_rms_eps(1e-6)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)
    w.add_tokenizer_model("llama")
    w.add_token_list(tokens)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_unk_token_id(UNK)
    w.add_bos_token_id(BOS)
    w.add_eos_token_id(EOS)
    w.add_add_bos_token(True)
    w.add_add_eos_token(False)
    w.add_add_space_prefix(False)
    w.add_chat_template(CHAT_TEMPLATE)

    # One-hot embeddings; RMSNorm turns e_i into sqrt(d) * e_i, output_norm scales it back.
    w.add_tensor("token_embd.weight", np.eye(n_vocab, d, dtype=np.float32))
    w.add_tensor("output_norm.weight", np.full(d, 1.0 / np.sqrt(d), dtype=np.float32))
    out = np.zeros((n_vocab, d), dtype=np.float32)
    out[:, :n_vocab] = table.T  # logits[next] = out[next, current]
    w.add_tensor("output.weight", out)
    for i in range(N_LAYERS):
        w.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(d, dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_q.weight", np.zeros((d, d), dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_k.weight", np.zeros((HEAD_DIM, d), dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_v.weight", np.zeros((HEAD_DIM, d), dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_output.weight", np.zeros((d, d), dtype=np.float32))
        w.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(d, dtype=np.float32))
        w.add_tensor(f"blk.{i}.ffn_gate.weight", np.zeros((n_ff, d), dtype=np.float32))
        w.add_tensor(f"blk.{i}.ffn_up.weight", np.zeros((n_ff, d), dtype=np.float32))
        w.add_tensor(f"blk.{i}.ffn_down.weight", np.zeros((d, n_ff), dtype=np.float32))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return n_vocab


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="path of the .gguf file to write")
    ap.add_argument("--answer", default=DEFAULT_ANSWER, help="the text the model answers")
    ap.add_argument("--answer-file", help="read the answer from this file instead")
    ap.add_argument("--loop", action="store_true", help="never end: repeat the answer forever")
    args = ap.parse_args()
    answer = args.answer
    if args.answer_file:
        with open(args.answer_file, encoding="utf-8") as f:
            answer = f.read()
    if not answer:
        sys.exit("make_tiny_gguf.py: the answer must not be empty")
    n_vocab = write(args.out, answer, args.loop)
    print(f"wrote {args.out} ({n_vocab} tokens)")


if __name__ == "__main__":
    main()
