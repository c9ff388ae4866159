#!/usr/bin/env python3
"""Rewrites the output shown under each `$ ` command of the `console` blocks of a Markdown page
with what the command prints today, run as `tests/e2e/readme.rs` runs it (a scratch copy of
`corpus/`, `tests/fixtures/duplicates/`, `bench/workloads/` and the timeline chart; the binary's
folder first on PATH; blocks in page order). Where the page elided lines with `...`, the same
number of lines is kept before and after the `...`. Read the diff before committing it: the
examples are documentation, and a changed number is a changed answer.

    scripts/update-examples.py [--bin target/debug/wiredex] README.md docs/commands.md ...
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def scratch_copy():
    scratch = tempfile.mkdtemp(prefix="wiredex-examples-")
    for folder in ["corpus", "tests/fixtures/duplicates", "bench/workloads"]:
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(scratch, folder))
    os.makedirs(os.path.join(scratch, "docs"), exist_ok=True)
    shutil.copy(os.path.join(ROOT, "docs/timeline-minister.svg"), os.path.join(scratch, "docs"))
    return scratch


def refit(old, new):
    """`new` output lines, elided as `old` was: its lines before and after a `...` kept."""
    if "..." not in old:
        return new
    cut = old.index("...")
    head, tail = cut, len(old) - cut - 1
    if head + tail >= len(new):
        return new
    return new[:head] + ["..."] + (new[len(new) - tail:] if tail else [])


def update(page, binary):
    path = os.path.join(ROOT, page)
    lines = open(path, encoding="utf-8").read().split("\n")
    scratch = scratch_copy()
    env = dict(os.environ)
    env.pop("WIREDEX_INDEX", None)
    env["NO_COLOR"] = "1"
    env["PATH"] = os.path.dirname(os.path.abspath(binary)) + os.pathsep + env.get("PATH", "")
    out, i, in_block, in_console, indent = [], 0, False, False, 0
    while i < len(lines):
        raw = lines[i]
        stripped = raw.lstrip()
        if stripped.startswith("```"):
            if in_block:
                in_block = in_console = False
            else:
                in_block = True
                in_console = stripped[3:].strip() == "console"
                indent = len(raw) - len(stripped)
            out.append(raw)
            i += 1
            continue
        text = raw[min(indent, len(raw) - len(raw.lstrip(" "))):] if in_console else raw
        if in_console and text.startswith("$ "):
            command = text[2:]
            out.append(raw)
            i += 1
            old = []
            while i < len(lines):
                t = lines[i][min(indent, len(lines[i]) - len(lines[i].lstrip(" "))):]
                if t.startswith("$ ") or lines[i].lstrip().startswith("```"):
                    break
                old.append(t)
                i += 1
            run = subprocess.run(["sh", "-c", command], cwd=scratch, env=env,
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{page}: `{command}` exited {run.returncode}: {run.stderr.strip()}",
                      file=sys.stderr)
            new = run.stdout.split("\n")
            if new and new[-1] == "":
                new.pop()
            for line in refit(old, new):
                out.append((" " * indent + line) if line else line)
            continue
        out.append(raw)
        i += 1
    open(path, "w", encoding="utf-8").write("\n".join(out))
    shutil.rmtree(scratch)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, "target/debug/wiredex"))
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    for page in args.pages:
        update(page, args.bin)


if __name__ == "__main__":
    main()
