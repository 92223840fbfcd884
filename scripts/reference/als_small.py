#!/usr/bin/env python3
"""Reference values for Marquee's implicit ALS on a tiny fixed problem.

On a 4-user x 5-item matrix with hand-set factors, computes one half-step of
user solves (item factors fixed) three ways:

* "exact": numpy, float64, dense textbook formula
  x_u = (Y^T C_u Y + lambda I)^-1 Y^T C_u p_u with c = alpha * |r| for observed
  entries (implicit 0.7's convention), p = 1 if r > 0 else 0, c = 1, p = 0 elsewhere;
* implicit's own exact solver, implicit.cpu._als.least_squares (float32);
* implicit's conjugate gradient, implicit.cpu._als.least_squares_cg with 2
  steps (fewer than the 3 factors, so not yet converged), warm-started from
  the given initial user factors (float32).

Writes JSON to --output (default: stdout). Used by
Tests/RecAlgorithmsTests/ImplicitALSTests.swift via
Tests/Fixtures/reference/als-small.json:

    python3 scripts/reference/als_small.py --output Tests/Fixtures/reference/als-small.json
"""

import argparse
import json
import platform

import numpy as np
import scipy.sparse as sp

SCRIPT = "scripts/reference/als_small.py"

# Values r (0 = unobserved). User 3 has a negative value: a dislike (p = 0, c = alpha * 2).
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
USER_FACTORS = [
    [0.01, 0.02, 0.03],
    [-0.02, 0.01, 0.00],
    [0.03, -0.01, 0.02],
    [0.00, 0.00, 0.01],
]
REGULARIZATION = 0.1
ALPHA = 2.0
CG_STEPS = 2


def exact(values, y, regularization, alpha):
    r = np.asarray(values, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    k = y.shape[1]
    out = []
    for row in r:
        c = np.where(row != 0, alpha * np.abs(row), 1.0)
        p = (row > 0).astype(np.float64)
        a = y.T @ np.diag(c) @ y + regularization * np.eye(k)
        b = y.T @ (c * p)
        out.append(np.linalg.solve(a, b).tolist())
    return out


def with_implicit(values, x0, y, regularization, alpha):
    import implicit
    from implicit.cpu import _als

    cui = sp.csr_matrix(np.asarray(values, dtype=np.float32) * np.float32(alpha))
    item_factors = np.asarray(y, dtype=np.float32)
    cholesky = np.asarray(x0, dtype=np.float32).copy()
    _als.least_squares(cui, cholesky, item_factors, regularization, num_threads=1)
    cg = np.asarray(x0, dtype=np.float32).copy()
    _als.least_squares_cg(cui, cg, item_factors, regularization, num_threads=1, cg_steps=CG_STEPS)
    return implicit.__version__, cholesky.astype(float).tolist(), cg.astype(float).tolist()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", help="write JSON here instead of stdout")
    args = parser.parse_args()
    version, cholesky, cg = with_implicit(VALUES, USER_FACTORS, ITEM_FACTORS, REGULARIZATION, ALPHA)
    result = {
        "script": SCRIPT,
        "library": {"implicit": version, "numpy": np.__version__},
        "python": platform.python_version(),
        "inputs": {
            "values": VALUES,
            "item_factors": ITEM_FACTORS,
            "user_factors": USER_FACTORS,
            "regularization": REGULARIZATION,
            "confidence": "scaled",
            "alpha": ALPHA,
            "cg_steps": CG_STEPS,
        },
        "expected": {
            "exact_user_factors": exact(VALUES, ITEM_FACTORS, REGULARIZATION, ALPHA),
            "implicit_cholesky_user_factors": cholesky,
            "implicit_cg_user_factors": cg,
        },
    }
    text = json.dumps(result, indent=2)
    if args.output:
        with open(args.output, "w") as handle:
            handle.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
