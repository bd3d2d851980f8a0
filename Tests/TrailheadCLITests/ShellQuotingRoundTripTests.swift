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
        for value in Self.values {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: shell)
            // printf prints its first argument exactly, then a marker that shows how many words there were.
            process.arguments = ["-c", "printf '%s|' " + ShellQuoting.quote(value)]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(printed == value + "|", "\(shell) read \(ShellQuoting.quote(value).debugDescription) as \(printed.debugDescription)")
        }
    }

    @Test func theTestRunsInEveryWidgetShell() {
        #expect(Self.shells.count == 4, "bash, zsh and fish come with make deps: \(Self.shells)")
    }
}
