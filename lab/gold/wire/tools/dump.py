#!/usr/bin/env python3
"""Write each manifest article as plain text for annotators to read (outside the project).

    python3 lab/gold/wire/tools/dump.py ../shared/corpora /tmp/wire-gold/articles

Reuters-21578 records become `DATE:`, `TITLE:`, `DATELINE:` lines and the body with its SGML
entities decoded; BBC files are copied as they are. The texts are third-party copy: they stay
out of the repository.
"""
import html
import json
import os
import re
import sys


def record_text(root, item):
    raw = open(os.path.join(root, item["path"]), "rb").read().decode("latin-1")
    if item["corpus"] != "reuters21578":
        return open(os.path.join(root, item["path"]), "rb").read().decode("utf-8", "replace")
    m = re.search(r'<REUTERS[^>]*NEWID="%d"[^>]*>(.*?)</REUTERS>' % item["newid"], raw, re.S)
    rec = m.group(1)

    def field(tag):
        f = re.search(r"<%s>(.*?)</%s>" % (tag, tag), rec, re.S)
        return html.unescape(f.group(1)).strip() if f else ""

    body = re.sub(r"&#\d+;", "", field("BODY"))
    return f"DATE: {field('DATE')}\nTITLE: {field('TITLE')}\nDATELINE: {field('DATELINE')}\n\n{html.unescape(body)}\n"


def main():
    root, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    manifest = json.load(open(os.path.join(here, "manifest.json")))
    for item in manifest["articles"]:
        with open(os.path.join(out, item["id"] + ".txt"), "w") as f:
            f.write(record_text(root, item))
    print(f"{len(manifest['articles'])} articles -> {out}")


if __name__ == "__main__":
    main()
