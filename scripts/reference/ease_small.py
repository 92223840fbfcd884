"""EASE reference weights from numpy on a tiny matrix (Steck 2019, closed form).

Writes Tests/Fixtures/reference/ease-small.json: the input triplets, lambda, numpy's version, the
weights B = I - P diag(1/diag(P)) with P = inv(X^T X + lambda I) and diag(B) = 0 (computed with
numpy.linalg.inv in float64, independent of Marquee's Cholesky code), and every user's scores X B.

    python3 scripts/reference/ease_small.py --output Tests/Fixtures/reference/ease-small.json
"""
import argparse
import json

import numpy as np

# 4 users x 3 items with non-binary strengths; lambda small enough that B is far from zero.
TRIPLETS = [
    (0, 0, 1.0), (0, 1, 1.0),
    (1, 1, 2.0), (1, 2, 1.0),
    (2, 0, 1.0), (2, 2, 3.0),
    (3, 0, 1.0), (3, 1, 1.0), (3, 2, 1.0),
]
USERS, ITEMS, LAMBDA = 4, 3, 0.5


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    x = np.zeros((USERS, ITEMS))
    for user, item, value in TRIPLETS:
        x[user, item] = value
    p = np.linalg.inv(x.T @ x + LAMBDA * np.eye(ITEMS))
    b = -p / np.diag(p)
    np.fill_diagonal(b, 0.0)
    result = {
        "script": "scripts/reference/ease_small.py",
        "library": f"numpy {np.__version__}",
        "users": USERS,
        "items": ITEMS,
        "regularization": LAMBDA,
        "triplets": [[u, i, v] for u, i, v in TRIPLETS],
        "weights": b.tolist(),
        "scores": (x @ b).tolist(),
    }
    with open(args.output, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
