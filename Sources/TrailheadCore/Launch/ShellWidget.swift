/// Snippets that bind a key in the user's shell to open Trailhead and put the chosen command
/// into the prompt line, unexecuted, ready to edit.
public enum ShellWidget {
    public enum Shell: String, CaseIterable, Sendable {
        case bash, zsh, fish
    }

    /// The key the widgets bind: Ctrl-G, which no common shell setup uses for editing
    /// (readline's "abort" is also on Esc and Ctrl-C; zsh's send-break likewise). navi uses it too.
    public static let keyDescription = "Ctrl-G"

    public static func snippet(for shell: Shell, executable: String = "trailhead") -> String {
        let command = ShellQuoting.quote(executable)
        switch shell {
        case .bash:
            return """
            # Trailhead: press Ctrl-G to pick a command; it is inserted at the cursor, not run.
            # Add to ~/.bashrc:  eval "$(trailhead shell-init bash)"
            __trailhead_widget() {
              local chosen
              chosen="$(\(command) --print </dev/tty)" || return
              READLINE_LINE="${READLINE_LINE:0:$READLINE_POINT}${chosen}${READLINE_LINE:$READLINE_POINT}"
              READLINE_POINT=$(( READLINE_POINT + ${#chosen} ))
            }
            bind -m emacs-standard -x '"\\C-g": __trailhead_widget'
            bind -m vi-insert -x '"\\C-g": __trailhead_widget'

            """
        case .zsh:
            return """
            # Trailhead: press Ctrl-G to pick a command; it is inserted at the cursor, not run.
            # Add to ~/.zshrc:  eval "$(trailhead shell-init zsh)"
            trailhead-widget() {
              local chosen
              chosen="$(\(command) --print </dev/tty)"
              if [[ -n $chosen ]]; then
                LBUFFER="${LBUFFER}${chosen}"
              fi
              zle reset-prompt
            }
            zle -N trailhead-widget
            bindkey -M emacs '^G' trailhead-widget
            bindkey -M viins '^G' trailhead-widget

            """
        case .fish:
            return """
            # Trailhead: press Ctrl-G to pick a command; it is inserted at the cursor, not run.
            # Add to ~/.config/fish/config.fish:  trailhead shell-init fish | source
            function trailhead_widget
                set -l chosen (\(command) --print </dev/tty | string collect)
                and commandline --insert -- $chosen
                commandline --function repaint
            end
            bind \\cg trailhead_widget
            bind --mode insert \\cg trailhead_widget 2>/dev/null

            """
        }
    }
}
