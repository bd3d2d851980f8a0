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


def run(arguments, log):
    with open(log, "w") as handle:
        return subprocess.run(arguments, cwd=ROOT, env=ENV, stdout=handle, stderr=subprocess.STDOUT).returncode


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
                         os.path.join(logs, mutant["id"] + ".test.log")) if built else None
        finally:
            with open(path, "w") as handle:
                handle.write(original)
        if not built:
            verdict = "did not build"
        elif tested != 0:
            verdict = "killed"
        else:
            verdict = "SURVIVED"
        failures += verdict != "killed"
        seconds = time.time() - begun
        print(f"[{number}/{len(mutants)}] {mutant['id']}: {verdict} ({seconds:.0f} s)", flush=True)
        rows.append(f"| {mutant['id']} | {mutant['area']} | {mutant['why']} | `{mutant['tests']}` | {verdict} |")
    # Leave the build as the source is.
    run([SWIFT, "build", "--build-tests"], os.path.join(logs, "restore.build.log"))
    minutes = (time.time() - started) / 60
    killed = len(mutants) - failures
    report = [
        "# Mutants",
        "",
        f"Written by `make mutants`: {killed} of {len(mutants)} planted bugs killed in {minutes:.0f} min",
        f"({os.cpu_count()} cores). Each is planted alone, the package built, and only the tests named run.",
        "",
        "| mutant | area | the bug | tests | result |",
        "|---|---|---|---|---|",
    ] + rows
    if not wanted:
        with open(os.path.join(ROOT, "Tests", "Mutants", "RESULTS.md"), "w") as handle:
            handle.write("\n".join(report) + "\n")
    print(f"{killed}/{len(mutants)} killed in {minutes:.1f} min")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
