import Foundation
import Testing
import TrailheadCore

/// A quoted value must come back unchanged as one word from every shell the widgets support.
struct ShellQuotingRoundTripTests {
    static let values = [
        "plain", "two words", "it's", "a\\b", "ends with a backslash\\", "\\'", "a\\\\b", "$(id)", "`id`",
        "; rm -rf ~ #", "=ls", "%self", "x{a,b}", "x'\u{301}; id #", "tab\there", "new\nline", "--help", "*?[]{}~!", "ünïcødé ✓", "",
    ]

    static let shells = ["/bin/sh", "/bin/bash", "/usr/bin/zsh", "/usr/bin/fish"].filter { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(arguments: shells)
    func everyValueIsOneUnchangedWord(shell: String) throws {
        let directory = try CLIRunner.treeDirectory([:])
        for value in Self.values {
            // printf prints its first argument exactly, then a marker that shows how many words there were.
            let printed = try PlaceholderContextRoundTripTests.run("printf '%s|' " + ShellQuoting.quote(value), in: shell, directory: directory)
            #expect(printed == value + "|", "\(shell) read \(ShellQuoting.quote(value).debugDescription) as \(printed.debugDescription)")
        }
    }

    /// Every printable ASCII character outside the documented safe set (letters, digits and
    /// `_ @ % + = : , . / -`), between two letters, comes back as one unchanged word.
    @Test(arguments: shells)
    func everyUnsafeCharacterIsQuoted(shell: String) throws {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
        let unsafe = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) }.filter { !safe.contains($0) }
        #expect(unsafe.count == 23, "\(String(unsafe))")
        let directory = try CLIRunner.treeDirectory([:])
        let values = unsafe.map { "x\($0)y" } + unsafe.map { "a\($0)b\($0)c" }
        // One shell for all the values: each printed between markers, one per line.
        let script = values.map { "printf '<%s>\\n' " + ShellQuoting.quote($0) }.joined(separator: "\n")
        let printed = try PlaceholderContextRoundTripTests.run(script, in: shell, directory: directory)
        #expect(printed == values.map { "<\($0)>\n" }.joined(), "\(shell) read some value as more or other words:\n\(printed)")
    }

    @Test func theTestRunsInEveryWidgetShell() {
        #expect(Self.shells.count == 4, "bash, zsh and fish come with make deps: \(Self.shells)")
    }
}
