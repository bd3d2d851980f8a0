#!/usr/bin/env python3
"""Runs the shell parts of a CI example (docs/examples) in the current directory, as the CI
system would: GitHub Actions steps one by one (`bash -eo pipefail`, GITHUB_PATH,
GITHUB_STEP_SUMMARY, RUNNER_TEMP, `if: always()`), or a GitLab job's before_script and script
in one `bash -eo pipefail` shell. `uses:` steps and images are not run: the directory stands for
the checked-out repository.

Usage: scripts/run-ci-example.py github|gitlab FILE [NAME=VALUE ...]
NAME=VALUE replaces a variable the file sets (for example where the release is downloaded from).
Exits with the job's status: 0 when it passed, 1 when a step failed.
"""
import os
import subprocess
import sys
import tempfile

import yaml


def shell(script, environment):
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], env=environment).returncode


def github(workflow, overrides, scratch):
    environment = dict(os.environ)
    environment.update({name: str(value) for name, value in (workflow.get("env") or {}).items()})
    environment.update(overrides)
    path_file = os.path.join(scratch, "github-path")
    summary = os.path.join(os.getcwd(), "github-step-summary.md")
    runner_temp = os.path.join(scratch, "runner-temp")
    os.mkdir(runner_temp)
    open(path_file, "w").close()
    environment.update(GITHUB_PATH=path_file, GITHUB_STEP_SUMMARY=summary, RUNNER_TEMP=runner_temp)
    failed = False
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "run" not in step or (failed and "always()" not in str(step.get("if", ""))):
                continue
            with open(path_file) as added:
                prefix = [line.strip() for line in added if line.strip()]
            step_environment = dict(environment, PATH=":".join(list(reversed(prefix)) + [environment["PATH"]]))
            status = shell(step["run"], step_environment)
            print(f"step '{step.get('name', step['run'][:40])}': exit {status}", file=sys.stderr)
            failed = failed or status != 0
    return 1 if failed else 0


def gitlab(pipeline, overrides, scratch):
    environment = dict(os.environ)
    environment.update({name: str(value) for name, value in (pipeline.get("variables") or {}).items()})
    environment.update(overrides)
    environment.update(CI_PROJECT_DIR=os.getcwd(), TMPDIR=scratch)
    failed = False
    for name, job in pipeline.items():
        if not isinstance(job, dict) or "script" not in job:
            continue
        status = shell("\n".join(job.get("before_script", []) + job["script"]), environment)
        print(f"job '{name}': exit {status}", file=sys.stderr)
        failed = failed or status != 0
    return 1 if failed else 0


def main():
    system, path, *assignments = sys.argv[1:]
    overrides = dict(assignment.split("=", 1) for assignment in assignments)
    with open(path) as file:
        document = yaml.safe_load(file)
    with tempfile.TemporaryDirectory(prefix="ci-example-") as scratch:
        return {"github": github, "gitlab": gitlab}[system](document, overrides, scratch)


if __name__ == "__main__":
    sys.exit(main())
