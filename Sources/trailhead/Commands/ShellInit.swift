import ArgumentParser
import TrailheadCore

/// `trailhead shell-init SHELL`: prints the key binding snippet for a shell's rc file.
struct ShellInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell-init",
        abstract: "Print a snippet that binds \(ShellWidget.keyDescription) to open Trailhead and put the chosen command in your prompt.",
        discussion: """
        bash: add  eval "$(trailhead shell-init bash)"  to ~/.bashrc
        zsh:  add  eval "$(trailhead shell-init zsh)"   to ~/.zshrc
        fish: add  trailhead shell-init fish | source   to ~/.config/fish/config.fish
        The command is inserted at the cursor, never run: press Enter yourself after reading it.
        """)

    @Argument(help: "bash, zsh or fish.")
    var shell: String

    func run() throws {
        guard let kind = ShellWidget.Shell(rawValue: shell) else {
            throw ValidationError("unknown shell '\(TextSanitizer.line(shell))'; choose bash, zsh or fish")
        }
        print(ShellWidget.snippet(for: kind), terminator: "")
    }
}
