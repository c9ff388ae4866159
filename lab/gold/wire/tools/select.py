#!/usr/bin/env python3
"""Choose the articles of the wire development gold, and their test third, before anyone reads them.

Reuters-21578 records with a dateline, a body and at least two direct quotations of ten or more
characters, and BBC News articles with at least two such quotations, are drawn with a fixed seed;
a third of each corpus, drawn with the same generator, is the test split, scored only to report.
Writes `manifest.json` beside `tools/`: one entry per article, no article text.

    python3 lab/gold/wire/tools/select.py ../shared/corpora
"""
import json
import os
import random
import re
import sys

SEED = 20261207
PER_CORPUS = 78
QUOTE = re.compile(r'"[^"\n]{10,}?"')


def reuters_records(root):
    folder = os.path.join(root, "reuters21578")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".sgm"):
            continue
        raw = open(os.path.join(folder, name), "rb").read().decode("latin-1")
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            if not body or "<DATELINE>" not in m.group(2):
                continue
            if len(QUOTE.findall(body.group(1))) >= 2:
                yield {"corpus": "reuters21578", "path": f"reuters21578/{name}",
                       "newid": int(m.group(1)), "id": f"{name[:-4]}-{m.group(1)}"}


def bbc_articles(root):
    folder = os.path.join(root, "bbc-news-2225")
    for section in sorted(os.listdir(folder)):
        sub = os.path.join(folder, section)
        if not os.path.isdir(sub):
            continue
        for name in sorted(os.listdir(sub)):
            text = open(os.path.join(sub, name), "rb").read().decode("utf-8", "replace")
            if len(QUOTE.findall(text)) >= 2:
                yield {"corpus": "bbc", "path": f"bbc-news-2225/{section}/{name}",
                       "id": f"bbc-{section}-{name[:-4]}"}


def main():
    root = sys.argv[1]
    rng = random.Random(SEED)
    chosen = []
    for pool in (list(reuters_records(root)), list(bbc_articles(root))):
        picked = rng.sample(pool, PER_CORPUS)
        test = set(i["id"] for i in rng.sample(picked, PER_CORPUS // 3))
        for item in sorted(picked, key=lambda i: i["id"]):
            item["split"] = "test" if item["id"] in test else "dev"
            chosen.append(item)
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "manifest.json")
    with open(out, "w") as f:
        json.dump({"seed": SEED, "articles": chosen}, f, indent=1)
        f.write("\n")
    print(f"{len(chosen)} articles -> {out}")


if __name__ == "__main__":
    main()
