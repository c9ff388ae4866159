#!/usr/bin/env python3
"""Checks two shape rules of the style guide: no function over a length limit outside tests,
and no two files that import each other (a sign a third module is missing). Reads the Rust
sources as text, comments and strings set aside, so it needs no build.

    scripts/shape.py [--max-lines N] [--warn-lines N] [DIR]     (defaults: 200, 150, src)

Prints the functions over the warning length and every pair of files that import each other;
exits 1 when a function passes the maximum or a pair exists."""
import argparse, os, re, sys

FN = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')


def code_lines(text):
    """The lines of `text` with comments, strings and char literals blanked out."""
    out, block, string = [], False, False
    for line in text.split('\n'):
        kept, i, n = [], 0, len(line)
        while i < n:
            if block:
                j = line.find('*/', i)
                if j < 0:
                    i = n
                    continue
                block, i = False, j + 2
                continue
            if string:
                if line[i] == '\\':
                    i += 2
                    continue
                string = line[i] != '"'
                i += 1
                continue
            if line.startswith('//', i):
                break
            if line.startswith('/*', i):
                block, i = True, i + 2
                continue
            c = line[i]
            if c == '"':
                string, i = True, i + 1
                continue
            if c == "'":
                m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", line[i:])
                if m:
                    i += m.end()
                    continue
            kept.append(c)
            i += 1
        out.append(''.join(kept))
    return out


def before_tests(lines):
    """How many lines come before the file's `#[cfg(test)]` module."""
    for i, line in enumerate(lines):
        if re.match(r'\s*#\[cfg\(test\)\]', line):
            return i
    return len(lines)


def long_functions(path, raw, clean, minimum):
    """(length, path, line, name) of each function outside tests of `minimum` lines or more."""
    found = []
    for i in range(before_tests(raw)):
        m = FN.match(clean[i])
        if not m:
            continue
        depth, started = 0, False
        for j in range(i, len(clean)):
            for ch in clean[j]:
                if ch == '{':
                    depth, started = depth + 1, True
                elif ch == '}':
                    depth -= 1
            if started and depth == 0:
                break
            if not started and ';' in clean[j]:
                break
        if started and j - i + 1 >= minimum:
            found.append((j - i + 1, path, i + 1, m.group(6)))
    return found


def module_of(path, root):
    """The module path of a file under `root` (`src/article/people.rs` -> article::people)."""
    parts = os.path.relpath(path, root)[:-3].split(os.sep)
    if parts[-1] in ('mod', 'lib', 'main'):
        parts = parts[:-1]
    return tuple(parts)


def imports(me, clean_text, modules):
    """The modules (files) that the code of module `me` names."""
    refs = set()
    for m in re.finditer(r'\bcrate((?:::\w+)+)', clean_text):
        refs.add(tuple(m.group(1).strip(':').split('::')))
    for m in re.finditer(r'\b((?:super::)+)(\w+(?:::\w+)*)', clean_text):
        n = m.group(1).count('super::')
        refs.add(me[:len(me) - n] + tuple(m.group(2).split('::')))
    for m in re.finditer(r'\b((?:super::)+)\{', clean_text):
        refs.add(me[:len(me) - m.group(1).count('super::')])
    for m in re.finditer(r'(?<![:\w])(\w+)::', clean_text):
        if me + (m.group(1),) in modules:
            refs.add(me + (m.group(1),))
    found = set()
    for ref in refs:
        for k in range(len(ref), -1, -1):
            if ref[:k] in modules:
                if ref[:k] != me:
                    found.add(ref[:k])
                break
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--max-lines', type=int, default=200)
    parser.add_argument('--warn-lines', type=int, default=150)
    parser.add_argument('dir', nargs='?', default='src')
    args = parser.parse_args()
    files = {}
    for d, _, names in os.walk(args.dir):
        for name in names:
            if name.endswith('.rs'):
                path = os.path.join(d, name)
                files[path] = open(path, encoding='utf-8').read()
    modules = {module_of(p, args.dir): p for p in files}
    failed = False
    lengths, edges = [], set()
    for path, text in sorted(files.items()):
        raw = text.split('\n')
        clean = code_lines(text)
        lengths += long_functions(path, raw, clean, args.warn_lines)
        me = module_of(path, args.dir)
        for other in imports(me, '\n'.join(clean[:before_tests(raw)]), modules):
            edges.add((path, modules[other]))
    for length, path, line, name in sorted(lengths, reverse=True):
        over = length > args.max_lines
        failed |= over
        print(f"{'TOO LONG' if over else 'long'}  {length:5}  {path}:{line}  {name}")
    for a, b in sorted(edges):
        if a < b and (b, a) in edges:
            failed = True
            print(f"CYCLE  {a} <-> {b}")
    print('shape: ' + ('FAILED' if failed else 'ok'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
