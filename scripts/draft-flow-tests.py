#!/usr/bin/env python3
"""Drafts a flow-test file for a tree: one scenario per resource, walking the answers on the path
`trailhead export --format json` gives it (or searching its title when the path uses see-also),
expecting the walk to end there. Usage: draft-flow-tests.py TRAILHEAD TREES_DIR TREE > FILE.
A draft: review it, then add `shows`/`hides` expectations for the facts that matter."""
import json, subprocess, sys

binary, trees, tree = sys.argv[1:4]
exported = json.loads(subprocess.run(
    [binary, "export", "--no-default-trees", "--trees", trees, "--format", "json", tree],
    check=True, capture_output=True, text=True).stdout)

def quoted(text):
    return json.dumps(text, ensure_ascii=False)

print("scenarios:")
for node in exported["nodes"]:
    if node["kind"] != "resource":
        continue
    path = node["path"] or []
    print(f"  - name: {quoted('reaches ' + node['node'])}")
    print(f"    start: {tree}")
    if all(step["answer"] is not None for step in path):
        answers = ", ".join(quoted(step["answer"]) for step in path)
        print(f"    answers: [{answers}]")
    else:
        print(f"    search: {quoted(node['title'])}")
    print(f"    expect:")
    print(f"      ends-at: {node['node']}")
