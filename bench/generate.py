#!/usr/bin/env python3
"""Writes a deterministic synthetic catalog of Trailhead trees for the benchmark.

Usage: generate.py OUTDIR NODES [NODES_PER_FILE]

Each file is one valid tree: a start question, layers of questions, and resource leaves
with realistic titles, body text, tags, commands with placeholders and links. The same
arguments always produce the same bytes (a fixed-seed generator, no dates, no hashing).
Also writes OUTDIR.lines: one line per node with the same text, for fzf.
"""
import os
import random
import sys

WORDS = """rucio dataset scope download upload replica rule storage element token certificate proxy
voms iam account group jupyterhub notebook kernel binder reana workflow serial yadage snakemake
cwl container apptainer docker image registry zenodo community software release codemeta
metadata archive astronomy survey catalogue telescope array detector neutrino gamma cosmic ray
dark matter higgs boson photon lepton analysis histogram fit likelihood simulation calibration
pipeline batch slurm queue partition node cluster login scratch quota home project share
transfer rsync globus ftp checksum adler32 lifetime expiration subscription monitoring grafana
dashboard alert status incident support ticket mattermost channel indico meeting agenda
training tutorial documentation onboarding policy licence citation doi persistent identifier
python conda environment module spack compiler gcc cuda gpu mpi openmp performance profile
""".split()
VERBS = "find get set up configure install check list show download upload share publish run submit monitor fix cite read join request renew convert".split()
HOSTS = ["vre-hub.github.io", "rucio.cern.ch", "opendata.cern.ch", "zenodo.org", "docs.reana.io",
         "indico.cern.ch", "iam-escape.cloud.cnaf.infn.it", "jhub-vre.cern.ch", "mybinder.org", "gitlab.in2p3.fr"]
TOOLS = ["rucio", "reana-client", "apptainer", "sbatch", "squeue", "module", "rsync", "voms-proxy-init", "git", "pip"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def title(rng):
    return f"{rng.choice(VERBS).capitalize()} {rng.choice(WORDS)} {rng.choice(WORDS)}"


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_tree(path, lines_out, tree_id, nodes, rng):
    out = [f"format: 1", f"id: {tree_id}", f"title: {quote('Synthetic ' + tree_id)}",
           f"description: {quote(sentence(rng, 12))}", "start: n0", "nodes:"]
    # Node 0..q-1 are questions (each with up to 6 choices), the rest resources.
    questions = max(1, (nodes - 1 + 5) // 6)
    for index in range(nodes):
        node_id = f"n{index}"
        if index < questions:
            children = [c for c in range(index * 6 + 1, index * 6 + 7) if c < nodes]
            if not children:
                children = [questions + (index % max(1, nodes - questions))]
            text = f"What do you want to {rng.choice(VERBS)} with {rng.choice(WORDS)} {rng.choice(WORDS)}?"
            out += [f"  {node_id}:", f"    question: {quote(text)}", f"    explain: {quote(sentence(rng, 14))}", "    choices:"]
            labels = []
            for child in children:
                label = title(rng)
                hint = sentence(rng, 5)
                labels.append(label + " " + hint)
                out += [f"      - label: {quote(label)}", f"        hint: {quote(hint)}", f"        goto: n{child}"]
            lines_out.append(f"{tree_id}/{node_id}\t{text} {' '.join(labels)}")
        else:
            heading = title(rng)
            body = " ".join(sentence(rng, rng.randint(5, 9)) for _ in range(2))
            tags = [rng.choice(WORDS) for _ in range(3)]
            tool = rng.choice(TOOLS)
            command = f"{tool} {rng.choice(WORDS)} --{rng.choice(WORDS)} {{name}}"
            url = f"https://{rng.choice(HOSTS)}/{rng.choice(WORDS)}/{rng.choice(WORDS)}"
            out += [f"  {node_id}:", f"    title: {quote(heading)}", f"    body: {quote(body)}",
                    f"    tags: [{', '.join(tags)}]",
                    "    links:", f"      - url: {url}", f"        label: {quote(rng.choice(WORDS).capitalize() + ' documentation')}",
                    "    commands:", f"      - run: {quote(command)}", f"        does: {quote(sentence(rng, 6))}",
                    "        placeholders:", "          name: {prompt: \"Name\", pattern: '^\\S+$'}"]
            lines_out.append(f"{tree_id}/{node_id}\t{heading} {body} {' '.join(tags)} {command} {url}")
    with open(path, "w") as handle:
        handle.write("\n".join(out) + "\n")


def main():
    outdir, total = sys.argv[1], int(sys.argv[2])
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(20261126)
    lines = []
    for number in range((total + per_file - 1) // per_file):
        count = min(per_file, total - number * per_file)
        write_tree(os.path.join(outdir, f"synthetic-{number:03d}.yaml"), lines, f"synthetic-{number:03d}", count, rng)
    with open(outdir.rstrip("/") + ".lines", "w") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
