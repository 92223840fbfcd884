#!/usr/bin/env python3
"""Reference VADER scores from the vaderSentiment package (MIT, Hutto & Gilbert 2014) for Marquee's Swift port.

Writes two fixtures, both read by Tests/RecTextTests/Sentiment/VADERTests.swift:

* --small (default Tests/Fixtures/reference/vader-small.json): all four scores of
  `SentimentIntensityAnalyzer().polarity_scores` for 202 rt-polaritydata lines (every 53rd line,
  positives then negatives) and for hand-picked tricky sentences (negations, "but", ALL CAPS, "!!!", "??",
  emoji, idioms, "least", punctuation and whitespace edge cases). The texts are stored, so the test needs no data.
* --full (default Tests/Fixtures/reference/vader-rt-polarity-compound.json): the compound score of every one of
  the 10,662 lines, as integers = compound x 10,000. vaderSentiment itself rounds compound to 4 decimals, so
  this is lossless: the fixture holds exactly what Python returns.

Lines are read as vaderSentiment users read them: the files are valid UTF-8 (NLTK's conversion, see the data's
PROVENANCE.md), decoded strictly, split on "\\n" only (not str.splitlines, which also splits on U+0085 etc.),
the final empty string after the trailing newline dropped, each line passed unchanged (no strip).

    pip install vaderSentiment==3.3.2
    python3 scripts/reference/vader_scores.py
"""
import argparse
import json
import os
import platform
from importlib.metadata import version
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

SCRIPT = "scripts/reference/vader_scores.py"
ROOT = Path(__file__).resolve().parents[2]
FILES = ["rt-polarity.pos", "rt-polarity.neg"]
SAMPLE_STRIDE = 53

TRICKY = [
    # vaderSentiment's own README / __main__ examples
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was good.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.",
    "With VADER, sentiment analysis is the shit!",
    "Other sentiment analysis tools can be quite bad.",
    "On the other hand, VADER is quite bad ass",
    "VADER is such a badass!",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the most compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Not such a badass after all.",
    "Without a doubt, an excellent idea.",
    # further rules and edge cases
    "",
    "   ",
    "The movie was no good.",
    "No, it was not good or bad.",
    "It was no worse nor better.",
    "good good good but bad bad bad good",
    "great but great but great",
    "I love it, but I hate it, but I love it",
    "Is it good??",
    "Is it good????",
    "Terrible!!!!!!",
    "NOT GOOD at all, it was BAD",
    "the least bad movie; at least good; the very least good",
    "It was kind of bad, sort of good, just enough fun.",
    "This is the bomb, a real kiss of death, yeah right",
    "never so good, never this bad",
    "without doubt good",
    "I 😍 this movie😂😂 but 😡",
    "😀",
    ":-) :( <3 :/",
    "It's 'great'... really \"great\"!",
    "Ünïcödé ΣΟΦΟΣ isn't BAD — it’s good\u00a0good\u2003fine",
    "The film isnt good; it doesnt work and cant be saved",
]


def data_dir(explicit):
    if explicit:
        return Path(explicit)
    if os.environ.get("MARQUEE_DATA"):
        return Path(os.environ["MARQUEE_DATA"])
    return ROOT.parent / "shared" / "data"


def read_lines(path):
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def scores(analyzer, text):
    s = analyzer.polarity_scores(text)
    return {"text": text, "neg": s["neg"], "neu": s["neu"], "pos": s["pos"], "compound": s["compound"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="folder holding rt-polaritydata/ (default $MARQUEE_DATA or ../shared/data)")
    parser.add_argument("--small", default=str(ROOT / "Tests/Fixtures/reference/vader-small.json"))
    parser.add_argument("--full", default=str(ROOT / "Tests/Fixtures/reference/vader-rt-polarity-compound.json"))
    args = parser.parse_args()

    analyzer = SentimentIntensityAnalyzer()
    lines = []
    for name in FILES:
        lines.extend(read_lines(data_dir(args.data) / "rt-polaritydata" / name))
    meta = {
        "script": SCRIPT,
        "package": "vaderSentiment " + version("vaderSentiment"),
        "python": platform.python_version(),
        "data": "rt-polaritydata (Pang & Lee 2005, CC BY 4.0): " + " then ".join(FILES)
                + ", UTF-8, split on LF, trailing empty line dropped",
    }

    small = dict(meta)
    small["sample"] = f"rt-polaritydata lines 0, {SAMPLE_STRIDE}, {2 * SAMPLE_STRIDE}, ... (0-based, .pos then .neg)"
    small["rounding"] = "as polarity_scores returns them: neg/neu/pos to 3 decimals, compound to 4"
    small["sampled"] = [dict(scores(analyzer, lines[i]), line=i) for i in range(0, len(lines), SAMPLE_STRIDE)]
    small["tricky"] = [scores(analyzer, text) for text in TRICKY]
    with open(args.small, "w", encoding="utf-8") as f:
        json.dump(small, f, ensure_ascii=False, indent=1)
        f.write("\n")

    full = dict(meta)
    full["lineCounts"] = [len(read_lines(data_dir(args.data) / "rt-polaritydata" / name)) for name in FILES]
    full["scale"] = 10000
    full["compound"] = [round(analyzer.polarity_scores(line)["compound"] * 10000) for line in lines]
    assert all(abs(c / 10000 - analyzer.polarity_scores(l)["compound"]) < 1e-12 for c, l in zip(full["compound"], lines))
    with open(args.full, "w", encoding="utf-8") as f:
        json.dump(full, f, separators=(",", ":"))
        f.write("\n")
    print(f"{args.small}: {len(small['sampled'])} sampled + {len(small['tricky'])} tricky; "
          f"{args.full}: {len(full['compound'])} compound scores")


if __name__ == "__main__":
    main()
