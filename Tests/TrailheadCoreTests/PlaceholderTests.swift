import Testing
@testable import TrailheadCore

@Suite struct PlaceholderTests {
    static let command = Command(
        run: "rucio download --dir {dir} {did} && awk '{print $1}' ${HOME}",
        does: "Downloads", placeholders: [
            Placeholder(name: "did", prompt: "DID", defaultValue: nil, pattern: "^[a-z]+:[a-z.]+$", location: SourceLocation(file: "", line: 1, column: 1)),
            Placeholder(name: "dir", prompt: "Folder", defaultValue: ".", pattern: nil, location: SourceLocation(file: "", line: 1, column: 1)),
        ], multiline: false, location: SourceLocation(file: "", line: 1, column: 1))

    @Test func scansOnlyDeclaredNames() {
        #expect(PlaceholderScanner.names(in: Self.command.run, declared: ["did", "dir"]) == ["dir", "did"])
        #expect(PlaceholderScanner.undeclaredNames(in: "x {a} {b c} ${d} {}", declared: []) == ["a"])
    }

    /// ASCII commands are cut over bytes, others over characters: both must cut the same way.
    @Test func cutsASCIIAndUnicodeCommandsAlike() {
        let declared: Set<String> = ["a", "b"]
        for ascii in ["{a}{b} ${a} {c} {a", "x{a}y${b}{b}z{", "{}{a}}", "$${a}", "{a}\r\n{b}"] {
            var cutUnicode = PlaceholderScanner.segments(of: "é" + ascii, declared: declared)
            guard case .literal(let first) = cutUnicode.first else {
                Issue.record("no leading literal for \(ascii)")
                continue
            }
            if first == "é" { cutUnicode.removeFirst() } else { cutUnicode[0] = .literal(String(first.dropFirst())) }
            #expect(PlaceholderScanner.segments(of: ascii, declared: declared) == cutUnicode, "\(ascii)")
        }
        #expect(PlaceholderScanner.segments(of: "x{a}y${b}{b}z{", declared: declared)
            == [.literal("x"), .placeholder("a"), .literal("y${b}"), .placeholder("b"), .literal("z{")])
    }

    @Test func fillsQuotesAndUsesDefaults() {
        #expect(PlaceholderFilling.fill(Self.command, values: ["did": "user:file.root"]) == .success("rucio download --dir . user:file.root && awk '{print $1}' ${HOME}"))
        #expect(PlaceholderFilling.fill(Self.command, values: ["did": "user:x", "dir": "my data; rm -rf ~"]) == .success("rucio download --dir 'my data; rm -rf ~' user:x && awk '{print $1}' ${HOME}"))
    }

    @Test func missingAndInvalidValuesAreExplained() {
        #expect(PlaceholderFilling.fill(Self.command, values: [:]) == .failure(.missing(name: "did", prompt: "DID")))
        #expect(PlaceholderFilling.fill(Self.command, values: ["did": "$(id)"]) == .failure(.invalid(name: "did", value: "$(id)", pattern: "it must match ^[a-z]+:[a-z.]+$")))
        #expect(PlaceholderFilling.fill(Self.command, values: ["did": "a:b", "dir": "x\u{1B}y"]) == .failure(.unsafe(name: "dir", character: "<U+001B>")))
        #expect(PlaceholderFilling.describe(.missing(name: "did", prompt: "DID")) == "no value for {did} (DID); give one with --set did=VALUE")
    }

    /// Each placeholder's quoting follows where it stands; the contexts a shell would read.
    @Test(arguments: [
        ("echo {v}", ShellContext.word),
        ("echo pre{v}post # {w}", .word),
        ("echo 'a {v}'", .singleQuoted),
        ("echo \"a {v}\"", .doubleQuoted),
        ("echo \"$(echo {v})\"", .word),
        ("echo \"a\\\" {v}\"", .doubleQuoted),
        ("echo 'a\\' {v}", .word),
        ("echo \"it's\" {v}", .word),
        ("echo $(printf '(%s)' x) {v}", .word),
        ("cat <<EOF\n{v}\nEOF\necho {w}", .hereDocument(expanding: true)),
        ("cat <<'EOF'\n{v}\nEOF", .hereDocument(expanding: false)),
        ("cat <<-\\EOF\n\t{v}\n\tEOF", .hereDocument(expanding: false)),
        ("cat <<<{v}", .word),
        ("echo \\{v}", .unquotable(reason: "it follows a backslash (remove the backslash)")),
        ("echo `a {v}`", .unquotable(reason: "it is inside backquotes (use $(…) instead)")),
        ("echo $'a{v}'", .unquotable(reason: "it is inside $'…' (put it outside, or use '…')")),
        ("echo ${X:-{v}}", .unquotable(reason: "it is inside ${…} (put it outside)")),
        ("cat <<{v}", .unquotable(reason: "it is part of a here-document's delimiter (write the delimiter without it)")),
        ("cat <<E\n$(echo {v})\nE", .unquotable(reason: "it is inside a command substitution in a here-document (take it out of the $(…))")),
    ] as [(String, ShellContext)])
    func theContextOfAPlaceholderIsReadAsAShellWould(run: String, context: ShellContext) {
        let segments = PlaceholderScanner.segments(of: run, declared: ["v", "w"])
        #expect(ShellContext.contexts(of: segments).first == context, "\(run.debugDescription)")
    }

    @Test func afterAHereDocumentEndsThePlaceholderIsAWordAgain() {
        let segments = PlaceholderScanner.segments(of: "cat <<EOF\n{v}\nEOF\necho \"{w}\"", declared: ["v", "w"])
        #expect(ShellContext.contexts(of: segments) == [.hereDocument(expanding: true), .doubleQuoted])
    }

    @Test func validateRefusesAPlaceholderNoQuotingMakesSafe() {
        let yaml = TestTrees.minimal(extraNodes: """
              run:
                title: Run it
                commands:
                  - run: echo `echo {word}`
                    does: Echoes
                    placeholders:
                      word:
                        prompt: A word
            """)
        #expect(TestTrees.diagnostics(yaml).contains { $0.contains("error: '{word}' cannot be filled safely, because it is inside backquotes (use $(…) instead)") })
        #expect(TestTrees.load(yaml).isBroken)
    }

    /// A value too long to be checked against its pattern says so, rather than that it does not match.
    @Test func aValueTooLongForItsPatternIsCalledTooLong() {
        let long = "a:" + String(repeating: "b", count: PatternSafety.maxValueLength)
        #expect(PlaceholderFilling.fill(Self.command, values: ["did": long]) == .failure(.tooLong(name: "did", length: long.count)))
        #expect(PlaceholderFilling.describe(.tooLong(name: "did", length: 258))
            == "the value for {did} is 258 characters long; a value checked against a pattern may have at most 256")
        let yaml = TestTrees.minimal(extraNodes: """
              run:
                title: Run it
                commands:
                  - run: echo {word}
                    does: Echoes
                    placeholders:
                      word:
                        prompt: A word
                        default: \(String(repeating: "a", count: 300))
                        pattern: '[a-z]+'
            """)
        #expect(TestTrees.diagnostics(yaml).contains { $0.contains("default is 300 characters long; a value checked against a 'pattern' may have at most 256") })
    }

    @Test func theFormAsksForEachPlaceholderAndRefusesBadValues() throws {
        var navigator = Navigator(catalog: TestTrees.bundledLibrary.catalog, start: NodeKey(tree: "escape-vre", node: "rucio-download"), size: ScreenSize(columns: 80, rows: 24), version: "1")
        #expect(navigator.handle(.choose) == nil)
        let form = try #require(navigator.state.form)
        #expect(navigator.formPlaceholder?.placeholder.name == "did")
        #expect(form.input == "")
        navigator.handle(.type("bad value;id"))
        navigator.handle(.choose)
        #expect(navigator.state.form?.error?.contains("is not a valid {did}") == true)
        #expect(Renderer.render(navigator).text.contains("is not a valid {did}"))
        #expect(navigator.formPlaceholder?.placeholder.name == "did")
        navigator.handle(.clearInput)
        navigator.handle(.type("user.jdoe:file.root"))
        navigator.handle(.choose)
        #expect(navigator.formPlaceholder?.placeholder.name == "dir")
        #expect(navigator.state.form?.input == ".")
        navigator.handle(.clearInput)
        navigator.handle(.type("/tmp/data"))
        #expect(navigator.handle(.choose) == .quit(status: 0, output: ["rucio download --dir /tmp/data user.jdoe:file.root"]))
    }

    @Test func prefilledValuesAreNotAsked() {
        var navigator = Navigator(catalog: TestTrees.bundledLibrary.catalog, start: NodeKey(tree: "escape-vre", node: "rucio-download"), size: ScreenSize(columns: 80, rows: 24), version: "1", prefilled: ["did": "a:b", "dir": "out"])
        #expect(navigator.handle(.choose) == .quit(status: 0, output: ["rucio download --dir out a:b"]))
    }

    @Test func escapeCancelsTheForm() {
        var navigator = Navigator(catalog: TestTrees.bundledLibrary.catalog, start: NodeKey(tree: "escape-vre", node: "rucio-download"), size: ScreenSize(columns: 80, rows: 24), version: "1")
        navigator.handle(.choose)
        navigator.handle(.closeOverlay)
        #expect(navigator.state.form == nil)
        #expect(navigator.state.status == "Cancelled")
    }

    @Test func copyingALinkAndUnopenedLinksArePrintedOnExit() {
        var navigator = NavigatorTests.navigator(start: NodeKey(tree: "demo", node: "data"))
        #expect(navigator.handle(.copy) == .copy("https://data.example.org", what: "Link"))
        #expect(navigator.handle(.choose) == .openLink("https://data.example.org"))
        navigator.handle(.linkNotOpened(url: "https://data.example.org", reason: "No browser here (SSH session)"))
        let frame = Renderer.render(navigator)
        #expect(frame.text.contains("No browser here (SSH session)"))
        #expect(frame.hyperlinks.first?.url == "https://data.example.org")
        #expect(navigator.handle(.copy) == .copy("https://data.example.org", what: "Link"))
        navigator.handle(.closeOverlay)
        #expect(navigator.handle(.quit) == .quit(status: 0, output: ["https://data.example.org"]))
    }

    @Test func shellWidgetsInsertWithoutRunning() {
        let bash = ShellWidget.snippet(for: .bash)
        #expect(bash.contains("READLINE_LINE="))
        #expect(bash.contains("bind -m emacs-standard -x '\"\\C-g\": __trailhead_widget'"))
        #expect(ShellWidget.snippet(for: .zsh).contains("LBUFFER=\"${LBUFFER}${chosen}\""))
        #expect(ShellWidget.snippet(for: .fish).contains("commandline --insert -- $chosen"))
        for shell in ShellWidget.Shell.allCases {
            #expect(ShellWidget.snippet(for: shell).contains("--print"))
            #expect(!ShellWidget.snippet(for: shell).contains("eval \"$chosen\""))
        }
    }

    /// A warning about a placeholder points at it as written, whatever the style of `run`.
    @Test(arguments: [
        ("      - run: echo {Name} done\n", 19, 19),
        ("      - run: \"echo \\\"x\\\" {Name}\"\n", 19, 26),
        ("      - run: |-\n          echo one\n          echo é {Name}\n        multiline: true\n", 21, 18),
        ("      - run: >-\n          echo one\n          {Name} two\n", 21, 11),
    ])
    func aPlaceholderWarningPointsAtThePlaceholder(run: String, line: Int, column: Int) {
        let yaml = TestTrees.minimal().replacing("""
                links:
                  - url: https://data.example.org
                    label: Data portal
            """, with: "    commands:\n" + run + "        does: Says it.\n")
        let warnings = TestTrees.diagnostics(yaml).filter { $0.contains("'{Name}'") }
        #expect(warnings.count == 1 && warnings[0].hasPrefix("test.yaml:\(line):\(column): warning:"), "\(warnings)")
    }
}

@Suite struct PrefilledPlaceholderTests {
    @Test func anInvalidPrefilledValueIsAskedAgainWithTheReason() {
        var navigator = Navigator(catalog: TestTrees.bundledLibrary.catalog, start: NodeKey(tree: "escape-vre", node: "rucio-download"), size: ScreenSize(columns: 80, rows: 24), version: "1", prefilled: ["did": "not valid!", "dir": "/tmp"])
        #expect(navigator.handle(.choose) == nil)
        #expect(navigator.formPlaceholder?.placeholder.name == "did")
        #expect(navigator.state.form?.input == "not valid!")
        #expect(navigator.state.form?.error?.contains("is not a valid {did}") == true)
        navigator.handle(.clearInput)
        navigator.handle(.type("a:b"))
        #expect(navigator.handle(.choose) == .quit(status: 0, output: ["rucio download --dir /tmp a:b"]))
    }
}
