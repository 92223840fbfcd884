#!/usr/bin/env python3
"""Reference values for Marquee's neural MF: one epoch of plain SGD in numpy.

Reads the network Swift exported (Tests/Fixtures/reference/neural-mf-sgd-input.json:
layer layout as offsets into one flat parameter vector, the initial parameters, the
item features, the twenty toy ratings in training order and the learning rate), and
trains the same architecture for one epoch, one rating per step, in float64:

    z = [p_u ; q_i ; f_i] -> (dense -> ReLU) per hidden layer -> m
    r_hat = mu + b_u + b_i + w . [p_u * q_i ; m] + c
    loss = (r_hat - r)^2,  theta <- theta - lr * dloss/dtheta

No dropout (rate 0), no weight decay. Writes the parameters after the epoch and the
predictions of every rating under them to --output (default: stdout). Used by
Tests/RecAlgorithmsTests/NeuralMFReferenceTests.swift:

    python3 scripts/reference/neural_mf_sgd.py \
        --input Tests/Fixtures/reference/neural-mf-sgd-input.json \
        --output Tests/Fixtures/reference/neural-mf-sgd.json
"""

import argparse
import json
import platform

import numpy as np

SCRIPT = "scripts/reference/neural_mf_sgd.py"


def dense(layer, theta):
    w = theta[layer["weights"]:layer["weights"] + layer["inputs"] * layer["outputs"]]
    b = theta[layer["biases"]:layer["biases"] + layer["outputs"]]
    return w.reshape(layer["outputs"], layer["inputs"]), b


def row(table, theta, index):
    start = table["offset"] + index * table["dimension"]
    return slice(start, start + table["dimension"])


def forward(net, theta, features, user, item):
    """Prediction and every intermediate the backward pass needs."""
    k = net["userEmbeddings"]["dimension"]
    p = theta[row(net["userEmbeddings"], theta, user)]
    q = theta[row(net["itemEmbeddings"], theta, item)]
    x = np.concatenate([p, q, features[item]])
    inputs, outputs = [], []
    for layer in net["hiddenLayers"]:
        w, b = dense(layer, theta)
        inputs.append(x)
        x = np.maximum(0.0, w @ x + b)
        outputs.append(x)
    last = np.concatenate([p * q, x])
    w, b = dense(net["output"], theta)
    value = (w @ last + b)[0]
    prediction = (net["globalMean"] + theta[net["userBiases"]["offset"] + user]
                  + theta[net["itemBiases"]["offset"] + item] + value)
    return prediction, (p, q, inputs, outputs, last, k)


def gradient(net, theta, cache, user, item, g):
    p, q, inputs, outputs, last, k = cache
    grad = np.zeros_like(theta)
    grad[net["userBiases"]["offset"] + user] += g
    grad[net["itemBiases"]["offset"] + item] += g
    out = net["output"]
    w, _ = dense(out, theta)
    grad[out["weights"]:out["weights"] + out["inputs"]] += g * last
    grad[out["biases"]] += g
    d_last = g * w[0]
    grad[row(net["userEmbeddings"], theta, user)] += d_last[:k] * q
    grad[row(net["itemEmbeddings"], theta, item)] += d_last[:k] * p
    d = d_last[k:]
    for index in reversed(range(len(net["hiddenLayers"]))):
        layer = net["hiddenLayers"][index]
        w, _ = dense(layer, theta)
        d = d * (outputs[index] > 0)
        grad[layer["weights"]:layer["weights"] + layer["inputs"] * layer["outputs"]] += np.outer(d, inputs[index]).ravel()
        grad[layer["biases"]:layer["biases"] + layer["outputs"]] += d
        d = w.T @ d
    grad[row(net["userEmbeddings"], theta, user)] += d[:k]
    grad[row(net["itemEmbeddings"], theta, item)] += d[k:2 * k]
    return grad


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", default="Tests/Fixtures/reference/neural-mf-sgd-input.json")
    parser.add_argument("--output")
    args = parser.parse_args()
    with open(args.input) as f:
        spec = json.load(f)
    net = spec["network"]
    assert net["dropout"]["rate"] == 0
    theta = np.array(spec["parameters"], dtype=np.float64)
    features = np.array(spec["features"], dtype=np.float64).reshape(-1, net["featureDimension"])
    rate = spec["learningRate"]
    for sample in spec["samples"]:
        prediction, cache = forward(net, theta, features, sample["user"], sample["item"])
        theta -= rate * gradient(net, theta, cache, sample["user"], sample["item"], 2 * (prediction - sample["rating"]))
    predictions = [forward(net, theta, features, s["user"], s["item"])[0] for s in spec["samples"]]
    result = {
        "script": SCRIPT,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "input": args.input,
        "tolerance": 1e-4,
        "parameters": theta.tolist(),
        "predictions": predictions,
    }
    text = json.dumps(result, indent=1)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
