"""sentence-transformers' encoding speed on the texts `marquee bench --task encoder` gives it: the peer side of
Marquee's MiniLM encoder benchmark.

Reads a JSON array of strings (--texts), loads all-MiniLM-L6-v2 from --model (the folder `scripts/setup` links
into models/all-MiniLM-L6-v2), and encodes every text `--repeat` times with torch limited to --threads threads,
batch size 32 (sentence-transformers' default; it sorts texts by length as Marquee does). Prints one JSON object:

    {"library": "sentence-transformers 6.2.0 (torch 2.15.0)", "texts": 1000, "threads": 1,
     "seconds": [..per repeat..], "peak_rss_mib": 350.2}

Peak RSS is this process's own (resource.getrusage ru_maxrss), model loading included. Needs
sentence-transformers and torch (not installed by scripts/setup: pip install sentence-transformers).
"""
import argparse
import json
import resource
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", required=True, help="JSON file: an array of strings")
    parser.add_argument("--model", required=True, help="folder of all-MiniLM-L6-v2")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import torch
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    import sentence_transformers
    from sentence_transformers import SentenceTransformer

    with open(args.texts, encoding="utf-8") as f:
        texts = json.load(f)
    model = SentenceTransformer(args.model, device="cpu")
    model.encode(texts[:32], batch_size=32)  # warm-up: first-call allocations, as Marquee's load does
    seconds = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        model.encode(texts, batch_size=32)
        seconds.append(time.perf_counter() - start)
    json.dump({"library": f"sentence-transformers {sentence_transformers.__version__} (torch {torch.__version__})",
               "texts": len(texts), "threads": args.threads, "seconds": seconds,
               "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
