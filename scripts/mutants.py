#!/usr/bin/env python3
"""`make mutants`: plants each bug of Tests/Mutants/mutants.json alone, builds, runs the tests
that should catch it, and restores the source. Every planted bug must make its tests fail.

Usage: scripts/mutants.py [ID ...]      (all mutants, or only those named)
Writes Tests/Mutants/RESULTS.md; exits 1 when a mutant survives or does not build.
"""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWIFT = os.environ.get("SWIFT", "swift")
ENV = dict(os.environ, TRAILHEAD_OPTIMIZE_DEBUG="1",
           TRAILHEAD_BIN=os.path.join(ROOT, ".build", "debug", "trailhead"))


# A planted bug may make a test hang: that is a failure too, found after this long.
TEST_SECONDS = 600


def run(arguments, log, timeout=None):
    with open(log, "w") as handle:
        try:
            return subprocess.run(arguments, cwd=ROOT, env=ENV, stdout=handle, stderr=subprocess.STDOUT, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            handle.write(f"\ntimed out after {timeout} s\n")
            return "timed out"


def plant(mutant):
    """Applies the mutant's replacements; returns the file's original text."""
    path = os.path.join(ROOT, mutant["file"])
    with open(path) as handle:
        original = handle.read()
    text = original
    for find, replace in mutant["replace"]:
        if text.count(find) != 1:
            raise SystemExit(f"mutant {mutant['id']}: the text to replace occurs {text.count(find)} times in {mutant['file']}; update mutants.json")
        text = text.replace(find, replace)
    with open(path, "w") as handle:
        handle.write(text)
    return original


RESULTS = os.path.join(ROOT, "Tests", "Mutants", "RESULTS.md")


def write_results(rows, minutes, complete, order):
    """The table of every mutant's latest verdict: a run of some mutants updates their rows."""
    latest = {}
    header_time = f"{minutes:.0f} min"
    if not complete and os.path.exists(RESULTS):
        with open(RESULTS) as handle:
            text = handle.read()
        for line in text.splitlines():
            if line.startswith("| ") and not line.startswith("| mutant"):
                latest[line.split(" | ")[0][2:]] = line
        if "killed in " in text:
            header_time = text.split("killed in ", 1)[1].split(" ", 2)[0] + " min"
    latest.update(dict(rows))
    table = [latest[mutant] for mutant in order if mutant in latest]
    killed = sum(1 for row in table if "| killed" in row)
    report = [
        "# Mutants",
        "",
        f"Written by `make mutants`: {killed} of {len(table)} planted bugs killed in {header_time} for the",
        f"whole set ({os.cpu_count()} cores); a run of some mutants updates their rows. Each is planted",
        "alone, the package built, and only the tests named run.",
        "",
        "| mutant | area | the bug | tests | result |",
        "|---|---|---|---|---|",
    ] + table
    with open(RESULTS, "w") as handle:
        handle.write("\n".join(report) + "\n")


def main():
    with open(os.path.join(ROOT, "Tests", "Mutants", "mutants.json")) as handle:
        mutants = json.load(handle)
    wanted = set(sys.argv[1:])
    if wanted:
        mutants = [m for m in mutants if m["id"] in wanted]
    logs = os.path.join(ROOT, ".build", "mutants")
    os.makedirs(logs, exist_ok=True)
    started = time.time()
    rows, failures = [], 0
    for number, mutant in enumerate(mutants, 1):
        begun = time.time()
        original = plant(mutant)
        path = os.path.join(ROOT, mutant["file"])
        try:
            built = run([SWIFT, "build", "--build-tests"], os.path.join(logs, mutant["id"] + ".build.log")) == 0
            tested = run([SWIFT, "test", "--skip-build", "--filter", mutant["tests"]],
                         os.path.join(logs, mutant["id"] + ".test.log"), timeout=TEST_SECONDS) if built else None
        finally:
            with open(path, "w") as handle:
                handle.write(original)
        if not built:
            verdict = "did not build"
        elif tested == "timed out":
            verdict = "killed (the tests hung)"
        elif tested != 0:
            verdict = "killed"
        else:
            verdict = "SURVIVED"
        failures += not verdict.startswith("killed")
        seconds = time.time() - begun
        print(f"[{number}/{len(mutants)}] {mutant['id']}: {verdict} ({seconds:.0f} s)", flush=True)
        rows.append((mutant["id"], f"| {mutant['id']} | {mutant['area']} | {mutant['why']} | `{mutant['tests'].replace('|', chr(92) + '|')}` | {verdict} |"))
    # Leave the build as the source is.
    run([SWIFT, "build", "--build-tests"], os.path.join(logs, "restore.build.log"))
    minutes = (time.time() - started) / 60
    write_results(rows, minutes, complete=not wanted, order=[m["id"] for m in json.load(open(os.path.join(ROOT, "Tests", "Mutants", "mutants.json")))])
    killed = sum(1 for _, row in rows if "| killed" in row)
    print(f"{killed}/{len(mutants)} killed in {minutes:.1f} min")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
