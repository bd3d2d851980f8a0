import Testing
@testable import TrailheadCore

/// Patterns a backtracking matcher could take hours on are refused when a tree is loaded; the
/// patterns tree authors use stay allowed.
@Suite struct PatternSafetyTests {
    @Test(arguments: [
        #"^[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]+$"#, #"^\S+$"#, #"^[^"]*$"#, #"^[0-9]+$"#,
        #"^\S+@\S+\.\S+$"#, #"^v?\d+(\.\d+){2}$"#, #"(?i)^rucio [0-9.]+"#,
        #"^(?:ab)+$"#, #"^(?<year>\d{4})-\d{2}$"#, #"[)(|]+"#, #"[\]a]+x"#, #"\Q(a+)+\E"#, #"^x{2,16}$"#,
        #"^(foo|bar)$"#, #"(?#a comment)^a+$"#, #"^\p{L}+$"#, #"^(a|b){3}$"#, "3\\.1[0-9]", #"a*b*c*"#,
        #"^(ab){1,5}$"#, #"^x{0,1}y{2}$"#,
    ])
    func patternsAuthorsWriteAreAllowed(pattern: String) {
        #expect(PatternSafety.problem(in: pattern) == nil)
        #expect((try? Regex(pattern)) != nil, "the test pattern itself must be valid")
    }

    @Test(arguments: [
        (#"^(a+)+$"#, "itself repeats"), (#"(a*)*"#, "itself repeats"), (#"^(?:x+y?)*$"#, "itself repeats"),
        (#"([a-z]+\.?)+"#, "itself repeats"), (#"(\w+\s?)*$"#, "itself repeats"), (#"(a{1,100})+"#, "itself repeats"),
        (#"(.*a){20}"#, "itself repeats"), (#"((ab)+c)+"#, "itself repeats"), (#"(a+){4}"#, "more than 3 repetitions"),
        (#"^(a|a)+$"#, "has alternatives"), (#"(?:x|y)*"#, "has alternatives"), (#"(a|b){17,}"#, "has alternatives"),
        (#"(a)\1"#, "refers back"), (#"(?<x>a)\k<x>"#, "refers back"), (#"a*b*c*d*"#, "more than 3 repetitions"), (#"(a{1,16}){4}"#, "more than 3 repetitions"), (#"(a{1,8})+"#, "itself repeats"),
        (#"^(a|a){1,16}(a|a){1,16}$"#, "more than 3 repetitions"), (#"(a|b){4}"#, "more than 3 repetitions"),
        (#"^\d+(\.\d+){3}$"#, "more than 3 repetitions"),
    ])
    func slowPatternsAreRefused(pattern: String, reason: String) {
        #expect(PatternSafety.problem(in: pattern)?.contains(reason) == true, "\(pattern): \(PatternSafety.problem(in: pattern) ?? "allowed")")
    }

    /// The hostile default that made loading hang: refused with the place and a way out, in
    /// well under the time the match would have taken, and the other trees still load.
    @Test(.timeLimit(.minutes(1)))
    func aTreeWithAnExplosivePatternIsRefusedNotMatched() {
        let yaml = TestTrees.minimal(extraNodes: """
              run:
                title: Run it
                commands:
                  - run: "echo {name}"
                    does: Prints the name.
                    placeholders:
                      name: {prompt: Name, default: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", pattern: '^(a+)+$'}
            """)
        let diagnostics = TestTrees.diagnostics(yaml)
        #expect(diagnostics.contains { $0.contains("'pattern' is refused: it repeats '(a+)', which itself repeats") }, "\(diagnostics)")
        let probe = TestTrees.diagnostics(TestTrees.minimal(extraNodes: """
              tools:
                title: Tools
                probes:
                  - {command: rucio, version-matches: '(\\d|\\d)+'}
            """))
        #expect(probe.contains { $0.contains("'version-matches' is refused: it repeats") }, "\(probe)")
    }

    @Test func valuesLongerThanTheLimitNeverMatch() throws {
        let regex = try #require(try? PlaceholderPattern.compile("^a+$").get())
        #expect(PlaceholderPattern.matches(regex, String(repeating: "a", count: PatternSafety.maxValueLength)))
        #expect(!PlaceholderPattern.matches(regex, String(repeating: "a", count: PatternSafety.maxValueLength + 1)))
    }
}
