#!/usr/bin/env bash
# Runs each fuzz target for FUZZ_SECONDS (or until FUZZ_RUNS inputs, if set, within FUZZ_SECONDS),
# one after another, and writes a summary table.
# Usage: run.sh BINARY RESULTS_FILE TARGET...   (see `make fuzz`; run from the repository root)
set -uo pipefail
binary=$1 results=$2
shift 2
seconds=${FUZZ_SECONDS:-60}
runs_limit=${FUZZ_RUNS:-}
scratch=.build-fuzz/work
# Swift's backtracer would pause every crash report; libFuzzer and ASan print their own.
export SWIFT_BACKTRACE=enable=no

# Seeds: the committed corpus, plus the trees and malformed fixtures themselves for the loader and
# the YAML scanners (read in place so they cannot drift from a copy).
seeds() {
    case $1 in
        loader|split|yaml) echo "Tests/Fuzz/corpus/loader trees Tests/Fixtures/malformed" ;;
        *) echo "Tests/Fuzz/corpus/$1" ;;
    esac
}
options() {
    case $1 in
        loader|split|yaml) echo "-dict=Tests/Fuzz/yaml.dict -max_len=16384" ;;
        sanitizer) echo "-max_len=4096" ;;
        urls) echo "-max_len=512" ;;
        search) echo "-max_len=256" ;;
        cache|snapshot) echo "-max_len=96" ;;
    esac
}
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }

failed=0
{
    echo "# Fuzzing results"
    echo
    echo "\`make fuzz\` with FUZZ_SECONDS=$seconds${runs_limit:+ and FUZZ_RUNS=$runs_limit}, targets one after another; release build with libFuzzer and"
    echo "AddressSanitizer, $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(nproc) cores."
    echo
    echo "| target | seconds | executions | exec/s | peak RSS | result |"
    echo "|---|---|---|---|---|---|"
} > "$results.tmp"
for target in "$@"; do
    corpus=$scratch/corpus/$target artifacts=$scratch/artifacts/$target/ log=$scratch/$target.log
    mkdir -p "$corpus" "$artifacts"
    # New inputs go to the first directory, the scratch corpus; the committed seeds stay as they are.
    # shellcheck disable=SC2046
    started=$SECONDS
    "$binary" "$target" -max_total_time="$seconds" ${runs_limit:+-runs=$runs_limit} -timeout=1 -rss_limit_mb=512 -print_final_stats=1 \
        -artifact_prefix="$artifacts" $(options "$target") "$corpus" $(seeds "$target") > "$log" 2>&1
    status=$?
    elapsed=$((SECONDS - started))
    runs=$(stat number_of_executed_units "$log") rate=$(stat average_exec_per_sec "$log") rss=$(stat peak_rss_mb "$log")
    found=$(ls "$artifacts" 2>/dev/null | sed 's/-.*//' | sort -u | paste -sd, -)
    if [ "$status" = 0 ] && [ -z "$found" ]; then result="no crash, timeout or oom"; else result="FOUND ${found:-exit $status} (see $log)"; failed=1; fi
    line="| $target | $elapsed | ${runs:-?} | ${rate:-?} | ${rss:-?} MB | $result |"
    echo "$line" >> "$results.tmp"
    echo "fuzz $target: ${runs:-?} executions in ${elapsed}s, ${rate:-?} exec/s, peak RSS ${rss:-?} MB: $result"
    if [ "$result" != "no crash, timeout or oom" ]; then
        # CI keeps only what is printed: show the report and the input, so the failure can be replayed.
        echo "---- end of $log:"
        grep -v -e '^#[0-9]' -e '^INFO:' "$log" | tail -60
        for artifact in "$artifacts"*; do
            [ -f "$artifact" ] || continue
            echo "---- $artifact as base64 (replay: base64 -d > input; $binary $target input):"
            head -c 65536 "$artifact" | base64 -w 0
            echo
        done
    fi
done
# A run of some targets keeps the other targets' rows from the previous results.
if [ -f "$results" ]; then
    kept=0
    while IFS= read -r row; do
        name=$(echo "$row" | cut -d'|' -f2 | tr -d ' ')
        case " $* target --- " in *" $name "*) continue ;; esac
        echo "$row" >> "$results.tmp"
        kept=1
    done < <(grep '^| ' "$results")
    [ "$kept" = 1 ] && printf '\nOnly %s ran this time; the other rows are kept from the previous results.\n' "$*" >> "$results.tmp"
fi
mv "$results.tmp" "$results"
exit $failed
