#!/usr/bin/env python3
"""TF-IDF + logistic-regression sentiment baseline (scikit-learn) for Marquee's sentiment classifier.

Trains on the SST-2 training sentences and reports accuracy on the same three sets Marquee's
`marquee sentiment --evaluate` uses, so the README can put the figures side by side:

* SST-2 test: the 1,821 test sentences of the Stanford Sentiment Treebank whose root label is not 2.
* rt-polarity: all 10,662 lines of rt-polaritydata (5,331 positive, 5,331 negative). SST's sentences come
  from the same pool of Rotten Tomatoes snippets, so many of these lines are in the training data.
* IMDb: the aclImdb test reviews, both all 25,000 and the fixed subsample Marquee encodes (every 25th line
  of test.jsonl, 1,000 reviews: 500 negative, 500 positive; see IMDB_STRIDE).

Texts are read exactly as RecImport's `SentimentCorpus` reads them: SST sentences are a tree's leaves joined
by single spaces with the PTB escapes undone (-LRB- -> "(", -RRB- -> ")", "\\/" -> "/", "\\*" -> "*"); SST-2
drops root label 2 and maps 0-1 to negative, 3-4 to positive. rt-polarity lines are split on "\\n" and passed
unchanged; IMDb reviews are the `text` field unchanged.

The regularisation strength C is the one of C_GRID with the best SST-2 dev accuracy; nothing is tuned on a
test set. Output (default Tests/Fixtures/reference/sentiment-baselines.json) is read by
Tests/RecPipelineTests/SentimentTrainingTests.swift.

    pip install -r scripts/requirements.txt
    python3 scripts/reference/sentiment_baselines.py
"""
import argparse
import json
import os
import platform
from importlib.metadata import version
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

SCRIPT = "scripts/reference/sentiment_baselines.py"
ROOT = Path(__file__).resolve().parents[2]
IMDB_STRIDE = 25
C_GRID = [0.25, 1.0, 4.0, 16.0]
ESCAPES = {"-LRB-": "(", "-RRB-": ")", "\\/": "/", "\\*": "*"}


def leaves(tree):
    """The words of one PTB-style tree line, in order, escapes undone."""
    # Every token after "(" is a label, every other token is a word.
    # Split on ASCII spaces only: three training leaves hold a no-break space ("8\u00a01/2").
    tokens = [t for t in tree.replace("(", " ( ").replace(")", " ) ").split(" ") if t]
    words = [tokens[i] for i in range(1, len(tokens))
             if tokens[i] not in ("(", ")") and tokens[i - 1] != "("]
    sentence = " ".join(words)
    for escaped, plain in ESCAPES.items():
        sentence = sentence.replace(escaped, plain)
    return sentence


def sst2(path):
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        root = int(line[1])
        if root == 2:
            continue
        texts.append(leaves(line))
        labels.append(1 if root >= 3 else 0)
    return texts, labels


def rt_polarity(folder):
    texts, labels = [], []
    for name, label in (("rt-polarity.pos", 1), ("rt-polarity.neg", 0)):
        lines = (folder / name).read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        texts += lines
        labels += [label] * len(lines)
    return texts, labels


def imdb(path, stride):
    texts, labels = [], []
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if index % stride:
                continue
            record = json.loads(line)
            texts.append(record["text"])
            labels.append(1 if record["label"] == "pos" else 0)
    return texts, labels


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="folder holding sst/, rt-polaritydata/, aclImdb/ (default $MARQUEE_DATA or ../shared/data)")
    parser.add_argument("--output", default=str(ROOT / "Tests/Fixtures/reference/sentiment-baselines.json"))
    args = parser.parse_args()
    data = Path(args.data or os.environ.get("MARQUEE_DATA") or ROOT.parent / "shared/data")

    train_x, train_y = sst2(data / "sst/trees/train.txt")
    dev_x, dev_y = sst2(data / "sst/trees/dev.txt")
    vectorizer_parameters = {"ngram_range": [1, 2], "sublinear_tf": True, "min_df": 1}
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    train_features = vectorizer.fit_transform(train_x)
    dev_features = vectorizer.transform(dev_x)

    def fit(c):
        return LogisticRegression(C=c, max_iter=2000, solver="liblinear").fit(train_features, train_y)

    dev_accuracy = {str(c): fit(c).score(dev_features, dev_y) for c in C_GRID}
    best_c = max(C_GRID, key=lambda c: dev_accuracy[str(c)])
    model = fit(best_c)

    sets = {
        "sst2-test": sst2(data / "sst/trees/test.txt"),
        "rt-polarity": rt_polarity(data / "rt-polaritydata"),
        "imdb-test": imdb(data / "aclImdb/test.jsonl", 1),
        f"imdb-test-every-{IMDB_STRIDE}th": imdb(data / "aclImdb/test.jsonl", IMDB_STRIDE),
    }
    results = {}
    for name, (texts, labels) in sets.items():
        accuracy = model.score(vectorizer.transform(texts), labels)
        results[name] = {"count": len(texts), "positive": sum(labels), "accuracy": round(accuracy, 6)}
        print(f"{name}: {len(texts)} texts, accuracy {accuracy:.4f}")

    fixture = {
        "script": SCRIPT,
        "library": {"scikit-learn": version("scikit-learn"), "numpy": version("numpy"), "scipy": version("scipy")},
        "python": platform.python_version(),
        "training": {"set": "sst2-train", "count": len(train_x), "positive": sum(train_y)},
        "model": {
            "vectorizer": "TfidfVectorizer", "vectorizer_parameters": vectorizer_parameters,
            "classifier": "LogisticRegression", "classifier_parameters": {"C": best_c, "max_iter": 2000, "solver": "liblinear"},
            "C_grid": C_GRID, "sst2_dev_accuracy_by_C": dev_accuracy,
        },
        "imdb_subsample": f"every {IMDB_STRIDE}th line of aclImdb/test.jsonl, counting from 0",
        "accuracy": results,
    }
    Path(args.output).write_text(json.dumps(fixture, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
