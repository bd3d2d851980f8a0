#!/usr/bin/env bash
# Writes everything a user or script can see of the bundled trees into one directory, so that two
# builds can be compared byte for byte: `scripts/capture-outputs.sh BIN DIR`, then `diff -r A B`.
# Used for refactors that must not change behaviour (issue 18): capture before, capture after, diff.
set -euo pipefail
bin=${1:?usage: capture-outputs.sh TRAILHEAD_BINARY OUTPUT_DIR}
out=${2:?usage: capture-outputs.sh TRAILHEAD_BINARY OUTPUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A fixed, empty home: no user trees, no history, no cache from an earlier run; then a second pass
# with the cache filled, since a cached run must print the same bytes.
export HOME=$scratch/home XDG_CACHE_HOME=$scratch/cache XDG_STATE_HOME=$scratch/state XDG_CONFIG_HOME=$scratch/config
export XDG_DATA_DIRS=$scratch/none TRAILHEAD_PATH= TERM=dumb LC_ALL=C.UTF-8 COLUMNS=80
unset DISPLAY WAYLAND_DISPLAY BROWSER SSH_CONNECTION SSH_TTY || true
mkdir -p "$HOME"
trees=(--no-default-trees --trees "$here/trees")
run() { # name, args...: stdout, stderr and exit status of one run
    local name=$1; shift
    local status=0
    "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null || status=$?
    echo "$status" >"$out/$name.status"
}
for pass in cold warm; do
    run "$pass-list" list "${trees[@]}" --json
    run "$pass-list-sources" list "${trees[@]}" --sources
    for query in rucio "rucio download" jupyter certificate "ssh key" zenodo xyzzy "re:ana" "'token" "!rucio data"; do
        run "$pass-search-${query//[^a-z]/_}" search "${trees[@]}" --json $query
        run "$pass-search-text-${query//[^a-z]/_}" search "${trees[@]}" $query
    done
done
"$bin" list "${trees[@]}" --json | python3 -c 'import json,sys; [print(t["id"]) for t in json.load(sys.stdin)["trees"]]' >"$scratch/trees"
while read -r tree; do
    for format in mermaid dot json html; do
        run "export-$tree-$format" export "${trees[@]}" --format "$format" "$tree"
    done
    "$bin" export "${trees[@]}" --format json "$tree" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(n["node"]) for n in d["nodes"]]' >"$scratch/nodes"
    while read -r node; do
        run "show-$tree-$node" show "${trees[@]}" "$tree/$node"
        run "show-json-$tree-$node" show "${trees[@]}" --json "$tree/$node"
    done <"$scratch/nodes"
    run "walk-$tree" walk "${trees[@]}" --json --answer 1 --answer 1 "$tree"
done <"$scratch/trees"
# Plain-mode transcripts: scripted answers, including back, home, help and an invalid answer.
i=0
for script in $'1\n1\n' $'2\n1\n' $'1\nb\n2\n' $'g\n1\n' $'?\nq\n' $'9\n1\n1\n' $'/rucio\n1\n' $'1\nh\n2\n1\n'; do
    i=$((i + 1))
    status=0
    printf '%s' "$script" | "$bin" --plain "${trees[@]}" >"$out/plain-$i.out" 2>"$out/plain-$i.err" || status=$?
    echo "$status" >"$out/plain-$i.status"
done
