#!/usr/bin/env bash
# The md5 of `wiredex parse --json` on every corpus the project reads: a refactoring step keeps
# extraction byte-identical when this prints the same lines before and after it.
#   scripts/parse-md5.sh [path/to/wiredex]      (default: target/release/wiredex)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/wiredex}"
shared=../shared/corpora
sets=(corpus tests/fixtures)
if [ -d "$shared" ]; then
  for c in reuters21578 bbc-news-2225 polnear/data/train polnear/data/dev tass-scraper-examples \
           isot-reuters-true-subset wire-format-samples factrueval-2016-dev ria-news-20; do
    sets+=("$shared/$c")
  done
else
  echo "note: $shared not found; hashing the project's own corpora only" >&2
fi
for s in "${sets[@]}"; do
  printf '%s  %s\n' "$("$bin" parse --json "$s" 2>/dev/null | md5sum | cut -d' ' -f1)" "$s"
done
