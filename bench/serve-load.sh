#!/usr/bin/env bash
# Load test of `wiredex serve`: 200 concurrent clients on a Reuters-21578 index, p50/p99 latency
# and throughput of /api/search and /api/quotes, with oha when installed (cargo install oha),
# else hey (apt-get install hey). Loopback only. Writes one report per endpoint and a summary.
#
#   bench/serve-load.sh [OUT_DIR] [DURATION]      e.g. bench/serve-load.sh bench/runs/2026-12-07-serve 20s
#
# Environment: WIREDEX (binary, default target/release/wiredex), INDEX (index folder, built
# from ../shared/corpora/reuters21578 when missing), CLIENTS (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/runs/$(date -u +%Y-%m-%d)-serve}
duration=${2:-20s}
wiredex=${WIREDEX:-target/release/wiredex}
index=${INDEX:-/tmp/wiredex-reuters21578}
clients=${CLIENTS:-200}
corpus=../shared/corpora/reuters21578

if command -v oha >/dev/null; then tool=oha
elif command -v hey >/dev/null; then tool=hey
else echo "serve-load: neither oha nor hey is installed (cargo install oha, or apt-get install hey)" >&2; exit 2
fi
[ -x "$wiredex" ] || { echo "serve-load: no binary at $wiredex (cargo build --release)" >&2; exit 2; }
if [ ! -e "$index/meta.json" ]; then
  [ -d "$corpus" ] || { echo "serve-load: $corpus not found" >&2; exit 2; }
  "$wiredex" index "$corpus" --index "$index" --quiet
fi
mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Start the server on a free loopback port; its first line of output is its address.
fifo=$(mktemp -u); mkfifo "$fifo"
"$wiredex" serve --index "$index" --bind 127.0.0.1:0 >"$fifo" 2>/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null; rm -f "$fifo"' EXIT
read -r -t 60 base <"$fifo"
base=${base%/}
echo "serve-load: $wiredex serve on $base, $clients clients, $duration per endpoint, $tool"

# The endpoints: the bench workload's term, phrase and quote queries (bench/workloads/reuters21578.tsv).
endpoints=(
  "search-term|/api/search?q=oil&limit=10"
  "search-phrase|/api/search?q=%22crude+oil%22&limit=10"
  "search-date|/api/search?q=headline%3Aoil+date%3A1987-03&limit=10&sort=date"
  "quotes-speaker-topic|/api/quotes?by=Baker&about=Japan&limit=20"
  "quotes-speaker|/api/quotes?by=Volcker&limit=20"
)
for entry in "${endpoints[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  curl -sf "$base$path" >/dev/null      # warm the reader and check the endpoint answers
  case $tool in
    oha) oha --no-tui -c "$clients" -z "$duration" "$base$path" >"$out/$name.txt" ;;
    hey) hey -c "$clients" -z "$duration" "$base$path" >"$out/$name.txt" ;;
  esac
  echo "== $name ($path)"; grep -E "Requests/sec|50%|99%|\[[0-9]+\]|Error" "$out/$name.txt" | sed 's/^ */  /'
done
{
  echo "commit $(git rev-parse --short HEAD), $(date -u +%FT%TZ), $(nproc) cores"
  echo "load average before the run $load_before, after it $(cut -d' ' -f1-3 /proc/loadavg) (the load tool runs on the same cores)"
  echo "tool $tool, $clients clients, $duration per endpoint, index $index ($(du -sh "$index" | cut -f1))"
} >"$out/environment.txt"
