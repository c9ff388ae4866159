#!/usr/bin/env python3
"""Compare the two readers' drafts of every article and list where they disagree.

    python3 lab/gold/wire/tools/settle.py /tmp/wire-gold [corpus ...]

Reads `<root>/drafts/{reuters,bbc}-{a,b}/<id>.json` for the articles of `manifest.json`, writes
`<root>/disagreements/<id>.txt` for every article where the readers differ (headline, dateline,
date, agency, people, quotes found by one reader only, speaker/kind/cue of quotes both found) and
prints the agreement rates per corpus:

- quote-span agreement: F1 of reader A's quotes against reader B's. Quotes are matched one to one
  on whitespace-normalised text with trailing punctuation ignored; two quotes match when their
  texts are equal (`exact`) or when one contains the other or they share most of their words
  (`overlap`, the figure used in AGREEMENT.md);
- speaker agreement: share of matched quotes with the same speaker (case-insensitive; `lenient`
  also ignores a leading `the` and a trailing `.`), and the same for kind and cue;
- people agreement: F1 of the two people sets (case-insensitive);
- field agreement: share of articles where both readers give the same headline, dateline, date
  and agency (each, and all four at once).

Only the drafts are read: no extraction program is run.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = {"reuters21578": "reuters", "bbc": "bbc"}
FIELDS = ("headline", "dateline", "date", "agency")
TRAIL = " \t\n.,;:!?'\"\u2019\u201d"


def norm(text):
    """Whitespace-normalised quote text without trailing (or leading) punctuation."""
    text = re.sub(r"\s+", " ", text or "").strip()
    return text.strip(TRAIL).strip()


def words(text):
    return re.findall(r"\w+", norm(text).lower())


def overlap(a, b):
    """0..1 closeness of two quote texts; 1 when equal or one contains the other."""
    na, nb = norm(a).lower(), norm(b).lower()
    if not na or not nb:
        return 0.0
    if na == nb or na in nb or nb in na:
        return 1.0
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = len(set(wa) & set(wb))
    return common / min(len(set(wa)), len(set(wb)))


def match_quotes(qa, qb, exact=False, threshold=0.6):
    """Greedy one-to-one matching, best pairs first, ties in text order. Returns [(i, j)]."""
    pairs = []
    for i, a in enumerate(qa):
        for j, b in enumerate(qb):
            if exact:
                s = 1.0 if norm(a["text"]) == norm(b["text"]) else 0.0
            else:
                s = overlap(a["text"], b["text"])
            if s >= (1.0 if exact else threshold):
                pairs.append((-s, abs(i - j), i, j))
    pairs.sort()
    used_a, used_b, out = set(), set(), []
    for _, _, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j))
    return sorted(out)


def speaker_key(s, lenient=False):
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s).strip().casefold()
    if lenient:
        s = re.sub(r"^the ", "", s).rstrip(".")
    return s


def f1(tp, na, nb):
    return 2 * tp / (na + nb) if na + nb else 1.0


def compare(a, b):
    """Lines describing every difference between drafts a and b, plus counts."""
    lines = []
    for f in FIELDS:
        if a.get(f) != b.get(f):
            lines.append(f"FIELD {f}: A={a.get(f)!r} B={b.get(f)!r}")
    pa = {p.casefold(): p for p in a.get("people") or []}
    pb = {p.casefold(): p for p in b.get("people") or []}
    for k in sorted(set(pa) - set(pb)):
        lines.append(f"PEOPLE only A: {pa[k]!r}")
    for k in sorted(set(pb) - set(pa)):
        lines.append(f"PEOPLE only B: {pb[k]!r}")
    qa, qb = a.get("quotes") or [], b.get("quotes") or []
    m = match_quotes(qa, qb)
    mi, mj = {i for i, _ in m}, {j for _, j in m}
    for i, q in enumerate(qa):
        if i not in mi:
            lines.append(f"QUOTE only A #{i}: {q['text']!r} speaker={q.get('speaker')!r} kind={q.get('kind')} cue={q.get('cue')}")
    for j, q in enumerate(qb):
        if j not in mj:
            lines.append(f"QUOTE only B #{j}: {q['text']!r} speaker={q.get('speaker')!r} kind={q.get('kind')} cue={q.get('cue')}")
    spk = spk_len = kind = cue = 0
    for i, j in m:
        x, y = qa[i], qb[j]
        if norm(x["text"]) != norm(y["text"]):
            lines.append(f"QUOTE span A#{i}/B#{j}: A={x['text']!r} B={y['text']!r}")
        elif x["text"] != y["text"]:
            lines.append(f"MINOR QUOTE trailing punctuation/whitespace A#{i}/B#{j}: A={x['text']!r} B={y['text']!r}")
        same = speaker_key(x.get("speaker")) == speaker_key(y.get("speaker"))
        same_len = speaker_key(x.get("speaker"), True) == speaker_key(y.get("speaker"), True)
        spk += same
        spk_len += same_len
        if not same:
            lines.append(f"SPEAKER A#{i}/B#{j} {norm(x['text'])[:60]!r}: A={x.get('speaker')!r} B={y.get('speaker')!r}")
        if x.get("kind") == y.get("kind"):
            kind += 1
        else:
            lines.append(f"KIND A#{i}/B#{j} {norm(x['text'])[:60]!r}: A={x.get('kind')} B={y.get('kind')}")
        if x.get("cue") == y.get("cue"):
            cue += 1
        else:
            lines.append(f"CUE A#{i}/B#{j} {norm(x['text'])[:60]!r}: A={x.get('cue')} B={y.get('cue')}")
    exact = len(match_quotes(qa, qb, exact=True))
    counts = dict(na=len(qa), nb=len(qb), matched=len(m), exact=exact, spk=spk, spk_len=spk_len,
                  kind=kind, cue=cue, pa=len(pa), pb=len(pb), pboth=len(set(pa) & set(pb)),
                  fields={f: a.get(f) == b.get(f) for f in FIELDS})
    return lines, counts


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/tmp/wire-gold"
    only = set(sys.argv[2:])
    manifest = json.load(open(os.path.join(HERE, "manifest.json")))
    out = os.path.join(root, "disagreements")
    os.makedirs(out, exist_ok=True)
    for corpus in ("reuters21578", "bbc"):
        if only and corpus not in only:
            continue
        items = [i for i in manifest["articles"] if i["corpus"] == corpus]
        tot = dict(na=0, nb=0, matched=0, exact=0, spk=0, spk_len=0, kind=0, cue=0, pa=0, pb=0, pboth=0)
        fields = {f: 0 for f in FIELDS}
        all_fields = differing = substantive = 0
        for item in items:
            pa = os.path.join(root, "drafts", PREFIX[corpus] + "-a", item["id"] + ".json")
            pb = os.path.join(root, "drafts", PREFIX[corpus] + "-b", item["id"] + ".json")
            a, b = json.load(open(pa)), json.load(open(pb))
            lines, c = compare(a, b)
            target = os.path.join(out, item["id"] + ".txt")
            if lines:
                differing += 1
                substantive += any(not line.startswith("MINOR") for line in lines)
                with open(target, "w") as f:
                    f.write(f"{item['id']} ({item['split']})\n")
                    f.write("\n".join(lines) + "\n")
                    if a.get("notes"):
                        f.write(f"NOTES A: {a['notes']}\n")
                    if b.get("notes"):
                        f.write(f"NOTES B: {b['notes']}\n")
            elif os.path.exists(target):
                os.remove(target)
            for k in tot:
                tot[k] += c[k]
            for f in FIELDS:
                fields[f] += c["fields"][f]
            all_fields += all(c["fields"].values())
        n = len(items)
        print(f"== {corpus}: {n} articles, {differing} with any difference, {substantive} with a substantive "
              f"disagreement (not only trailing punctuation/whitespace inside a quote)")
        print(f"quotes: A {tot['na']}, B {tot['nb']}, matched {tot['matched']} (exact text {tot['exact']})")
        print(f"quote-span agreement F1 (overlap match): {f1(tot['matched'], tot['na'], tot['nb']):.3f}")
        print(f"quote-span agreement F1 (exact normalised text): {f1(tot['exact'], tot['na'], tot['nb']):.3f}")
        m = tot["matched"] or 1
        print(f"speaker agreement on matched quotes: {tot['spk'] / m:.3f} (lenient {tot['spk_len'] / m:.3f})")
        print(f"kind agreement on matched quotes: {tot['kind'] / m:.3f}")
        print(f"cue agreement on matched quotes: {tot['cue'] / m:.3f}")
        print(f"people agreement F1: {f1(tot['pboth'], tot['pa'], tot['pb']):.3f} (A {tot['pa']}, B {tot['pb']}, both {tot['pboth']})")
        print("field agreement: " + ", ".join(f"{f} {fields[f] / n:.3f}" for f in FIELDS)
              + f", all four {all_fields / n:.3f}")


if __name__ == "__main__":
    main()
