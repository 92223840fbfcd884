#!/usr/bin/env python3
"""Reference accuracy and timing values from Surprise on MovieLens 100K.

Marquee's Swift algorithms are checked against the numbers this script
produces with scikit-surprise on the five official ml-100k folds
(u1.base/u1.test ... u5.base/u5.test). For each selected algorithm and fold it
records RMSE and MAE (surprise.accuracy, predictions clipped to the 1-5 rating
scale as Surprise does by default) plus wall-clock fit and predict seconds,
then the means over the folds and the process's peak RSS.

The committed fixture Tests/Fixtures/reference/surprise-ml100k-official5.json
is this script's --json output over all algorithms and folds; see
scripts/reference/README.md for the exact command.

Data is never copied into the repository. It is found via --data DIR, else the
MARQUEE_DATA environment variable, else ../shared/data relative to the repo
root. DIR may be the ml-100k folder itself or a folder containing ml-100k/.
"""

import argparse
import contextlib
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

import surprise
from surprise import (SVD, BaselineOnly, Dataset, KNNBaseline, Prediction,
                      Reader, SVDpp, accuracy)
from surprise.model_selection import PredefinedKFold

SCRIPT = "scripts/reference/surprise_folds.py"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data"
ALL_FOLDS = (1, 2, 3, 4, 5)

# Baseline options shared by baseline-als and knn-baseline (Surprise defaults,
# spelled out so the fixture records them).
ALS = {"method": "als", "n_epochs": 10, "reg_u": 15, "reg_i": 10}


class GlobalMean:
    """Hand-made baseline (not a Surprise class): predict trainset.global_mean."""

    def fit(self, trainset):
        self.mean = trainset.global_mean
        return self

    def test(self, testset):
        return [Prediction(u, i, r, self.mean, {}) for (u, i, r) in testset]


# name -> (constructor, parameters recorded in the fixture)
ALGORITHMS = {
    "baseline-als": (BaselineOnly, {"bsl_options": ALS}),
    "baseline-sgd": (BaselineOnly, {"bsl_options": {
        "method": "sgd", "learning_rate": 0.005, "n_epochs": 20, "reg": 0.02}}),
    "svd": (SVD, {"n_factors": 100, "n_epochs": 20, "biased": True,
                  "init_mean": 0, "init_std_dev": 0.1, "lr_all": 0.005,
                  "reg_all": 0.02, "random_state": 0}),
    "svdpp": (SVDpp, {"n_factors": 20, "n_epochs": 20, "init_mean": 0,
                      "init_std_dev": 0.1, "lr_all": 0.007, "reg_all": 0.02,
                      "random_state": 0, "cache_ratings": False}),
    "knn-baseline": (KNNBaseline, {
        "k": 40, "min_k": 1,
        "sim_options": {"name": "pearson_baseline", "user_based": False,
                        "shrinkage": 100},
        "bsl_options": ALS, "verbose": False}),
    "global-mean": (GlobalMean, {
        "hand_made": True, "estimate": "trainset.global_mean",
        "note": "not a Surprise algorithm; scored with surprise.accuracy"}),
}


def find_data(arg):
    """Return the ml-100k folder, or exit with a message saying where we looked."""
    base = Path(arg or os.environ.get("MARQUEE_DATA") or DEFAULT_DATA)
    for d in (base, base / "ml-100k"):
        if all((d / f"u{k}.{s}").is_file() for k in ALL_FOLDS for s in ("base", "test")):
            return d.resolve()
    sys.exit(f"error: MovieLens 100K folds (u1.base ... u5.test) not found in {base} "
             f"or {base / 'ml-100k'}; pass --data DIR or set MARQUEE_DATA")


def parse_list(text, allowed, what):
    items = [t.strip() for t in text.split(",") if t.strip()]
    bad = [t for t in items if t not in allowed]
    if bad or not items:
        sys.exit(f"error: unknown {what} {bad or text!r}; choose from {', '.join(map(str, allowed))}")
    return items


def mean(xs):
    return sum(xs) / len(xs)


def run(data_dir, algorithms, folds):
    reader = Reader(line_format="user item rating timestamp", sep="\t", rating_scale=(1, 5))
    files = [(str(data_dir / f"u{k}.base"), str(data_dir / f"u{k}.test")) for k in folds]
    dataset = Dataset.load_from_folds(files, reader=reader)  # raw ids are strings
    splits = list(zip(folds, PredefinedKFold().split(dataset)))

    results = {}
    for name in algorithms:
        make, params = ALGORITHMS[name]
        kwargs = {} if make is GlobalMean else params
        rows = []
        for fold, (trainset, testset) in splits:
            algo = make(**kwargs)
            t0 = time.perf_counter()
            algo.fit(trainset)
            t1 = time.perf_counter()
            predictions = algo.test(testset)
            t2 = time.perf_counter()
            rows.append({"fold": fold,
                         "rmse": accuracy.rmse(predictions, verbose=False),
                         "mae": accuracy.mae(predictions, verbose=False),
                         "fit_seconds": t1 - t0, "predict_seconds": t2 - t1})
            print(f"{name} fold {fold}: rmse {rows[-1]['rmse']:.4f} "
                  f"fit {t1 - t0:.2f}s", file=sys.stderr, flush=True)
        results[name] = {"parameters": params,
                         **{k: mean([r[k] for r in rows])
                            for k in ("rmse", "mae", "fit_seconds", "predict_seconds")},
                         "folds": rows}
    return results


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", help="ml-100k folder or its parent (default: $MARQUEE_DATA, "
                   "else ../shared/data relative to the repo root)")
    p.add_argument("--algorithms", default=",".join(ALGORITHMS),
                   help="comma list from: " + ", ".join(ALGORITHMS) + " (default all)")
    p.add_argument("--folds", default="1,2,3,4,5", help="comma list of folds 1-5 (default all)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--output", help="write the JSON to FILE instead of stdout")
    args = p.parse_args()

    data_dir = find_data(args.data)
    algorithms = parse_list(args.algorithms, list(ALGORITHMS), "algorithm")
    folds = [int(f) for f in parse_list(args.folds, [str(k) for k in ALL_FOLDS], "fold")]

    # Surprise prints progress ("Estimating biases using als...") to stdout;
    # send it to stderr so --json output stays a single JSON object.
    with contextlib.redirect_stdout(sys.stderr):
        results = run(data_dir, algorithms, folds)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    report = {"script": SCRIPT,
              "library": f"scikit-surprise {surprise.__version__}",
              "python": platform.python_version(),
              "dataset": "ml-100k official " + ("u1-u5" if folds == list(ALL_FOLDS)
                                                else ",".join(f"u{k}" for k in folds)),
              "peak_rss_mib": round(peak_kib / 1024, 1),
              "algorithms": results}

    if args.output:
        Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    elif args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{'algorithm':<14}{'RMSE':>8}{'MAE':>8}{'fit s':>9}{'predict s':>11}")
    for name, r in results.items():
        print(f"{name:<14}{r['rmse']:>8.4f}{r['mae']:>8.4f}"
              f"{r['fit_seconds']:>9.2f}{r['predict_seconds']:>11.2f}")
    print(f"peak RSS {report['peak_rss_mib']} MiB; data {data_dir}")

if __name__ == "__main__":
    main()
