#!/usr/bin/env python3
"""Reference values for Marquee's top-N metrics and its seeded random protocol.

Computes, with explicit numpy formulas (no recommender library), the ranking
metrics precision, recall, F1, nDCG, average precision, hit and reciprocal
rank at k on a few fixed lists; coverage, Gini of exposure, intra-list genre
diversity, novelty and average popularity over a small set of lists; and the
held-out sets of the `random` per-user protocol (SplitMix64 + Fisher-Yates, as
documented on TopNProtocol in Sources/RecEvaluation/Splits/TopNProtocol.swift).
The definitions are those documented on the Swift functions:

  precision = hits@k / k; recall = hits@k / |R| (0 if R is empty)
  ndcg = sum(rel_i / log2(i + 1), i = 1..k) / sum(1 / log2(i + 1), i = 1..min(|R|, k))
  ap = sum(P@i * rel_i, i <= k) / min(|R|, k)
  gini = sum((2i - n - 1) c_i) / (n sum c_i) over ascending exposure counts,
         unshown catalogue items counting 0
  novelty = mean(-log2(max(pop, 1) / users)); diversity = mean over pairs of
         1 - Jaccard(genres), pairs with a genre-less item left out

Writes Tests/Fixtures/reference/topn-metrics-small.json, which
Tests/RecEvaluationTests/TopNReferenceTests.swift compares within 1e-9:

    python3 scripts/reference/topn_metrics.py \
        --output Tests/Fixtures/reference/topn-metrics-small.json

Inputs come from numpy.random.default_rng(20261123), so reruns are identical.
"""

import argparse
import json
import platform
from pathlib import Path

import numpy as np

SCRIPT = "scripts/reference/topn_metrics.py"
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def shuffled_positions(count, seed):
    generator = SplitMix64(seed)
    order = list(range(count))
    for i in range(count - 1, 0, -1):
        j = generator.next() % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def ranking(items, relevant, k):
    top = items[:k]
    rel = np.array([item in relevant for item in top], dtype=float)
    hits = rel.sum()
    precision = hits / k
    recall = hits / len(relevant) if relevant else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    if relevant:
        discounts = 1 / np.log2(np.arange(2, len(top) + 2))
        ideal = (1 / np.log2(np.arange(2, min(len(relevant), k) + 2))).sum()
        ndcg = float((rel * discounts).sum() / ideal)
        ap = float((np.cumsum(rel) / np.arange(1, len(top) + 1) * rel).sum() / min(len(relevant), k))
    else:
        ndcg = ap = 0.0
    first = np.flatnonzero(rel)
    return {"list": items, "relevant": sorted(relevant), "k": k,
            "precision": float(precision), "recall": float(recall), "f1": float(f1), "ndcg": ndcg,
            "average_precision": ap, "hit": float(hits > 0),
            "reciprocal_rank": float(1 / (first[0] + 1)) if len(first) else 0.0}


def beyond(rng):
    catalogue = [f"m{i}" for i in range(15)]
    names = ["Action", "Comedy", "Drama", "Horror", "Romance"]
    genres = {item: sorted(rng.choice(names, size=rng.integers(0, 4), replace=False).tolist()) for item in catalogue}
    popularity = {item: int(rng.integers(0, 9)) for item in catalogue}
    users, k = 10, 5
    lists = [rng.choice(catalogue, size=rng.integers(1, 8), replace=False).tolist() for _ in range(6)]
    tops = [items[:k] for items in lists]
    counts = {}
    for top in tops:
        for item in top:
            counts[item] = counts.get(item, 0) + 1
    n = len(catalogue)
    c = np.sort(np.array([counts.get(item, 0) for item in catalogue], dtype=float))
    i = np.arange(1, n + 1)
    gini = float(((2 * i - n - 1) * c).sum() / (n * c.sum()))
    novelty = [float(np.mean([-np.log2(max(popularity[x], 1) / users) for x in top])) for top in tops]
    mean_popularity = [float(np.mean([popularity[x] for x in top])) for top in tops]
    diversity = []
    for top in tops:
        d = [1 - len(set(genres[a]) & set(genres[b])) / len(set(genres[a]) | set(genres[b]))
             for p, a in enumerate(top) for b in top[p + 1:] if genres[a] and genres[b]]
        diversity.append(float(np.mean(d)) if d else None)
    return {"k": k, "catalogue_size": n, "user_count": users, "lists": lists,
            "genres": genres, "popularity": popularity,
            "coverage": len(counts) / n, "gini": gini,
            "novelty": novelty, "diversity": diversity, "average_popularity": mean_popularity}


def random_protocol(rng, seed=42):
    positives = []
    for user in ["u1", "u10", "u2", "u3", "u4"]:
        n = int(rng.integers(4, 16))
        for item in rng.choice(40, size=n, replace=False):
            positives.append([user, f"i{item}", int(rng.integers(0, 5))])
    master = SplitMix64(seed)
    test = {}
    for user in sorted({p[0] for p in positives}):
        history = sorted((ts, item) for u, item, ts in positives if u == user)
        if len(history) < 5:
            continue
        held = (len(history) + 4) // 5
        order = shuffled_positions(len(history), master.next())
        test[user] = sorted(history[p][1] for p in order[len(history) - held:])
    return {"seed": seed, "positives": positives, "test": test}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    rng = np.random.default_rng(20261123)
    catalogue = [f"i{i}" for i in range(40)]
    cases = [ranking(["a", "b", "c", "d", "e"], {"b", "d", "x"}, 5), ranking([], {"a"}, 3),
             ranking(["a", "b"], set(), 10)]
    for k in (1, 3, 5, 10, 10, 20, 20):
        items = rng.choice(catalogue[:20], size=rng.integers(0, 16), replace=False).tolist()
        relevant = set(rng.choice(catalogue[:16], size=rng.integers(1, 9), replace=False).tolist())
        cases.append(ranking(items, relevant, k))
    fixture = {"script": SCRIPT, "python": platform.python_version(), "numpy": np.__version__,
               "ranking": cases, "beyond": beyond(rng), "random_protocol": random_protocol(rng)}
    args.output.write_text(json.dumps(fixture, indent=1) + "\n")


if __name__ == "__main__":
    main()
