#!/usr/bin/env python3
"""Turn the settled drafts into the committed gold files: offsets and labels, no article text.

    python3 lab/gold/wire/tools/convert.py ../shared/corpora /tmp/wire-gold/final [id ...]
    python3 lab/gold/wire/tools/convert.py --check ../shared/corpora [/tmp/wire-gold/final] [id ...]

Convert: for every manifest article with a settled draft `<final>/<id>.json`, writes
`lab/gold/wire/<reuters21578|bbc>/<id>.json`. The headline and every quotation become BYTE ranges
`start`/`end` of the raw corpus file `<corpora>/<path>`:

- Reuters-21578: the file is read as bytes (Latin-1/ASCII with SGML entities such as `&lt;`);
  the record `<REUTERS ... NEWID="n">` is decoded with a map from each decoded character back to
  its raw byte range, so a span that holds `<` covers the raw `&lt;`. The headline is searched in
  the record's `<TITLE>`, the quotes in its `<BODY>` only (quotes in headlines are not counted).
- BBC: UTF-8 (one file is Latin-1 and is decoded so; a U+FFFD that the annotators' copy shows for
  its undecodable byte matches any one character). The headline is the first line.

Whitespace in a draft's text matches any run of whitespace or line breaks in the file. Quotes are
located in text order: each is searched from the end of the previous one, so a repeated text gets
its k-th occurrence. Anything that cannot be located stops the script with an error (fix the
draft; nothing is dropped).

Check: re-reads every gold file's spans from the corpus, prints them (headline, then each quote
with speaker/kind/cue) for a reviewer, validates the labels, and, when the settled drafts are
given, confirms each span equals the draft's text (whitespace-normalised).
"""
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = {"reuters21578": "reuters21578", "bbc": "bbc"}
ENTITY = re.compile(rb"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
KINDS = {"person", "organisation", None}
CUES = {"name", "description", "pronoun", "none"}


class LocateError(Exception):
    pass


def decode_map(raw, lo, hi, encoding):
    """Decode raw[lo:hi]; return (text, starts, ends): byte range of each decoded character.
    SGML entities are decoded only for Reuters (encoding latin-1)."""
    chars, starts, ends = [], [], []
    i = lo
    if encoding == "latin-1":
        while i < hi:
            if raw[i:i + 1] == b"&":
                m = ENTITY.match(raw, i, hi)
                if m:
                    dec = html.unescape(m.group(0).decode("latin-1"))
                    for ch in dec:
                        chars.append(ch)
                        starts.append(i)
                        ends.append(m.end())
                    i = m.end()
                    continue
            chars.append(raw[i:i + 1].decode("latin-1"))
            starts.append(i)
            ends.append(i + 1)
            i += 1
        return "".join(chars), starts, ends
    text = raw[lo:hi].decode(encoding)
    i = lo
    for ch in text:
        n = len(ch.encode(encoding))
        chars.append(ch)
        starts.append(i)
        ends.append(i + n)
        i += n
    return text, starts, ends


def pattern_for(text):
    tokens = re.split(r"\s+", text.strip())
    if not tokens or tokens == [""]:
        raise LocateError("empty text")
    parts = []
    for tok in tokens:
        parts.append("".join(r"\S" if ch == "\ufffd" else re.escape(ch) for ch in tok))
    return re.compile(r"\s+".join(parts))


def locate(region, text, cursor, what):
    """region = (decoded, starts, ends); find text at or after decoded index cursor."""
    dec, starts, ends = region
    m = pattern_for(text).search(dec, cursor)
    if not m:
        earlier = pattern_for(text).search(dec)
        hint = " (it occurs earlier: quotes out of text order?)" if earlier else ""
        raise LocateError(f"cannot locate {what}: {text[:80]!r}{hint}")
    return starts[m.start()], ends[m.end() - 1], m.end()


def file_encoding(raw):
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "latin-1-plain"


def regions(raw, item):
    """Headline region and quote region (decoded text with byte maps) of one article."""
    if item["corpus"] == "reuters21578":
        rec = re.search(rb'<REUTERS[^>]*NEWID="%d"[^>]*>(.*?)</REUTERS>' % item["newid"], raw, re.S)
        if not rec:
            raise LocateError(f"record NEWID={item['newid']} not found")
        title = re.compile(rb"<TITLE>(.*?)</TITLE>", re.S).search(raw, rec.start(1), rec.end(1))
        body = re.compile(rb"<BODY>(.*?)</BODY>", re.S).search(raw, rec.start(1), rec.end(1))
        if not title or not body:
            raise LocateError("record has no TITLE or BODY")
        return (decode_map(raw, title.start(1), title.end(1), "latin-1"),
                decode_map(raw, body.start(1), body.end(1), "latin-1"), (rec.start(), rec.end()), 0)
    enc = file_encoding(raw)
    if enc == "utf-8":
        whole = decode_map(raw, 0, len(raw), "utf-8")
    else:
        text = raw.decode("latin-1")
        whole = (text, list(range(len(raw))), list(range(1, len(raw) + 1)))
    # the headline is the file's first line, searched from the start of the file; quotes are
    # searched after it (quotes in headlines are not counted)
    first_break = whole[0].find("\n")
    return whole, whole, (0, len(raw)), (first_break + 1 if first_break >= 0 else 0)


def convert_one(root, item, draft):
    raw = open(os.path.join(root, item["path"]), "rb").read()
    head, body, _, cursor = regions(raw, item)
    hs, he, _ = locate(head, draft["headline"], 0, "headline")
    quotes = []
    for k, q in enumerate(draft["quotes"]):
        if q.get("kind") not in KINDS or q.get("cue") not in CUES:
            raise LocateError(f"quote #{k}: bad kind/cue {q.get('kind')!r}/{q.get('cue')!r}")
        if (q.get("speaker") is None) != (q.get("kind") is None):
            raise LocateError(f"quote #{k}: speaker and kind must both be null or both set")
        s, e, cursor = locate(body, q["text"], cursor, f"quote #{k}")
        quotes.append({"start": s, "end": e, "speaker": q.get("speaker"), "kind": q.get("kind"),
                       "cue": q.get("cue")})
    out = {"id": item["id"], "corpus": item["corpus"], "path": item["path"]}
    if item["corpus"] == "reuters21578":
        out["newid"] = item["newid"]
    out.update({"split": item["split"], "headline": {"start": hs, "end": he},
                "dateline": draft.get("dateline"), "date": draft.get("date"),
                "agency": draft.get("agency"), "people": list(draft.get("people") or []),
                "quotes": quotes})
    return out


def span_text(raw, s, e, corpus):
    b = raw[s:e]
    if corpus == "reuters21578":
        return html.unescape(re.sub(rb"&#\d+;", b"", b).decode("latin-1"))
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("latin-1")


def norm(t):
    return re.sub(r"\s+", " ", t).strip()


def manifest_items(ids):
    items = json.load(open(os.path.join(HERE, "manifest.json")))["articles"]
    return [i for i in items if not ids or i["id"] in ids]


def convert(root, final, ids):
    n = nq = 0
    errors = []
    for item in manifest_items(ids):
        path = os.path.join(final, item["id"] + ".json")
        if not os.path.exists(path):
            if ids:
                errors.append(f"{item['id']}: no settled draft {path}")
            continue
        try:
            gold = convert_one(root, item, json.load(open(path)))
        except LocateError as err:
            errors.append(f"{item['id']}: {err}")
            continue
        folder = os.path.join(HERE, FOLDER[item["corpus"]])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, item["id"] + ".json"), "w") as f:
            json.dump(gold, f, indent=1, ensure_ascii=False)
            f.write("\n")
        n += 1
        nq += len(gold["quotes"])
    print(f"{n} gold files written, {nq} quotes")
    if errors:
        print("\n".join("ERROR " + e for e in errors), file=sys.stderr)
        sys.exit(f"{len(errors)} article(s) could not be converted")


def check(root, final, ids):
    problems = []
    totals = {}
    for item in manifest_items(ids):
        gpath = os.path.join(HERE, FOLDER[item["corpus"]], item["id"] + ".json")
        if not os.path.exists(gpath):
            if ids:
                problems.append(f"{item['id']}: no gold file")
            continue
        gold = json.load(open(gpath))
        raw = open(os.path.join(root, gold["path"]), "rb").read()
        _, body, (lo, hi), body_cursor = regions(raw, item)
        if body_cursor:
            lo = body[1][body_cursor]
        for key in ("id", "corpus", "path", "split"):
            if gold.get(key) != item[key]:
                problems.append(f"{item['id']}: {key} differs from manifest")
        draft = None
        if final and os.path.exists(os.path.join(final, item["id"] + ".json")):
            draft = json.load(open(os.path.join(final, item["id"] + ".json")))
        h = gold["headline"]
        head = span_text(raw, h["start"], h["end"], gold["corpus"])
        print(f"== {gold['id']} [{gold['split']}] dateline={gold['dateline']!r} date={gold['date']!r} "
              f"agency={gold['agency']!r}")
        print(f"   HEADLINE {h['start']}-{h['end']}: {head}")
        print(f"   PEOPLE {', '.join(gold['people'])}")
        if draft and norm(head) != norm(draft["headline"]):
            problems.append(f"{item['id']}: headline span differs from draft")
        prev = lo
        for k, q in enumerate(gold["quotes"]):
            t = span_text(raw, q["start"], q["end"], gold["corpus"])
            print(f"   Q{k} {q['start']}-{q['end']} [{q['speaker']} | {q['kind']} | {q['cue']}]: {norm(t)}")
            if not (lo <= q["start"] < q["end"] <= hi) or q["start"] < prev:
                problems.append(f"{item['id']} Q{k}: span outside the record or out of order")
            prev = q["end"]
            if q["kind"] not in KINDS or q["cue"] not in CUES or (q["speaker"] is None) != (q["kind"] is None):
                problems.append(f"{item['id']} Q{k}: bad labels")
            if t != t.strip() or t[:1] in "\"\u201c\u201d" or t[-1:] in "\"\u201c\u201d":
                problems.append(f"{item['id']} Q{k}: span has edge whitespace or quote marks")
            if draft:
                dq = draft["quotes"][k] if k < len(draft["quotes"]) else None
                if not dq or norm(dq["text"]).replace("\ufffd", "") != norm(t).replace("\ufffd", "") and \
                        pattern_for(dq["text"]).fullmatch(norm(t)) is None:
                    problems.append(f"{item['id']} Q{k}: span differs from draft text")
        if draft and len(draft["quotes"]) != len(gold["quotes"]):
            problems.append(f"{item['id']}: quote count differs from draft")
        key = (gold["corpus"], gold["split"])
        t = totals.setdefault(key, [0, 0, 0, 0])
        t[0] += 1
        t[1] += len(gold["quotes"])
        t[2] += sum(q["kind"] == "organisation" for q in gold["quotes"])
        t[3] += sum(q["cue"] in ("pronoun", "description") for q in gold["quotes"])
    print("\ncorpus split: articles quotes organisation-speaker pronoun/description-cue")
    for key in sorted(totals):
        print(f"{key[0]} {key[1]}: {' '.join(map(str, totals[key]))}")
    allt = [sum(v[i] for v in totals.values()) for i in range(4)]
    print(f"all: {' '.join(map(str, allt))}")
    if problems:
        print("\n".join("PROBLEM " + p for p in problems), file=sys.stderr)
        sys.exit(f"{len(problems)} problem(s)")
    print("check ok")


def main():
    args = sys.argv[1:]
    if args and args[0] == "--check":
        root = args[1]
        final = args[2] if len(args) > 2 and os.path.isdir(args[2]) else None
        check(root, final, set(args[3:] if final else args[2:]))
    else:
        convert(args[0], args[1], set(args[2:]))


if __name__ == "__main__":
    main()
