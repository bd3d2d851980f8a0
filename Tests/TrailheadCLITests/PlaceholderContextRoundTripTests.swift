import Foundation
import Testing
import TrailheadCore

/// A value filled into a placeholder stays one literal piece of text wherever the placeholder
/// stands (a word, inside '…' or "…", a here-document), in every shell, and runs nothing.
struct PlaceholderContextRoundTripTests {
    static let hostile = [
        "plain", "two words", "me $(touch MARK)", "`touch MARK`", "a\"b", "it's", "a\\b", "ends\\", "!!", "!-1",
        "${HOME}", "$HOME", "x{a,b}", "=ls", "%self", "~root", "*", "a'\"$`\\!", "--help", "ünïcødé", "",
    ]

    /// A command that prints `pre`, the value, `post` as one argument, for each context.
    static let templates: [(context: String, run: String, shells: [String])] = [
        ("word", "printf '%s|' pre{v}post", ShellQuotingRoundTripTests.shells),
        ("single quotes", "printf '%s|' 'pre{v}post'", ShellQuotingRoundTripTests.shells),
        ("double quotes", "printf '%s|' \"pre{v}post\"", ShellQuotingRoundTripTests.shells),
        ("double quotes, then a word", "printf '%s|' \"pre{v}\"post", ShellQuotingRoundTripTests.shells),
        ("$( ) inside double quotes", "printf '%s|' \"$(printf '%s' pre{v}post)\"", ShellQuotingRoundTripTests.shells.filter { !$0.hasSuffix("fish") }),
        ("here-document", "cat <<EOF\npre{v}post\nEOF", ShellQuotingRoundTripTests.shells.filter { !$0.hasSuffix("fish") }),
        ("quoted here-document", "cat <<'EOF'\npre{v}post\nEOF", ShellQuotingRoundTripTests.shells.filter { !$0.hasSuffix("fish") }),
        ("indented here-document", "cat <<-\"EOF\"\n\tpre{v}post\n\tEOF", ShellQuotingRoundTripTests.shells.filter { !$0.hasSuffix("fish") }),
    ]

    static func command(_ run: String) -> Command {
        Command(
            run: run, does: "Prints it.",
            placeholders: [Placeholder(name: "v", prompt: "V", defaultValue: nil, pattern: nil, location: SourceLocation(file: "t.yaml", line: 1, column: 1))],
            multiline: run.contains("\n"), location: SourceLocation(file: "t.yaml", line: 1, column: 1))
    }

    @Test(arguments: templates.map(\.context))
    func everyHostileValueComesBackUnchangedAndRunsNothing(context: String) throws {
        let template = try #require(Self.templates.first { $0.context == context })
        let directory = try CLIRunner.treeDirectory([:])
        for value in Self.hostile {
            guard case .success(let line) = PlaceholderFilling.fill(Self.command(template.run), values: ["v": value]) else {
                Issue.record("\(context): \(value.debugDescription) was refused")
                continue
            }
            let expected = template.run.hasPrefix("cat") ? "pre\(value)post\n" : "pre\(value)post|"
            for shell in template.shells {
                let printed = try Self.run(line, in: shell, directory: directory)
                #expect(printed == expected, "\(shell), \(context): \(line.debugDescription) printed \(printed.debugDescription)")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/MARK"), "\(context): \(line) ran a command")
        }
    }

    /// The built binary, attacked as the issue did: the bundled ssh-keygen command with a value
    /// that holds a command substitution, pasted into each shell.
    @Test(arguments: ShellQuotingRoundTripTests.shells)
    func theBundledKeyCommandKeepsAHostileCommentLiteral(shell: String) throws {
        let directory = try CLIRunner.treeDirectory([:])
        let comment = "me $(touch MARK) `touch MARK` ' \\ !"
        let outcome = try CLIRunner.run(["show", "login-node/ssh-keygen", "--command", "1", "--set", "comment=\(comment)"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let line = outcome.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("ssh-keygen -t ed25519 -C "), "\(line)")
        // The shell runs the line with an ssh-keygen that prints its arguments.
        let fake = directory + "/ssh-keygen"
        try Data("#!/bin/sh\nprintf '%s|' \"$@\"\n".utf8).write(to: URL(fileURLWithPath: fake))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let printed = try Self.run(line, in: shell, directory: directory)
        #expect(printed == "-t|ed25519|-C|\(comment)|", "\(shell) read \(line) as \(printed)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/MARK"))
    }

    @Test func aPlaceholderNoQuotingMakesSafeIsRefused() {
        for run in ["echo \\{v}", "echo `echo {v}`", "echo $'a{v}'", "echo ${X:-{v}}", "cat <<EOF\n$(echo {v})\nEOF"] {
            let filled = PlaceholderFilling.fill(Self.command(run), values: ["v": "x"])
            guard case .failure(.unquotable(let name, _)) = filled else {
                Issue.record("\(run.debugDescription) was filled: \(filled)")
                continue
            }
            #expect(name == "v")
        }
    }

    static func run(_ line: String, in shell: String, directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        // A pasted line meets an interactive shell: bash and zsh read it from stdin as one, so
        // history expansion (`!!`, `!-1`) applies, as it does not to `-c`.
        let interactive = shell.hasSuffix("bash") || shell.hasSuffix("zsh")
        process.arguments = shell.hasSuffix("bash") ? ["--norc", "--noprofile", "--noediting", "-i"] : shell.hasSuffix("zsh") ? ["-f", "-i"] : ["-c", line]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "\(directory):/usr/bin:/bin", "HOME": directory, "HISTFILE": "/dev/null"]
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = interactive ? input : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if interactive {
            input.fileHandleForWriting.write(Data(((shell.hasSuffix("bash") ? "set -H\n" : "") + line + "\nexit\n").utf8))
            try input.fileHandleForWriting.close()
        }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return printed
    }
}
