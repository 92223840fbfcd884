"""Cosine item-kNN reference values from implicit's CosineRecommender on a tiny matrix.

Writes Tests/Fixtures/reference/itemknn-small.json: the input triplets, the parameters, implicit's
version, the fitted similarity matrix (dense, zeros where an item is not among another's K nearest),
and each user's recommendations (filter_already_liked_items=True) with scores.

    python3 scripts/reference/itemknn_small.py --output Tests/Fixtures/reference/itemknn-small.json
"""
import argparse
import json

import implicit
import numpy as np
from implicit.nearest_neighbours import CosineRecommender
from scipy.sparse import csr_matrix

# 5 users x 6 items, distinct non-binary strengths so no similarity ties at the K boundary.
TRIPLETS = [
    (0, 0, 1.0), (0, 1, 2.0), (0, 3, 1.0),
    (1, 0, 3.0), (1, 2, 1.0), (1, 4, 2.0),
    (2, 1, 1.0), (2, 2, 2.0), (2, 5, 1.0),
    (3, 0, 1.0), (3, 3, 3.0), (3, 4, 1.0), (3, 5, 2.0),
    (4, 1, 4.0), (4, 3, 1.0), (4, 5, 1.0),
]
USERS, ITEMS, K = 5, 6, 3


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    rows, cols, vals = zip(*TRIPLETS)
    user_items = csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(USERS, ITEMS))
    model = CosineRecommender(K=K, num_threads=1)
    model.fit(user_items, show_progress=False)
    recommendations = []
    for user in range(USERS):
        ids, scores = model.recommend(user, user_items[user], N=ITEMS, filter_already_liked_items=True)
        recommendations.append({"user": user, "items": [int(i) for i in ids], "scores": [float(s) for s in scores]})
    result = {
        "script": "scripts/reference/itemknn_small.py",
        "library": f"implicit {implicit.__version__}",
        "model": f"CosineRecommender(K={K})",
        "users": USERS,
        "items": ITEMS,
        "neighbors": K,
        "triplets": [[u, i, v] for u, i, v in TRIPLETS],
        "similarity": model.similarity.toarray().astype(float).tolist(),
        "recommendations": recommendations,
    }
    with open(args.output, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
