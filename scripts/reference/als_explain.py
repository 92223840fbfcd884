#!/usr/bin/env python3
"""Reference values for Marquee's ALS score decomposition (``ImplicitALS.explain``).

Uses the 4-user x 5-item problem of als_small.py (hand-set item factors, a dislike
for user 3) and asks implicit 0.7's ``AlternatingLeastSquares.explain`` why each
user would get each item they have not interacted with. implicit computes, with
W_u = Y^T C_u Y + lambda I (c = alpha * |r| on observed entries), the
contribution of each liked item j to the score of item i as
c_uj * (W_u^-1 y_i) . y_j; the contributions sum to y_i . x_u, where
x_u = W_u^-1 Y^T C_u p_u is the user's exact least-squares vector.

Also writes that fold-in score, computed separately in float64 with numpy, so the
test checks both the decomposition and that it sums to the score the model serves.

    python3 scripts/reference/als_explain.py --output Tests/Fixtures/reference/als-explain.json
"""

import argparse
import json
import platform

import numpy as np
import scipy.sparse as sp

SCRIPT = "scripts/reference/als_explain.py"

VALUES = [
    [1.0, 0.0, 3.0, 0.0, 0.0],
    [0.0, 2.0, 0.0, 1.0, 1.0],
    [4.0, 1.0, 0.0, 0.0, 0.5],
    [0.0, 0.0, 1.0, -2.0, 0.0],
]
ITEM_FACTORS = [
    [0.10, -0.20, 0.30],
    [0.40, 0.15, -0.05],
    [-0.30, 0.25, 0.20],
    [0.05, 0.35, -0.40],
    [0.20, -0.10, 0.10],
]
REGULARIZATION = 0.1
ALPHA = 2.0


def fold_in_score(row, y, item, regularization, alpha):
    y = np.asarray(y, dtype=np.float64)
    row = np.asarray(row, dtype=np.float64)
    c = np.where(row != 0, alpha * np.abs(row), 1.0)
    p = (row > 0).astype(np.float64)
    a = y.T @ np.diag(c) @ y + regularization * np.eye(y.shape[1])
    x = np.linalg.solve(a, y.T @ (c * p))
    return float(y[item] @ x)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output")
    args = parser.parse_args()

    import implicit
    from implicit.cpu.als import AlternatingLeastSquares

    model = AlternatingLeastSquares(factors=3, regularization=REGULARIZATION, alpha=ALPHA,
                                    random_state=0)
    model.item_factors = np.asarray(ITEM_FACTORS, dtype=np.float32)
    model.user_factors = np.zeros((len(VALUES), 3), dtype=np.float32)
    user_items = sp.csr_matrix(np.asarray(VALUES, dtype=np.float32))
    cases = []
    for user, row in enumerate(VALUES):
        for item in range(len(ITEM_FACTORS)):
            if row[item] != 0:
                continue
            total, contributions, _ = model.explain(user, user_items, item, N=10)
            cases.append({
                "user": user,
                "item": item,
                "implicit_total": float(total),
                "implicit_contributions": [[int(j), float(s)] for j, s in contributions],
                "fold_in_score": fold_in_score(row, ITEM_FACTORS, item, REGULARIZATION, ALPHA),
            })
    fixture = {
        "script": SCRIPT,
        "library": f"implicit {implicit.__version__}",
        "python": platform.python_version(),
        "inputs": {"values": VALUES, "item_factors": ITEM_FACTORS, "regularization": REGULARIZATION, "alpha": ALPHA},
        "cases": cases,
    }
    text = json.dumps(fixture, indent=1)
    if args.output:
        with open(args.output, "w") as handle:
            handle.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
