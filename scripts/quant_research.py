#!/usr/bin/env python3
"""Reproduces the research behind the `local` engine (docs/quantizers.md): 5-fold stratified CV
(seed 42) on tqt-v1-train.jsonl of scikit-learn baselines, and slipcore 3.1.1's KeywordQuantizer on
the same rows. Research only: the product is pure Swift.

Usage: python scripts/quant_research.py [--dataset FILE]   (needs numpy, scikit-learn, slipcore==3.1.1)
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def turns(path):
    """The (human, gpt) turns of each non-empty row of a TQT JSONL file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            conversation = json.loads(line)["conversations"]
            yield (next(t["value"] for t in conversation if t["from"] == "human"),
                   next(t["value"] for t in conversation if t["from"] == "gpt"))


def load(path):
    texts, anchors = [], []
    for human, gpt in turns(path):
        texts.append(human)
        anchors.append(re.search(r"SLIP v1 \S+ \S+ (\S+)", gpt).group(1))
    return texts, anchors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default=os.path.join(ROOT, "..", "shared", "data", "tqt-v1-train.jsonl"))
    args = parser.parse_args()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.naive_bayes import ComplementNB
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC

    texts, anchors = load(args.dataset)
    folds = StratifiedKFold(5, shuffle=True, random_state=42)

    def features():
        return make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
        )

    for name, clf in [
        ("word+char tf-idf, logistic regression C=20", LogisticRegression(C=20, max_iter=3000)),
        ("word+char tf-idf, linear SVM C=0.3", LinearSVC(C=0.3)),
        ("word+char tf-idf, complement NB", ComplementNB(alpha=0.3)),
    ]:
        predicted = cross_val_predict(make_pipeline(features(), clf), texts, anchors, cv=folds)
        print(f"{name}: accuracy {accuracy_score(anchors, predicted):.4f}, "
              f"macro-F1 {f1_score(anchors, predicted, average='macro'):.4f}")

    if os.environ.get("SLIPCORE_SRC"):
        sys.path.insert(0, os.environ["SLIPCORE_SRC"])
    from slipcore.intent import V2_TO_V3
    from slipcore.quantizer import KeywordQuantizer

    reverse = {pair: mnemonic for mnemonic, pair in V2_TO_V3.items()}
    quantizer = KeywordQuantizer()
    predicted = []
    for text in texts:
        result = quantizer.quantize(text)
        predicted.append("Fallback" if result.is_fallback else reverse.get((result.force, result.obj), result.force + result.obj))
    labels = sorted(set(anchors))
    print(f"slipcore KeywordQuantizer (v3 pair -> v1 via V2_TO_V3; unmapped pairs count as wrong): "
          f"accuracy {accuracy_score(anchors, predicted):.4f}, "
          f"macro-F1 over the 19 anchors {f1_score(anchors, predicted, average='macro', labels=labels):.4f}")


if __name__ == "__main__":
    main()
