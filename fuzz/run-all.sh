#!/usr/bin/env bash
# Runs every fuzz target in turn, one process at a time (the machine has two cores), for the
# number of seconds given as the first argument (default 60). Seeds are read from
# corpus/TARGET (local, never committed: copy samples in as docs/fuzzing.md says) and from the
# committed crash regressions in regressions/TARGET; new finds go to artifacts/TARGET.
# Exits non-zero when any target found a crash, a timeout or a memory blow-up.
#
#   fuzz/run-all.sh 300            # five minutes each
#   fuzz/run-all.sh 60 read_any    # one target only
set -uo pipefail

seconds="${1:-60}"
shift || true
cd "$(dirname "$0")"

all_dict="$(mktemp)"
trap 'rm -f "$all_dict"' EXIT
cat dict/*.dict >"$all_dict"

dict_for() {
    case "$1" in
    parse_text) echo dict/text.dict ;;
    xml) echo dict/xml.dict ;;
    sgml) echo dict/sgml.dict ;;
    anpa) echo dict/anpa.dict ;;
    csv) echo dict/csv.dict ;;
    html) echo dict/html.dict ;;
    json) echo dict/json.dict ;;
    query) echo dict/query.dict ;;
    *) echo "$all_dict" ;;
    esac
}

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo +nightly fuzz list)
fi

failed=()
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    inputs=("corpus/$target")
    [ -d "regressions/$target" ] && inputs+=("regressions/$target")
    echo "== $target: ${seconds}s"
    if ! CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo +nightly fuzz run "$target" "${inputs[@]}" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict="$(dict_for "$target")" -print_final_stats=1; then
        failed+=("$target")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "failed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "all ${#targets[@]} targets ran ${seconds}s without a crash"
