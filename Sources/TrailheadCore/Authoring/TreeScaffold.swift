/// The starting file `trailhead new` writes: a small, commented tree that validates cleanly.
public enum TreeScaffold {
    /// Tree ids follow the format's rule: lowercase letters, digits and `-`, at most 64 characters.
    public static func isValidID(_ id: String) -> Bool {
        TreeDecoder.isValidTreeID(id)
    }

    /// The tree file for `id`, which must satisfy `isValidID`.
    public static func yaml(for id: String) -> String {
        """
        # A Trailhead tree: a newcomer starts at `start` and answers one question at a time
        # until they reach a resource. The format is in docs/tree-format.md; docs/authoring.md
        # shows how to check, preview and send in a change.
        #
        #   trailhead validate \(id).yaml            must report 0 errors and 0 warnings
        #   trailhead --trees \(id).yaml \(id)    walk it as a newcomer would
        format: 1
        id: \(id)
        title: Replace with what this guide helps people do
        description: Replace with one or two sentences on who this guide is for and what it covers.
        start: start
        # Where "this didn't help me" goes; {tree}, {node}, {path} and {version} are filled in.
        feedback: mailto:support@example.org?subject=Trailhead%20{tree}%2F{node}&body=Path%3A%20{path}
        # Who keeps this guide true, and the day it was last checked against its sources (YYYY-MM-DD).
        # A node may have its own; `trailhead validate --max-age 365` lists nodes due for review.
        # owner: {name: Your team, contact: "mailto:support@example.org?subject={tree}%2F{node}"}
        # reviewed: 2026-12-06
        # Words search treats as one, in groups: a newcomer who types one finds nodes with the others.
        # aliases:
        #   - [login, ssh]
        nodes:
          # The first question. Ask about the newcomer's situation, not about tools they may not know yet.
          start:
            question: What do you want to do first?
            explain: Replace these choices with the answers your newcomers would give.
            choices:
              - label: Log in for the first time
                hint: Each answer leads to a node with `goto`
                goto: first-login
                # An answer for some machines only: when: env SLURM_CLUSTER_NAME
              - label: Read the documentation
                # A short leaf used only once can be written in place, under `node:`.
                node:
                  title: The documentation
                  body: |
                    Say where the documentation lives and which page to read first.
                  links:
                    - url: https://docs.example.org/
                      label: Documentation home

          # A resource ends a walk: explain, link, and offer ready-to-run commands.
          first-login:
            title: Log in for the first time
            tags: [ssh, login]
            # Error messages this node answers, as the program prints them; * stands for any text.
            errors:
              - "Permission denied (publickey"
            body: |
              Explain what the newcomer needs before they start. Separate paragraphs
              with one blank line; Trailhead re-wraps them to the window. Write names
              such as `~/.ssh/config` as inline code.

              A file to write goes in a code block, shown as written and copied whole:

              ```
              Host login
                  HostName login.example.org
              ```

              ::: note
              Commands are shown and copied, never run by Trailhead.
              :::

              ::: when command kinit
              A section for some machines only; here, those with Kerberos.
              :::
            links:
              - url: https://docs.example.org/first-login
                label: First login guide
            commands:
              # {user} is a placeholder: it is asked for, checked against `pattern` and quoted.
              - run: ssh {user}@login.example.org
                does: Logs in to the login node.
                # A command for some machines only says so, and is hidden elsewhere (v shows it):
                # when: ssh >= 8.0     (or: command NAME, file PATH, env NAME)
                placeholders:
                  user:
                    prompt: Your user name
                    pattern: '[a-z][a-z0-9_-]*'

        """
    }
}
