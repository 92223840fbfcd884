#!/usr/bin/env python3
"""Reference top-N ranking values from implicit on the p1-temporal protocol.

Marquee's top-N recommenders are compared against the numbers this script
produces with the `implicit` library (0.7.3) on MovieLens 100K (u.data) and
MovieLens latest-small (ratings.csv). The committed fixtures
Tests/Fixtures/reference/implicit-ml100k-p1temporal.json and
implicit-mllatest-p1temporal.json are this script's output with
--algorithms all --tune; see scripts/reference/README.md for the commands.

Protocol p1-temporal (text from the issue): "positives are ratings >= 4
(>= 4.0 on half-star data). Per user with >= 5 positives, sort positives by
(timestamp, item id) and hold out the last ceil(20%) as test; everything else
of that user (and all positives of users with < 5) is training. Metrics over
users with >= 1 test item, k = 10."
Interpretations (Marquee's Swift side uses the same):
  * training interactions are the training POSITIVES only, each with value 1
    (ratings below 4 are dropped entirely, not used as negatives or weights);
  * the item-id tie-break compares item ids as STRINGS: the sort key is
    (timestamp, str(item)), so item "10" sorts before item "9";
  * ceil(20%) of n positives is math.ceil(0.2 * n) (computed in floating
    point, as Python does);
  * the model's users/items are those with >= 1 training positive, indexed in
    ascending numeric id order (CSR rows/columns); an item that only occurs in
    test, or only in ratings < 4, is unknown to every model and can never be
    recommended.

Models (fitted on the user x item CSR of training positives, float32 values 1):
  als      implicit.cpu.als.AlternatingLeastSquares(factors=100,
           regularization=0.01, alpha=1.0, iterations=15,
           calculate_training_loss=False, random_state=0, use_cg=True) --
           implicit's own defaults, spelled out. Note that implicit 0.7 uses
           confidence = alpha * value for observed entries (1 for the rest), so
           with alpha=1 and values 1 the observed entries get no extra weight.
  bpr      implicit.cpu.bpr.BayesianPersonalizedRanking(factors=100,
           learning_rate=0.01, regularization=0.01, iterations=100,
           random_state=0) -- implicit's defaults.
  item-knn implicit.nearest_neighbours.CosineRecommender(K=20).
  als-tuned (with --tune) ALS tuned on a validation split carved from the
           TRAINING positives by applying the same p1 rule to them (users with
           >= 5 training positives: last ceil(20%) by (timestamp, str(item))
           become validation). Grid: factors {32, 64, 128} x regularization
           {0.01, 0.1, 1.0} x alpha {1, 10, 40}, iterations 15, random_state 0.
           The config with the best validation NDCG@10 (first in grid order on
           ties) is refitted on the full training positives and scored on test.
All models run with num_threads=--num-threads (default 1, for
reproducibility; implicit's BPR results with > 1 thread depend on thread
scheduling) and with the BLAS thread pool limited to 1 (threadpoolctl), as
implicit recommends.

Recommendation: model.recommend(userids, user_items[userids], N=10,
filter_already_liked_items=True) -- implicit's batch API; the user's training
positives are excluded. item-knn may return fewer than 10 items (padded with
-1 by implicit); padding is dropped and counts as a miss.

Metrics, computed per evaluated user (>= 1 test item) and then averaged over
those users; rel_i = 1 if the i-th recommended item is a test item:
  precision@10 = hits / 10;  recall@10 = hits / |test|;
  f1@10 = 2PR/(P+R) per user (0 if P+R = 0);
  ndcg@10 = DCG/IDCG, DCG = sum_{i=1..10} rel_i / log2(i+1), IDCG over
    min(|test|, 10) positions;
  map@10 = sum_{i<=10} P@i * rel_i / min(|test|, 10);
  hr@10 = 1 if any hit;  mrr@10 = 1/rank of the first hit within 10, else 0;
  novelty@10 = per user the mean over recommended items of
    -log2(pop(i) / n_users), pop(i) = number of distinct training users with
    a training positive on i, n_users = number of users with >= 1 training
    positive (the CSR's rows); then averaged over users;
  popularity@10 = likewise the mean pop(i).
Aggregate (over all evaluated users' lists at once):
  coverage@10 = distinct recommended items / catalogue size, where the
    catalogue is every distinct item in the ratings file (any rating);
  gini@10 over the catalogue items' recommendation counts, zeros included:
    sorted ascending c_1..c_n, G = sum_i (2i - n - 1) c_i / (n sum_i c_i).
fit_seconds is wall-clock time of model.fit only (time.perf_counter).

Reproducibility: with the same package versions, random_state=0 and one
thread, a rerun reproduces every metric bit for bit. ALS results (not BPR or
item-knn) also depend on which OpenBLAS kernel runs (OPENBLAS_CORETYPE), which
the output records under "blas"; the kernel changes ALS NDCG@10 around the
4th decimal. BPR with num_threads > 1 is not reproducible (Hogwild-style
parallel SGD).

split counts: train_positives = training (user, item) pairs; test_users =
evaluated users; test_items = held-out (user, item) pairs over all users;
users / items = rows / columns of the training CSR (users and items with
>= 1 training positive); catalogue_items = distinct items in the ratings file.

Data is never copied into the repository. It is found via --data DIR, else the
MARQUEE_DATA environment variable, else ../shared/data relative to the repo
root. DIR may be the dataset folder itself or a folder containing it.
"""

import argparse
import csv
import itertools
import json
import math
import os
import platform
import resource
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import threadpoolctl

import implicit
import implicit.cpu.als
import implicit.cpu.bpr
import implicit.nearest_neighbours

# CosineRecommender.fit hands its own normalised COO matrix to
# ItemItemRecommender.fit, which then warns about non-CSR input; the warning is
# about implicit's internals, not our CSR, so keep it off stderr.
warnings.filterwarnings("ignore", message="Method expects CSR input")

SCRIPT = "scripts/reference/implicit_topn.py"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data"
K = 10

# dataset -> (folder, file)
DATASETS = {
    "ml-100k": ("ml-100k", "u.data"),
    "ml-latest-small": ("ml-latest-small", "ratings.csv"),
}

ALS_DEFAULTS = {"factors": 100, "regularization": 0.01, "alpha": 1.0,
                "iterations": 15, "calculate_training_loss": False,
                "random_state": 0, "use_cg": True}
BPR_DEFAULTS = {"factors": 100, "learning_rate": 0.01, "regularization": 0.01,
                "iterations": 100, "random_state": 0}
KNN_DEFAULTS = {"K": 20}

# name -> (class, parameters recorded in the fixture)
ALGORITHMS = {
    "als": (implicit.cpu.als.AlternatingLeastSquares, ALS_DEFAULTS),
    "bpr": (implicit.cpu.bpr.BayesianPersonalizedRanking, BPR_DEFAULTS),
    "item-knn": (implicit.nearest_neighbours.CosineRecommender, KNN_DEFAULTS),
}

TUNE_GRID = {"factors": (32, 64, 128), "regularization": (0.01, 0.1, 1.0),
             "alpha": (1.0, 10.0, 40.0)}
TUNE_FIXED = {"iterations": 15, "calculate_training_loss": False,
              "random_state": 0, "use_cg": True}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def find_data(arg, dataset):
    """Return the ratings file, or exit with a message saying where we looked."""
    folder, name = DATASETS[dataset]
    base = Path(arg or os.environ.get("MARQUEE_DATA") or DEFAULT_DATA)
    for d in (base, base / folder):
        if (d / name).is_file():
            return (d / name).resolve()
    sys.exit(f"error: {dataset} ratings ({name}) not found in {base} or {base / folder}; "
             f"pass --data DIR or set MARQUEE_DATA")


def load_ratings(path, dataset):
    """Return a list of (user, item, rating, timestamp) with integer ids."""
    rows = []
    if dataset == "ml-100k":
        with open(path) as f:
            for line in f:
                if line.strip():
                    u, i, r, t = line.split("\t")
                    rows.append((int(u), int(i), float(r), int(t)))
    else:
        with open(path, newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            if [h.strip() for h in header] != ["userId", "movieId", "rating", "timestamp"]:
                sys.exit(f"error: unexpected header in {path}: {header}")
            for u, i, r, t in reader:
                rows.append((int(u), int(i), float(r), int(t.strip())))
    if len({(u, i) for u, i, _, _ in rows}) != len(rows):
        sys.exit(f"error: {path} has duplicate (user, item) pairs")
    return rows


def p1_split(positives):
    """Apply the p1 rule to {user: [(timestamp, item)]} -> (train pairs, {user: set(test)})."""
    train, test = [], {}
    for u, events in positives.items():
        events = sorted(events, key=lambda e: (e[0], str(e[1])))
        n = len(events)
        cut = n - math.ceil(0.2 * n) if n >= 5 else n
        train.extend((u, i) for _, i in events[:cut])
        if cut < n:
            test[u] = {i for _, i in events[cut:]}
    return train, test


def build_csr(train):
    """CSR of training pairs (float32 1s), rows/columns in ascending id order."""
    users = sorted({u for u, _ in train})
    items = sorted({i for _, i in train})
    uidx = {u: k for k, u in enumerate(users)}
    iidx = {i: k for k, i in enumerate(items)}
    rows = np.fromiter((uidx[u] for u, _ in train), dtype=np.int32, count=len(train))
    cols = np.fromiter((iidx[i] for _, i in train), dtype=np.int32, count=len(train))
    m = sp.csr_matrix((np.ones(len(train), dtype=np.float32), (rows, cols)),
                      shape=(len(users), len(items)), dtype=np.float32)
    m.sum_duplicates()
    m.sort_indices()
    return m, users, items, uidx


def make_model(cls, params, threads):
    return cls(**params, num_threads=threads)


def fit(model, matrix):
    t0 = time.perf_counter()
    model.fit(matrix, show_progress=False)
    return time.perf_counter() - t0


def recommend(model, matrix, users, uidx, items, test):
    """Top-K raw item ids per evaluated user (sorted by raw user id)."""
    eval_users = sorted(test)
    rows = np.array([uidx[u] for u in eval_users], dtype=np.int32)
    ids, _ = model.recommend(rows, matrix[rows], N=K, filter_already_liked_items=True)
    return {u: [items[j] for j in ids[n] if j >= 0] for n, u in enumerate(eval_users)}


def ndcg_only(recs, test):
    total = 0.0
    for u, t in test.items():
        dcg = sum(1.0 / math.log2(r + 2) for r, i in enumerate(recs[u][:K]) if i in t)
        idcg = sum(1.0 / math.log2(r + 2) for r in range(min(len(t), K)))
        total += dcg / idcg
    return total / len(test)


def metrics(recs, test, pop, n_users, catalogue):
    sums = defaultdict(float)
    counts = dict.fromkeys(catalogue, 0)
    novelty_users = 0
    for u, t in test.items():
        rec = recs[u][:K]
        rel = [1 if i in t else 0 for i in rec]
        hits = sum(rel)
        p, r = hits / K, hits / len(t)
        sums["precision@10"] += p
        sums["recall@10"] += r
        sums["f1@10"] += 2 * p * r / (p + r) if p + r > 0 else 0.0
        dcg = sum(x / math.log2(k + 2) for k, x in enumerate(rel))
        idcg = sum(1.0 / math.log2(k + 2) for k in range(min(len(t), K)))
        sums["ndcg@10"] += dcg / idcg
        ap, h = 0.0, 0
        for k, x in enumerate(rel):
            if x:
                h += 1
                ap += h / (k + 1)
        sums["map@10"] += ap / min(len(t), K)
        sums["hr@10"] += 1.0 if hits else 0.0
        sums["mrr@10"] += 1.0 / (rel.index(1) + 1) if hits else 0.0
        if rec:
            novelty_users += 1
            sums["novelty@10"] += sum(-math.log2(pop[i] / n_users) for i in rec) / len(rec)
            sums["popularity@10"] += sum(pop[i] for i in rec) / len(rec)
        for i in rec:
            counts[i] += 1
    n = len(test)
    out = {k: sums[k] / n for k in ("ndcg@10", "precision@10", "recall@10", "f1@10",
                                    "map@10", "hr@10", "mrr@10")}
    c = sorted(counts.values())
    total = sum(c)
    out["coverage@10"] = sum(1 for x in c if x > 0) / len(c)
    out["gini@10"] = (sum((2 * (k + 1) - len(c) - 1) * x for k, x in enumerate(c))
                      / (len(c) * total)) if total else 0.0
    out["novelty@10"] = sums["novelty@10"] / novelty_users if novelty_users else 0.0
    out["popularity@10"] = sums["popularity@10"] / novelty_users if novelty_users else 0.0
    short = sum(1 for u in test if len(recs[u]) < K)
    if short:
        out["short_lists"] = short
    return out


def evaluate(name, cls, params, train, test, catalogue, threads):
    matrix, users, items, uidx = build_csr(train)
    pop = dict(zip(items, np.diff(matrix.tocsc().indptr).tolist()))
    model = make_model(cls, params, threads)
    seconds = fit(model, matrix)
    recs = recommend(model, matrix, users, uidx, items, test)
    out = {"parameters": params, **metrics(recs, test, pop, len(users), catalogue),
           "fit_seconds": seconds}
    log(f"{name}: ndcg@10 {out['ndcg@10']:.4f} fit {seconds:.2f}s")
    return out


def tune(train, positives_train, threads):
    """Grid-search ALS on a p1 validation split of the training positives."""
    tr, val = p1_split(positives_train)
    matrix, users, items, uidx = build_csr(tr)
    grid = []
    best = None
    for f, reg, a in itertools.product(*TUNE_GRID.values()):
        params = {"factors": f, "regularization": reg, "alpha": a, **TUNE_FIXED}
        model = make_model(implicit.cpu.als.AlternatingLeastSquares, params, threads)
        fit(model, matrix)
        score = ndcg_only(recommend(model, matrix, users, uidx, items, val), val)
        grid.append({"factors": f, "regularization": reg, "alpha": a,
                     "validation_ndcg@10": score})
        log(f"tune factors={f} reg={reg} alpha={a}: validation ndcg@10 {score:.4f}")
        if best is None or score > best[1]:
            best = (params, score)
    info = {"validation_split": {"train_positives": len(tr), "validation_users": len(val),
                                 "validation_items": sum(len(v) for v in val.values())},
            "grid": grid, "best_validation_ndcg@10": best[1]}
    return best[0], info


def run(path, dataset, algorithms, do_tune, threads):
    ratings = load_ratings(path, dataset)
    catalogue = sorted({i for _, i, _, _ in ratings})
    positives = defaultdict(list)
    for u, i, r, t in ratings:
        if r >= 4.0:
            positives[u].append((t, i))
    train, test = p1_split(positives)
    matrix, users, items, _ = build_csr(train)
    split = {"train_positives": len(train), "test_users": len(test),
             "test_items": sum(len(v) for v in test.values()),
             "users": len(users), "items": len(items), "catalogue_items": len(catalogue)}
    log(f"{dataset}: {split}")

    results = {}
    for name in algorithms:
        cls, params = ALGORITHMS[name]
        results[name] = evaluate(name, cls, params, train, test, catalogue, threads)
    if do_tune:
        train_set = set(train)
        positives_train = defaultdict(list)
        for u, events in positives.items():
            for t, i in events:
                if (u, i) in train_set:
                    positives_train[u].append((t, i))
        params, info = tune(train, positives_train, threads)
        out = evaluate("als-tuned", implicit.cpu.als.AlternatingLeastSquares, params,
                       train, test, catalogue, threads)
        out["tuning"] = info
        results["als-tuned"] = out
    return split, results


def blas_info():
    """BLAS libraries loaded (ALS results depend on the OpenBLAS kernel in the last bits)."""
    return [{"library": Path(i["filepath"]).name, "version": i.get("version"),
             "architecture": i.get("architecture")}
            for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


def parse_list(text, allowed, what):
    items = [t.strip() for t in text.split(",") if t.strip()]
    if items == ["all"]:
        return list(allowed)
    bad = [t for t in items if t not in allowed]
    if bad or not items:
        sys.exit(f"error: unknown {what} {bad or text!r}; choose from {', '.join(allowed)}")
    return items


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", help="dataset folder or its parent (default: $MARQUEE_DATA, "
                   "else ../shared/data relative to the repo root)")
    p.add_argument("--dataset", choices=list(DATASETS), default="ml-100k")
    p.add_argument("--algorithms", default="all",
                   help="comma list from: " + ", ".join(ALGORITHMS) + " (default all)")
    p.add_argument("--tune", action="store_true",
                   help="also grid-search ALS on a validation split and report 'als-tuned'")
    p.add_argument("--num-threads", type=int, default=1,
                   help="implicit num_threads (default 1; BPR varies with > 1)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--output", help="write the JSON to FILE instead of stdout")
    args = p.parse_args()

    path = find_data(args.data, args.dataset)
    algorithms = parse_list(args.algorithms, list(ALGORITHMS), "algorithm")
    with threadpoolctl.threadpool_limits(1, "blas"):
        split, results = run(path, args.dataset, algorithms, args.tune, args.num_threads)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    report = {"script": SCRIPT,
              "library": f"implicit {implicit.__version__}",
              "python": platform.python_version(),
              "dataset": args.dataset,
              "protocol": "p1-temporal",
              "num_threads": args.num_threads,
              "blas": blas_info(),
              "split": split,
              "peak_rss_mib": round(peak_kib / 1024, 1),
              "algorithms": results}

    if args.output:
        Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    elif args.json:
        print(json.dumps(report, indent=2))
        return
    cols = ("ndcg@10", "precision@10", "recall@10", "map@10", "hr@10", "coverage@10")
    print(f"{'algorithm':<11}" + "".join(f"{c:>13}" for c in cols) + f"{'fit s':>8}")
    for name, r in results.items():
        print(f"{name:<11}" + "".join(f"{r[c]:>13.4f}" for c in cols)
              + f"{r['fit_seconds']:>8.2f}")
    print(f"split {split}; peak RSS {report['peak_rss_mib']} MiB; data {path}")


if __name__ == "__main__":
    main()
