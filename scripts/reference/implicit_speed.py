#!/usr/bin/env python3
"""Training speed and memory of implicit ALS and BPR on one interaction file.

Marquee's speed goals are measured against implicit (0.7.3) on identical data:
Marquee's synthetic generator writes a CSV with the header `user,item,value`
and one `user,item,value` line per interaction, and this script reads that
file (--input FILE), maps user and item ids to dense indices (ascending id
order), builds the user x item CSR (float32 values) and times

  * ALS: implicit.cpu.als.AlternatingLeastSquares(factors=64,
    regularization=0.01, alpha=1.0, iterations=N, use_cg=True,
    calculate_training_loss=False, random_state=0), reported as seconds per
    iteration = fit seconds / N;
  * BPR: implicit.cpu.bpr.BayesianPersonalizedRanking(factors=64,
    learning_rate=0.01, regularization=0.01, iterations=N, random_state=0),
    reported as seconds per epoch = fit seconds / N;

each with num_threads=1 and num_threads=2 (N = --iterations, default 5). Only
model.fit is timed (time.perf_counter); reading the file and building the CSR
are not. Each setting is fitted --repeat times (default 3, fresh model each
time); the JSON gives the median per-iteration/epoch time, the minimum and
every fit's seconds. Wall-clock numbers only mean something on an otherwise
idle machine. The BLAS thread pool is limited to 1 (threadpoolctl), as implicit
recommends; its parallelism comes from num_threads.

ALS and BPR run in separate child processes (this script re-invoked with
--only als / --only bpr) so that each model's peak RSS
(resource.getrusage(RUSAGE_SELF).ru_maxrss) is its own: peak_rss_mib is the
child's peak over loading the data plus both thread settings, and
data_rss_mib the peak just before the first fit (the data and CSR alone).
A child (--only MODEL) prints that model's JSON with "library", "blas" and
"data" added; `marquee bench --task topn` runs the children itself and its
own workers print the same keys.

For trying the script without Marquee's file, --generate USERS,ITEMS,
INTERACTIONS,SEED makes a seeded synthetic set with numpy: item popularity is
Zipf-like (weight of the item with popularity rank r = (r + 1) ** -0.8),
user activity milder (weight (r + 1) ** -0.5), both rank orders shuffled so
ids carry no popularity information; (user, item) pairs are drawn from the
product distribution until INTERACTIONS distinct pairs exist, each with
value 1. --write FILE saves it in the `user,item,value` format. Benchmarks
that compare with Marquee must use Marquee's own file, not this generator, so
both sides see identical data.

Environment: this machine's shell may set OPENBLAS_CORETYPE=Haswell and
OPENBLAS_L2_SIZE=512, which force a slower OpenBLAS kernel than the CPU
supports and slow numpy/scipy down. For benchmarking, unset both for that
command, e.g.
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 scripts/reference/implicit_speed.py ...
The output's "blas" entry (from threadpoolctl) records which OpenBLAS
kernel ("architecture") actually ran.
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import threadpoolctl

import implicit
import implicit.cpu.als
import implicit.cpu.bpr

SCRIPT = "scripts/reference/implicit_speed.py"
THREADS = (1, 2)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def peak_rss_mib():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def generate(users, items, interactions, seed):
    """Seeded Zipf-like synthetic interactions -> (user ids, item ids, values)."""
    if interactions > users * items:
        sys.exit(f"error: {interactions} interactions do not fit in {users} x {items}")
    rng = np.random.default_rng(seed)
    item_w = (np.arange(items) + 1.0) ** -0.8
    user_w = (np.arange(users) + 1.0) ** -0.5
    item_w = item_w[rng.permutation(items)]
    user_w = user_w[rng.permutation(users)]
    item_p, user_p = item_w / item_w.sum(), user_w / user_w.sum()
    keys = np.empty(0, dtype=np.int64)
    while keys.size < interactions:
        draw = int((interactions - keys.size) * 1.3) + 1000
        u = rng.choice(users, size=draw, p=user_p).astype(np.int64)
        i = rng.choice(items, size=draw, p=item_p).astype(np.int64)
        keys = np.union1d(keys, u * items + i)
    keys = rng.permutation(keys)[:interactions]
    keys.sort()
    return keys // items, keys % items, np.ones(interactions, dtype=np.float32)


def read_csv(path):
    """Read `user,item,value` lines (with that header) -> (user ids, item ids, values)."""
    with open(path) as f:
        header = f.readline().strip().split(",")
    if header != ["user", "item", "value"]:
        sys.exit(f"error: {path}: expected header 'user,item,value', got {','.join(header)!r}")
    v = np.loadtxt(path, delimiter=",", skiprows=1, usecols=2, dtype=np.float32, ndmin=1)
    if v.size == 0:
        sys.exit(f"error: {path} has no interactions")
    try:  # integer ids (Marquee's generator) parse fast; anything else as strings
        ids = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(0, 1), dtype=np.int64, ndmin=2)
    except ValueError:
        ids = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(0, 1), dtype=str, ndmin=2)
    return ids[:, 0], ids[:, 1], v


def write_csv(path, u, i, v):
    with open(path, "w") as f:
        f.write("user,item,value\n")
        for a, b, c in zip(u.tolist(), i.tolist(), v.tolist()):
            f.write(f"{a},{b},{c:g}\n")


def build_csr(u, i, v):
    users, urow = np.unique(u, return_inverse=True)
    items, icol = np.unique(i, return_inverse=True)
    m = sp.csr_matrix((v.astype(np.float32), (urow, icol)),
                      shape=(len(users), len(items)), dtype=np.float32)
    m.sum_duplicates()
    m.sort_indices()
    return m


def load(args):
    if args.input:
        return read_csv(args.input)
    return generate(*args.generate)


def parameters(model, iterations):
    if model == "als":
        return {"factors": 64, "regularization": 0.01, "alpha": 1.0,
                "iterations": iterations, "use_cg": True,
                "calculate_training_loss": False, "random_state": 0}
    return {"factors": 64, "learning_rate": 0.01, "regularization": 0.01,
            "iterations": iterations, "random_state": 0}


def time_model(model, matrix, iterations, repeat):
    """Child-process work: fit one model at each thread count and time it."""
    cls = (implicit.cpu.als.AlternatingLeastSquares if model == "als"
           else implicit.cpu.bpr.BayesianPersonalizedRanking)
    params = parameters(model, iterations)
    unit = "seconds_per_iteration" if model == "als" else "seconds_per_epoch"
    out = {"parameters": params, "data_rss_mib": peak_rss_mib()}
    for threads in THREADS:
        runs = []
        for _ in range(repeat):
            m = cls(**params, num_threads=threads)
            t0 = time.perf_counter()
            m.fit(matrix, show_progress=False)
            runs.append(time.perf_counter() - t0)
        per = sorted(r / iterations for r in runs)
        out[f"threads_{threads}"] = {unit: float(np.median(per)), f"min_{unit}": per[0],
                                     "fit_seconds": runs}
        log(f"{model} threads={threads}: median {np.median(per):.3f} s, min {per[0]:.3f} s per "
            f"{'iteration' if model == 'als' else 'epoch'} over {repeat} fits")
    out["peak_rss_mib"] = peak_rss_mib()
    return out


def blas_info():
    return [{"library": Path(i["filepath"]).name, "version": i.get("version"),
             "architecture": i.get("architecture")}
            for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


def parse_generate(text):
    try:
        parts = [int(x) for x in text.split(",")]
    except ValueError:
        parts = []
    if len(parts) != 4 or min(parts[:3]) <= 0:
        raise argparse.ArgumentTypeError("expected USERS,ITEMS,INTERACTIONS,SEED (integers)")
    return parts


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--input", help="CSV with header user,item,value (Marquee's generator)")
    src.add_argument("--generate", type=parse_generate, metavar="USERS,ITEMS,INTERACTIONS,SEED",
                     help="make a seeded Zipf-like synthetic set instead")
    p.add_argument("--write", metavar="FILE", help="with --generate: save the set as CSV and exit")
    p.add_argument("--iterations", type=int, default=5, help="ALS iterations / BPR epochs (default 5)")
    p.add_argument("--repeat", type=int, default=3,
                   help="fits per model and thread count; the median is reported (default 3)")
    p.add_argument("--only", choices=("als", "bpr"), help="time one model in this process "
                   "(used for the per-model child processes)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--output", help="write the JSON to FILE instead of stdout")
    args = p.parse_args()

    if args.write:
        if not args.generate:
            sys.exit("error: --write needs --generate")
        write_csv(args.write, *generate(*args.generate))
        log(f"wrote {args.write}")
        return

    if args.input and not Path(args.input).is_file():
        sys.exit(f"error: interaction file {args.input} not found")

    if args.only:  # child: time one model, print its JSON on stdout
        u, i, v = load(args)
        matrix = build_csr(u, i, v)
        del u, i, v
        with threadpoolctl.threadpool_limits(1, "blas"):
            out = time_model(args.only, matrix, args.iterations, args.repeat)
        out["library"] = f"implicit {implicit.__version__}"
        out["blas"] = blas_info()
        out["data"] = {"users": matrix.shape[0], "items": matrix.shape[1],
                       "interactions": int(matrix.nnz)}
        print(json.dumps(out))
        return

    child = [sys.executable, os.path.abspath(__file__), "--iterations", str(args.iterations),
             "--repeat", str(args.repeat)]
    child += (["--input", args.input] if args.input
              else ["--generate", ",".join(map(str, args.generate))])
    results = {}
    for model in ("als", "bpr"):
        proc = subprocess.run(child + ["--only", model], stdout=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            sys.exit(f"error: {model} child process failed (exit {proc.returncode})")
        results[model] = json.loads(proc.stdout)
    data = results["als"].pop("data")
    results["bpr"].pop("data")
    for r in results.values():
        r.pop("library")
    blas = results["als"].pop("blas")
    results["bpr"].pop("blas")
    report = {"script": SCRIPT,
              "library": f"implicit {implicit.__version__}",
              "python": platform.python_version(),
              "data": {**data, "source": args.input or
                       "generated " + ",".join(map(str, args.generate))},
              "iterations": args.iterations,
              "repeat": args.repeat,
              "blas": blas,
              "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
              "cpus": os.cpu_count(),
              **results}

    if args.output:
        Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    elif args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"data {data['users']} users x {data['items']} items, {data['interactions']} "
          f"interactions; BLAS {blas[0]['architecture'] if blas else '?'}")
    for model, unit in (("als", "seconds_per_iteration"), ("bpr", "seconds_per_epoch")):
        r = results[model]
        print(f"{model}: " + ", ".join(f"{t} thread{'s' if t > 1 else ''} {r[f'threads_{t}'][unit]:.3f} s"
                                      for t in THREADS)
              + f" per {'iteration' if model == 'als' else 'epoch'}; peak RSS {r['peak_rss_mib']} MiB "
              f"(data alone {r['data_rss_mib']} MiB)")


if __name__ == "__main__":
    main()
