#!/usr/bin/env python3
"""Writes trailhead(1) from the binary itself: its commands and options (the argument parser's
`--experimental-dump-help`), the interface's keys (`--keys`), and the sections below that no
parser knows. `make generated` rewrites share/man/man1/trailhead.1; a test fails while it is stale.

Usage: scripts/generate-man.py PATH/TO/trailhead > share/man/man1/trailhead.1
"""
import json
import subprocess
import sys


def escape(text):
    """Text for a man(7) line: backslashes and dashes escaped, no line starting with a control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # groff's fonts lack the backspace symbol the interface's help shows.
    text = text.replace("\u232b", "Backspace")
    # Anything beyond ASCII as a groff escape, so no reader depends on the input encoding.
    text = "".join(c if ord(c) < 0x80 else "\\[u%04X]" % ord(c) for c in text)
    return "\\&" + text if text.startswith((".", "'")) else text


def paragraph(text):
    lines = []
    for block in text.strip().split("\n\n"):
        rows = block.split("\n")
        if all(row.startswith("  ") for row in rows):
            lines += [".PP", ".nf"] + [escape(row) for row in rows] + [".fi"]
        else:
            lines += [".PP", escape(" ".join(row.strip() for row in rows))]
    return lines


def option_lines(arguments):
    lines = []
    for argument in arguments:
        if not argument.get("shouldDisplay", True):
            continue
        names = argument.get("names") or []
        value = argument.get("valueName", "")
        if argument["kind"] == "positional":
            label = "\\fI" + escape(value) + "\\fR"
        else:
            spelled = ["-" + n["name"] if n["kind"] == "short" else "--" + n["name"] for n in names]
            label = ", ".join("\\fB" + escape(name) + "\\fR" for name in spelled)
            if argument["kind"] == "option":
                label += " \\fI" + escape(value) + "\\fR"
        lines += [".TP", label, escape(argument.get("abstract", ""))]
        if argument.get("discussion"):
            lines += [".br", escape(argument["discussion"] if isinstance(argument["discussion"], str) else "")]
    return lines


STATIC = {
    "FILES": [
        (".TP", "\\fI$XDG_CONFIG_HOME/trailhead/trees\\fR (default \\fI~/.config/trailhead/trees\\fR)", "Your own trees."),
        (".TP", "\\fItrailhead/trees\\fR under \\fI$XDG_CONFIG_DIRS\\fR and \\fI$XDG_DATA_DIRS\\fR", "A site's trees (for example \\fI/usr/share/trailhead/trees\\fR)."),
        (".TP", "\\fI.trailhead/\\fR", "A project's trees: the nearest one at or above the current directory, when it belongs to you or root and no one else can write to it."),
        (".TP", "\\fIshare/trailhead/trees\\fR beside the binary", "The bundled trees."),
        (".TP", "\\fI$XDG_CACHE_HOME/trailhead\\fR (default \\fI~/.cache/trailhead\\fR)", "The tree cache and search snapshots; safe to delete."),
        (".TP", "\\fI$XDG_STATE_HOME/trailhead\\fR (default \\fI~/.local/state/trailhead\\fR)", "Where you were and what you opened, for \\fBr\\fR and \\fBhistory\\fR."),
    ],
    "ENVIRONMENT": [
        (".TP", "\\fBTRAILHEAD_PATH\\fR", "Colon-separated directories of trees, read before your own and the site's."),
        (".TP", "\\fBTRAILHEAD_NO_CACHE\\fR", "Set to 1 to read every tree from its file."),
        (".TP", "\\fBTRAILHEAD_NO_STATE\\fR", "Set to 1 not to remember where you were (shared accounts)."),
        (".TP", "\\fBNO_COLOR\\fR", "Draw without colour."),
        (".TP", "\\fBTERM\\fR", "\\fBdumb\\fR or unset starts the plain line mode. A type the terminfo database lacks is drawn as its family's common one (\\fBxterm-kitty\\fR as \\fBxterm-256color\\fR); the release binary carries xterm-256color, xterm, screen, tmux, their 256-colour forms, linux, vt100 and dumb, for machines without terminfo."),
        (".TP", "\\fBBROWSER\\fR, \\fBDISPLAY\\fR, \\fBWAYLAND_DISPLAY\\fR, \\fBSSH_CONNECTION\\fR", "Whether a link is opened in a browser or shown to click or copy."),
        (".TP", "\\fBXDG_CONFIG_HOME\\fR, \\fBXDG_CONFIG_DIRS\\fR, \\fBXDG_DATA_DIRS\\fR, \\fBXDG_CACHE_HOME\\fR, \\fBXDG_STATE_HOME\\fR", "Where the files above are."),
    ],
}


def main():
    binary = sys.argv[1]
    tool = json.loads(subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True, check=True).stdout)["command"]
    keys = subprocess.run([binary, "--keys"], capture_output=True, text=True, check=True).stdout
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    name = tool["commandName"]
    out = [
        '.TH TRAILHEAD 1 "" "trailhead %s" "User Commands"' % escape(version),
        ".SH NAME",
        "%s \\- %s" % (name, escape(tool["abstract"].rstrip(".").lower()[0] + tool["abstract"].rstrip(".")[1:])),
        ".SH SYNOPSIS",
        ".B %s" % name,
        "[\\fIoptions\\fR] [\\fItree\\fR[/\\fInode\\fR]]",
        ".br",
        ".B %s" % name,
        "\\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]",
        ".SH DESCRIPTION",
        escape(tool["abstract"]),
    ]
    default = next((sub for sub in tool.get("subcommands", []) if sub["commandName"] == "browse"), None)
    if default:
        out += paragraph(default.get("discussion", ""))
        out += [".SH OPTIONS"] + option_lines(default.get("arguments", []))
    out.append(".SH COMMANDS")
    for sub in tool.get("subcommands", []):
        # browse is the default command, described above; help is the parser's.
        if sub["commandName"] in ("browse", "help"):
            continue
        out += [".SS %s" % escape(sub["commandName"]), escape(sub.get("abstract", ""))]
        if sub.get("discussion"):
            out += paragraph(sub["discussion"])
        arguments = [a for a in sub.get("arguments", []) if a.get("shouldDisplay", True)
                     and a.get("preferredName", {}).get("name") not in ("help", "version")]
        if arguments:
            out += [".RS"] + option_lines(arguments) + [".RE"]
    out.append(".SH KEYS")
    for line in keys.splitlines():
        if not line.startswith("  "):
            out += [".SS %s" % escape(line)]
        else:
            key, _, does = line.strip().partition("\t")
            out += [".TP", "\\fB%s\\fR" % escape(key), escape(does)]
    for section in ["FILES", "ENVIRONMENT"]:
        out.append(".SH " + section)
        for macro, term, text in STATIC[section]:
            out += [macro, term, text]
    root = tool.get("discussion", "")
    status, _, examples = root.partition("Examples:")
    out += [".SH EXIT STATUS"] + paragraph(status.replace("Exit status:", "").strip())
    out += [".SH EXAMPLES", ".nf"] + [escape(row) for row in examples.strip("\n").split("\n")] + [".fi"]
    out += [
        ".SH SEE ALSO",
        "The tree format, authoring guide and JSON shapes: \\fIdocs/tree-format.md\\fR, \\fIdocs/authoring.md\\fR and \\fIdocs/cli.md\\fR in the source tree.",
    ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
