#!/usr/bin/env python3
"""Differential oracle for `slipstream data export`: slipcore's own finetune exporters on given examples.

Usage:
  slipcore_export_oracle.py --format F < examples.jsonl
      Reads one example per line ({"instruction", "thought", "response", "force", "obj", "system"}) and
      prints slipcore.finetune's F-format object for it (F: sharegpt, sharegpt_thought,
      sharegpt_semantics, chat, alpaca), written as generate_dataset writes it:
      json.dumps(obj, ensure_ascii=False).
  slipcore_export_oracle.py --generate N --seed S
      Prints N examples of slipcore's own generator (generate_training_examples), each as
      {"example": {...}, "formats": {F: the F-format object's json.dumps text, ...}}.
The Swift suite (ExportDifferentialTests) exports the same examples and requires the same text.
"""
import argparse
import json
import sys

from slipcore.finetune import (
    SYSTEM_PROMPT_BASIC,
    TrainingExample,
    generate_training_examples,
    to_alpaca_format,
    to_chat_format,
    to_sharegpt_format,
    to_sharegpt_with_semantics,
    to_sharegpt_with_thought,
)

FORMATS = {
    "sharegpt": lambda e, s: to_sharegpt_format(e, s),
    "sharegpt_thought": lambda e, s: to_sharegpt_with_thought(e, s),
    "sharegpt_semantics": lambda e, s: to_sharegpt_with_semantics(e, s),
    "chat": lambda e, s: to_chat_format(e, s),
    "alpaca": lambda e, s: to_alpaca_format(e),
}


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", choices=sorted(FORMATS))
    parser.add_argument("--generate", type=int)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if args.generate is not None:
        for e in generate_training_examples(args.generate, args.seed):
            fields = {"instruction": e.instruction, "thought": e.thought, "response": e.response, "force": e.force,
                      "obj": e.obj, "system": SYSTEM_PROMPT_BASIC}
            print(dumps({"example": fields,
                         "formats": {name: dumps(f(e, SYSTEM_PROMPT_BASIC)) for name, f in FORMATS.items()}}))
        return
    convert = FORMATS[args.format]
    for line in sys.stdin:
        if not line.strip():
            continue
        d = json.loads(line)
        e = TrainingExample(instruction=d["instruction"], thought=d["thought"], response=d["response"],
                            force=d["force"], obj=d["obj"])
        print(dumps(convert(e, d["system"])))


if __name__ == "__main__":
    main()
