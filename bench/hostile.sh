#!/usr/bin/env bash
# Hostile inputs of issue 16, generated and run through a release build under /usr/bin/time -v:
# wall time and peak RSS of each, one row per case. Not a test (timings vary with the machine);
# the regression tests are tests/e2e/hostile.rs.
#   bench/hostile.sh [path/to/wiredex]     (default: builds and uses target/release/wiredex)
# Environment: KEEP=1 keeps the generated files (their folder is printed), BUDGET=64M the
# --memory-budget of the indexing cases, JSON_MB=61 the size of the large JSON case.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  bin="$1"
else
  cargo build --release --quiet
  bin=target/release/wiredex
fi
[ -x /usr/bin/time ] || { echo "hostile.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
budget="${BUDGET:-64M}"
json_mb="${JSON_MB:-61}"
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] && echo "files in $work" >&2 || trap 'rm -rf "$work"' EXIT

python3 - "$work" "$json_mb" <<'PY'
import gzip, json, os, sys
work, json_mb = sys.argv[1], int(sys.argv[2])
story = "MOSCOW, March 3 (Reuters) - Russia and Japan agreed on Tuesday to hold talks on a peace treaty, officials said."
def put(folder, filename, data):
    d = os.path.join(work, folder); os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(d, filename), mode) as f: f.write(data)
# Quote finding on mixed quote marks: 7.2 MB on one line.
put("quotes", "mixed-quotes.txt", "Talks\n\n" + story + " " + "“a\" " * 1_800_000 + "\n")
# HTML nesting: 1.1 MB of unclosed tags before the page's one paragraph.
for name, tag in [("divs", "<div>"), ("lists", "<ul><li>"), ("formatting", "<b><i>")]:
    put("html-" + name, name + ".html",
        "<html><head><title>Peace talks</title></head><body>" + tag * (1_100_000 // len(tag)) + "<p>" + story + "</p></body></html>")
# A small .gz of quote-heavy text (the issue's was 178 KB and peaked at 3.2 GB).
text = "Talks\n\n" + story + "\n\n" + "\n\n".join("“We will not agree to this, not now and not later,” Voronin said." for _ in range(300_000)) + "\n"
put("gzip", "quotes.txt.gz", gzip.compress(text.encode(), 9))
# A large JSON array of articles.
item = {"title": "Peace talks", "content": story + " " + "“We agree,” he said. " * 40}
count = json_mb * 1_000_000 // len(json.dumps(item))
put("json", "feed.json", json.dumps([dict(item, title=f"Peace talks {i}") for i in range(count)]))
PY

printf '%-40s %5s %9s %10s\n' case exit seconds peak_MB
run() {
  local name="$1"; shift
  local log="$work/time.log" code=0
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || code=$?
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  # m:ss.cc (or h:mm:ss) to seconds
  wall=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  printf '%-40s %5s %9s %10.1f\n' "$name" "$code" "$wall" "$(echo "$rss / 1024" | bc -l)"
}
run "parse 7.2 MB mixed quotes" "$bin" parse --json "$work/quotes"
for name in divs lists formatting; do
  run "parse 1.1 MB nested html ($name)" "$bin" parse --json "$work/html-$name"
done
run "index quote-heavy .gz ($budget)" "$bin" index "$work/gzip" --index "$work/idx-gzip" --memory-budget "$budget" -q
run "quotes in it" "$bin" quotes --by Voronin --index "$work/idx-gzip" --limit 5
run "index ${json_mb} MB JSON ($budget)" "$bin" index "$work/json" --index "$work/idx-json" --memory-budget "$budget" -q
idx="$work/idx-corpus"
"$bin" index corpus --index "$idx" -q
deep=$(printf '%*s' 3000 '' | tr ' ' '(')
nested="$(printf '%*s' 9000 '' | tr ' ' '(')japan$(printf '%*s' 9000 '' | tr ' ' ')')"
run "search 3,000 unbalanced (" "$bin" search "$deep" --index "$idx"
run "search 9,000 nested pairs" "$bin" search "$nested" --index "$idx"
run "search --limit 2^64-1" "$bin" search japan --limit 18446744073709551615 --index "$idx"
run "search --limit 5e13" "$bin" search japan --limit 50000000000000 --index "$idx"
