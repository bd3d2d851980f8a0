#!/usr/bin/env python3
# Writes the NAME.yaml files of this corpus (not the .expected files).
# Usage: python3 make-fixtures.py [NAME ...]   (no names: all fixtures)
# Most fixtures are small enough to edit by hand; this script matters for the
# byte-level ones (raw-control-char, invalid-utf8, bom-valid, crlf-valid,
# empty-file, deep-flow-nesting, too-deep-block, alias-bomb).
import os, sys
OUT = os.path.dirname(os.path.abspath(__file__))
F = {}   # name -> bytes
EXPECT_RC = {}  # name -> expected exit code of validate

def t(name, text, rc=1):
    F[name] = text.encode("utf-8") if isinstance(text, str) else text
    EXPECT_RC[name] = rc

HEAD = """format: 1
id: fixture
title: Fixture tree
description: A tiny tree used by the malformed-file tests.
start: start
"""
def std(comment, nodes, head=HEAD, rc=1):
    return ("# fixture: %s\n" % comment) + head + "nodes:\n" + nodes

START = """  start:
    question: What do you need?
    choices:
      - label: Help
        goto: help
"""
HELP = """  help:
    title: Getting help
    body: Ask the service desk.
"""

# ---------------------------------------------------------------- syntax
t("syntax-unclosed-quote", std("the double-quoted title is never closed",
    START + HELP, head=HEAD.replace("title: Fixture tree", 'title: "Fixture tree')))
t("syntax-bad-indent", std("the choices key is indented 3 spaces instead of 4",
    START.replace("    choices:", "   choices:") + HELP))
t("syntax-tab-indent", std("a tab is used to indent the body key",
    START + HELP.replace("    body:", "\tbody:")))

# ---------------------------------------------------------------- keys
t("unknown-top-key", std("top-level key 'title' is misspelt 'titel'",
    START + HELP, head=HEAD.replace("title:", "titel:")))
t("unknown-node-key", std("question key 'choices' is misspelt 'choises'",
    START.replace("choices:", "choises:") + HELP))
t("resource-key-in-question", std("a question node has 'body', a resource-only key",
    START.replace("    choices:", "    body: Pick the closest answer.\n    choices:") + HELP))
t("unknown-choice-key", std("choice key 'hint' is misspelt 'hnit'",
    START.replace("        goto: help", "        hnit: The service desk\n        goto: help") + HELP))

# ---------------------------------------------------------------- top level
t("missing-format", std("the required 'format' key is missing",
    START + HELP, head=HEAD.replace("format: 1\n", "")))
t("unsupported-format", std("format is 2; only 1 is supported",
    START + HELP, head=HEAD.replace("format: 1", "format: 2")))
t("format-not-number", std('format is the string "1", not the number 1',
    START + HELP, head=HEAD.replace("format: 1", 'format: "1"')))
t("missing-id", std("the required 'id' key is missing",
    START + HELP, head=HEAD.replace("id: fixture\n", "")))
t("bad-tree-id", std("the tree id has uppercase letters",
    START + HELP, head=HEAD.replace("id: fixture", "id: Fixture")))
t("missing-start", std("the required 'start' key is missing",
    START + HELP, head=HEAD.replace("start: start\n", "")))
t("undefined-start", std("start names 'strat', a typo of the node 'start'",
    START + HELP, head=HEAD.replace("start: start", "start: strat")))
t("missing-nodes", "# fixture: the required 'nodes' key is missing\n" + HEAD)
t("nodes-not-mapping", std("nodes is a list instead of a mapping of id -> node",
    """  - start:
      question: What do you need?
      choices:
        - label: Help
          goto: help
  - help:
      title: Getting help
      body: Ask the service desk.
"""))

# ---------------------------------------------------------------- nodes
t("node-both-question-and-title", std("a node has both 'question' and 'title'",
    START.replace("    question:", "    title: Start here\n    question:") + HELP))
t("node-neither", std("the node 'help' has neither 'question' nor 'title'",
    START + HELP.replace("    title: Getting help\n", "")))
t("question-no-choices", std("the question 'more' has an empty choices list",
    START + """      - label: Something else
        goto: more
  more:
    question: What else do you need?
    choices: []
""" + HELP))
t("question-missing-choices", std("the question 'more' has no 'choices' key",
    START + """      - label: Something else
        goto: more
  more:
    question: What else do you need?
""" + HELP))

# ---------------------------------------------------------------- choices
t("choice-goto-and-node", std("a choice has both 'goto' and 'node'",
    START + """      - label: Other
        goto: help
        node:
          title: Other help
          body: Ask a colleague.
""" + HELP))
t("choice-no-target", std("a choice has neither 'goto' nor 'node'",
    START + """      - label: Other
        hint: This choice leads nowhere
""" + HELP))
t("empty-label", std("a choice label is the empty string",
    START + """      - label: ""
        goto: help
""" + HELP))

# ---------------------------------------------------------------- references
t("dangling-goto", std("goto 'hlep' is a typo of the node 'help'",
    START + """      - label: More help
        goto: hlep
""" + HELP))
t("dangling-see-also", std("see-also names a node that does not exist",
    START + HELP + "    see-also: [nowhere]\n"))
t("dangling-cross-tree", std("goto names a node in a tree that is not loaded",
    START + """      - label: Other tree
        goto: other-tree/x
""" + HELP))
t("bad-reference", std("goto 'a/b/c' has two slashes; a reference is node or tree/node",
    START + """      - label: Somewhere
        goto: a/b/c
""" + HELP))
t("duplicate-node-id", std("an inline node's explicit id 'help' clashes with the named node 'help'",
    START + """      - label: Other
        node:
          id: help
          title: Other help
          body: Ask a colleague.
""" + HELP))
t("duplicate-key", std("the node 'help' has the key 'title' twice",
    START + HELP + "    title: Getting help again\n"))
t("cycle-trap", std("questions 'loop-a' and 'loop-b' lead only to each other: no resource is reachable from them",
    START + """      - label: Go round
        goto: loop-a
  loop-a:
    question: Loop A?
    choices:
      - label: To B
        goto: loop-b
  loop-b:
    question: Loop B?
    choices:
      - label: To A
        goto: loop-a
""" + HELP))
t("unreachable-node", std("the resource 'orphan' is not reachable from start (warning only)",
    START + HELP + """  orphan:
    title: Nobody links here
    body: This node can't be reached.
"""), rc=0)
t("resource-offers-nothing", std("the resource 'help' has only a title (dead end)",
    START + HELP.replace("    body: Ask the service desk.\n", "")))

# ---------------------------------------------------------------- URLs
def link(comment, url):
    return std(comment, START + HELP + "    links:\n      - url: %s\n        label: The link\n" % url)
t("url-bad-scheme", link("a link uses the javascript: scheme", "'javascript:alert(1)'"))
t("url-file-scheme", link("a link uses the file: scheme", "file:///etc/passwd"))
t("url-no-scheme", link("a link has no scheme", "www.example.org/help"))
t("url-lookalike-host", link("a link's host mixes Latin letters with a Cyrillic one that looks like 'e'", "https://indico.c\u0435rn.ch/"), rc=0)
t("url-with-space", link("a link URL contains a space", "https://example.org/my page"))
t("mailto-no-address", link("a mailto: link has no address", "'mailto:?subject=Help'"))
t("feedback-bad-scheme", std("feedback uses the ftp: scheme",
    START + HELP, head=HEAD + "feedback: ftp://example.org/feedback/{tree}\n"))

# ---------------------------------------------------------------- text rules
t("control-char-escaped", std("a double-quoted title contains escaped control characters (ESC, BEL)",
    START + HELP.replace("title: Getting help", 'title: "Getting help\\e]0;pwned\\a"')))
t("bidi-override", std("a choice label contains U+202E RIGHT-TO-LEFT OVERRIDE",
    START.replace("label: Help", "label: Help \u202eplh") + HELP))
t("zero-width", std("a resource title contains U+200B ZERO WIDTH SPACE",
    START + HELP.replace("title: Getting help", "title: Getting\u200bhelp")))
t("raw-control-char", (std("a plain scalar (the help title) contains a raw ESC byte (0x1B)",
    START + HELP.replace("title: Getting help", "title: Getting\x1bhelp"))).encode())
inv = std("line 4 (the title) contains the byte 0xFF, which is not UTF-8", START + HELP).encode()
inv = inv.replace(b"title: Fixture tree", b"title: Fixture\xff tree")
t("invalid-utf8", inv)
t("bom-valid", b"\xef\xbb\xbf" + (HEAD + "nodes:\n" + START + HELP).encode(), rc=0)
t("crlf-valid", std("valid tree with CRLF line ends (expect no diagnostics)",
    START + HELP).replace("\n", "\r\n"), rc=0)

# ---------------------------------------------------------------- document shape
t("empty-file", b"")
t("only-comment", "# fixture: the file has only a comment, no tree\n")
t("multiple-documents", "# fixture: the file has two YAML documents (--- twice)\n---\n" + HEAD + "nodes:\n" + START + HELP
  + "---\nformat: 1\nid: second\n")
t("top-level-list", "# fixture: the top level is a list, not a mapping\n"
  + "- format: 1\n  id: fixture\n  title: Fixture tree\n  description: A tiny tree.\n  start: help\n"
  + "  nodes:\n    help:\n      title: Getting help\n      body: Ask the service desk.\n")
t("alias", std("the tags of 'start' are an alias of the tags of 'help', whose anchor comes after it",
    START.replace("    choices:", "    tags: *common\n    choices:")
    + HELP + "    tags: &common [support, help]\n"))
bomb = "    tags:\n      - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for prev, cur in zip("abcdefgh", "bcdefghi"):
    bomb += "      - &%s [%s]\n" % (cur, ", ".join(["*" + prev] * 9))
t("alias-bomb", std("'billion laughs': anchors a..i each a list of 9 aliases of the previous one",
    START + HELP + bomb))
t("deep-flow-nesting", ("# fixture: the title is 100000 nested flow lists ([[[...]]])\n" + HEAD.replace(
    "title: Fixture tree", "title: " + "[" * 100000 + "]" * 100000) + "nodes:\n" + START + HELP))
deep = "    body:\n"
for i in range(70):
    deep += "  " * (i + 3) + "k%d:\n" % (i + 1)
deep = deep.rstrip(":\n") + ": bottom\n"
t("too-deep-block", std("the body of 'help' is 70 nested block mappings (limit is 64 levels)",
    START + """  help:
    title: Getting help
""" + deep))

# ---------------------------------------------------------------- commands
def cmd(comment, c):
    return std(comment, START + HELP + "    commands:\n" + c)
t("placeholder-unused", cmd("placeholder 'dir' is declared but not used in run", """      - run: ls -l
        does: Lists files.
        placeholders:
          dir:
            prompt: Which folder?
"""))
t("placeholder-bad-pattern", cmd("placeholder pattern '[a-' is not a valid regular expression", """      - run: ls -l {dir}
        does: Lists files.
        placeholders:
          dir:
            prompt: Which folder?
            pattern: '[a-'
"""))
t("placeholder-default-mismatch", cmd("placeholder default 'abc' does not match its pattern '[0-9]+'", """      - run: scancel {jobid}
        does: Cancels a job.
        placeholders:
          jobid:
            prompt: Job number
            default: abc
            pattern: '[0-9]+'
"""))
t("placeholder-explosive-pattern", cmd("the pattern nests repetition; matching the default against it would take hours", """      - run: echo {name}
        does: Prints a name.
        placeholders:
          name:
            prompt: Your name
            default: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"
            pattern: '^(a+)+$'
"""))
t("placeholder-bad-name", cmd("placeholder name 'Scope' has an uppercase letter", """      - run: rucio list-dids {Scope}
        does: Lists datasets.
        placeholders:
          Scope:
            prompt: Which scope?
"""))
t("multiline-command-undeclared", cmd("run has a line break but no 'multiline: true'", """      - run: |-
          cd /tmp
          ls -l
        does: Lists files in /tmp.
"""))

# ---------------------------------------------------------------- types
t("wrong-type-label", std("a choice label is a list instead of a string",
    START.replace("label: Help", "label: [Help, Me]") + HELP))
t("wrong-type-tags", std("tags is a mapping instead of a list",
    START + HELP + "    tags: {support: 1}\n"))
t("complex-key", std("a mapping is used as a key (? {a: 1})",
    START + HELP, head=HEAD + "? {a: 1}\n: x\n"))

# ---------------------------------------------------------------- limits: at the limit loads, one past is refused
def chain(levels, leaf):
    """`levels` inline questions nested under start, ending in a resource whose tags are `leaf`.
    The resource's mapping is at depth 3 + 3 * levels (root, nodes, start, then choices, choice,
    node per level) and its tags list one deeper."""
    out, indent = "", "  "
    out += indent + "start:\n"
    for level in range(levels):
        pad = indent + "  " * (3 * level)
        out += pad + "  question: Level %d?\n" % (level + 1)
        out += pad + "  choices:\n"
        out += pad + "    - label: Deeper\n"
        out += pad + "      node:\n"
    pad = indent + "  " * (3 * levels)
    out += pad + "  title: The bottom\n"
    out += pad + "  body: You reached it.\n"
    out += pad + "  tags: %s\n" % leaf
    return out
t("depth-at-limit", std("64 levels of nesting, the most allowed: 20 nested inline questions, the last resource's tags at level 64",
    chain(20, "[deep]")), rc=0)
t("depth-past-limit", std("65 levels of nesting, one past the limit: as depth-at-limit, with the tags inside one more list",
    chain(20, "[[deep]]")))
ID64 = "a" + "b" * 63
t("tree-id-at-limit", std("the tree id is 64 characters, the most allowed",
    START + HELP, head=HEAD.replace("id: fixture", "id: " + ID64)), rc=0)
t("tree-id-past-limit", std("the tree id is 65 characters, one past the limit",
    START + HELP, head=HEAD.replace("id: fixture", "id: " + ID64 + "c")))
NODE64 = "h" + "e" * 63
t("node-id-at-limit", std("the node id 'help' is 64 characters, the most allowed",
    (START + HELP).replace("help:\n", NODE64 + ":\n").replace("goto: help", "goto: " + NODE64)), rc=0)
t("node-id-past-limit", std("the node id 'help' is 65 characters, one past the limit",
    (START + HELP).replace("help:\n", NODE64 + "e:\n").replace("goto: help", "goto: " + NODE64 + "e")))

# ---------------------------------------------------------------- more hostile text
t("c1-csi", std("a label contains U+009B, the one-byte C1 form of ESC [ (raw, as UTF-8 C2 9B)",
    START.replace("label: Help", "label: Help\u009b2J") + HELP))
t("del-char", std("a hint contains a raw DEL (0x7F)",
    START.replace("        goto: help", "        hint: Ask\x7f us\n        goto: help") + HELP))
t("osc52-escaped-body", std("a body plants an OSC 52 clipboard write with YAML escapes; body allows newlines and tabs, not ESC",
    START + HELP.replace("body: Ask the service desk.", 'body: "Ask the desk.\\e]52;c;cm0gLXJmIH4=\\a"')))
t("zero-width-joiner-command", std("a command hides U+200D ZERO WIDTH JOINER between 'rm' and ' -rf'",
    START + HELP + "    commands:\n      - run: \"echo ok; rm\u200d -rf ~/tmp\"\n        does: Looks harmless.\n"))
t("bidi-isolate-command", std("a multi-line command contains U+2066 LEFT-TO-RIGHT ISOLATE (multiline does not allow bidi)",
    START + HELP + "    commands:\n      - run: |-\n          echo one\n          echo \u2066two\n        multiline: true\n        does: Echoes.\n"))
t("tab-in-command", std("a one-line command contains a tab; tabs are allowed only in a multiline command",
    START + HELP + "    commands:\n      - run: \"ls\\t-l\"\n        does: Lists files.\n"))
t("escaped-newline-in-label", std("a double-quoted label contains an escaped line break",
    START.replace("label: Help", 'label: "Help\\nme"') + HELP))

# ---------------------------------------------------------------- found by fuzzing
t("overlay-empty-overrides", "# fixture: an overlay names no tree ('overrides:' has no value; found by make fuzz)\n"
  "format: 1\noverrides:\n")

if __name__ == "__main__":
    only = set(sys.argv[1:])
    for name, data in F.items():
        if only and name not in only:
            continue
        with open(os.path.join(OUT, name + ".yaml"), "wb") as f:
            f.write(data)
    print("wrote", len(only) if only else len(F), "fixtures")
