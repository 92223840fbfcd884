#!/usr/bin/env python3
"""Reference NDCG@10 of EASE scored from recency-weighted histories, in numpy, on p1-temporal ML-100K.

Marquee's `RecencyWeighting` weighs each user's training positives before a model folds them in: of a user's n
positives in temporal order (timestamp, then item id as a string), the newest counts 1 and one followed by k later
positives 2^(-k / (share * n)). EASE (Steck 2019) is fitted on the unweighted 0/1 matrix X of training positives:
P = (X^T X + lambda I)^-1, B = -P / diag(P) with a zero diagonal; a user's scores are w_u B for the weighted row w_u,
their training items excluded. This script does exactly that with numpy in float64, so the Swift side (Float32,
blocked Cholesky) is checked against an independent implementation, on the test split and on the validation split
carved from the training positives by the same rule (the one `marquee tune` chooses on).

The split is p1-temporal as scripts/reference/implicit_topn.py documents it (positives are ratings >= 4; users with
>= 5 positives hold out the last ceil(n/5) in temporal order); metrics: NDCG@10 with binary gain, ideal DCG over
min(|test|, 10), averaged over users with a held-out item.

    python3 scripts/reference/ease_recency.py > Tests/Fixtures/reference/ease-recency-ml100k.json

Data: --data DIR, else $MARQUEE_DATA, else ../shared/data (the folder holding ml-100k/).
"""
import argparse
import json
import math
import os
import platform
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import numpy as np

CASES = [(500.0, None), (200.0, 0.3), (500.0, 0.2), (100.0, 0.1)]


def positives(path):
    by_user = defaultdict(list)
    with open(path) as f:
        for line in f:
            user, item, rating, timestamp = line.split("\t")
            if float(rating) >= 4:
                by_user[user].append((int(timestamp), item))
    for items in by_user.values():
        items.sort()
    return by_user


def hold_out(by_user):
    train, test = {}, {}
    for user, items in by_user.items():
        if len(items) >= 5:
            held = (len(items) + 4) // 5
            train[user], test[user] = items[:-held], {item for _, item in items[-held:]}
        else:
            train[user] = items
    return train, test


def ndcg_at_10(train, test, regularization, share):
    items = sorted({item for history in train.values() for _, item in history}, key=int)
    users = sorted(train, key=int)
    column = {item: j for j, item in enumerate(items)}
    row = {user: u for u, user in enumerate(users)}
    x = np.zeros((len(users), len(items)))
    weighted = np.zeros_like(x)
    for user, history in train.items():
        n = len(history)
        for position, (_, item) in enumerate(history):
            x[row[user], column[item]] = 1
            weighted[row[user], column[item]] = 1.0 if share is None else 2.0 ** (-(n - 1 - position) / (share * n))
    gram = x.T @ x + regularization * np.eye(len(items))
    p = np.linalg.inv(gram)
    b = -p / np.diag(p)
    np.fill_diagonal(b, 0)
    scores = weighted @ b
    scores[x > 0] = -np.inf
    total = 0.0
    for user, relevant in test.items():
        s = scores[row[user]]
        top = np.argsort(-s, kind="stable")[:10]
        dcg = sum(1 / math.log2(rank + 2) for rank, j in enumerate(top) if items[j] in relevant)
        ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(relevant), 10)))
        total += dcg / ideal
    return total / len(test)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = Path(__file__).resolve().parents[2]
    parser.add_argument("--data", default=os.environ.get("MARQUEE_DATA", str(root.parent / "shared" / "data")))
    arguments = parser.parse_args()
    train, test = hold_out(positives(Path(arguments.data) / "ml-100k" / "u.data"))
    validation_train, validation = hold_out(train)
    cases = []
    for regularization, share in CASES:
        cases.append({"regularization": regularization, "half_life_share": share,
                      "test_ndcg@10": round(ndcg_at_10(train, test, regularization, share), 6),
                      "validation_ndcg@10": round(ndcg_at_10(validation_train, validation, regularization, share), 6)})
    print(json.dumps({"script": "scripts/reference/ease_recency.py", "numpy": version("numpy"),
                      "python": platform.python_version(), "dataset": "ml-100k", "protocol": "p1-temporal",
                      "test_users": len(test), "validation_users": len(validation), "cases": cases}, indent=2))


if __name__ == "__main__":
    main()
