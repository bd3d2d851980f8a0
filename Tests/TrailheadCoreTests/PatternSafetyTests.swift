import Testing
@testable import TrailheadCore

/// Patterns a backtracking matcher could take hours on are refused when a tree is loaded; the
/// patterns tree authors use stay allowed.
@Suite struct PatternSafetyTests {
    @Test(arguments: [
        #"^[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]+$"#, #"^\S+$"#, #"^[^"]*$"#, #"^[0-9]+$"#, #"^\S+@\S+\.\S+$"#,
        #"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$"#, #"^v?\d+\.\d+\.\d+$"#, #"(?i)^rucio [0-9.]+"#, #"^(?:ab)+$"#,
        #"^(?<year>\d{4})-\d{2}$"#, #"[)(|]+"#, #"[\]a]+x"#, #"\Q(a+)+\E"#, #"^x{2,16}$"#, #"^(foo|bar)$"#,
        #"(?#a comment)^a+$"#, #"^\p{L}+$"#, "3\\.1[0-9]", #"a*b*c*"#, #"^(ab){1,5}$"#, #"^x{0,1}y{2}$"#,
        #"^(ab){3}$"#, #"^(a+){1}$"#, #"^\d+(\.\d+)?$"#, #"^(https?|ftp)://\S+$"#,
    ])
    func patternsAuthorsWriteAreAllowed(pattern: String) {
        #expect(PatternSafety.problem(in: pattern) == nil, "\(PatternSafety.problem(in: pattern) ?? "")")
        #expect((try? Regex(pattern)) != nil, "the test pattern itself must be valid")
    }

    @Test(arguments: [
        (#"^(a+)+$"#, "itself can match in several ways"), (#"(a*)*"#, "itself can match in several ways"),
        (#"^(?:x+y?)*$"#, "itself can match in several ways"), (#"([a-z]+\.?)+"#, "itself can match in several ways"),
        (#"(\w+\s?)*$"#, "itself can match in several ways"), (#"(a{1,100})+"#, "itself can match in several ways"),
        (#"(.*a){20}"#, "itself can match in several ways"), (#"((ab)+c)+"#, "itself can match in several ways"),
        (#"(a{1,8})+"#, "itself can match in several ways"), (#"(a?)+"#, "itself can match in several ways"),
        (#"^(a?){16}a{16}$"#, "itself can match in several ways"), (#"^\d{1,3}(\.\d{1,3}){3}$"#, "itself can match in several ways"),
        (#"^v?\d+(\.\d+){2}$"#, "itself can match in several ways"), (#"(a+){3}"#, "itself can match in several ways"),
        (#"^(a|a)+$"#, "has alternatives"), (#"(?:x|y)*"#, "has alternatives"), (#"(a|b){17,}"#, "has alternatives"),
        (#"^(a|b){3}$"#, "has alternatives"), (#"^(a|a){1,16}$"#, "has alternatives"),
        (#"(a)\1"#, "refers back"), (#"(?<x>a)\k<x>"#, "refers back"),
        (#"a*b*c*d*"#, "too many ways"), (#"^a?a*b*c*d?$"#, "too many ways"),
        (String(repeating: "a?", count: 14), "too many ways"), (#"^(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)(?:k|l)(?:m|n)(?:o|p)(?:q|r)(?:s|t)(?:u|v)(?:w|x)(?:y|z)(?:0|1)$"#, "too many ways"),
    ])
    func slowPatternsAreRefused(pattern: String, reason: String) {
        #expect(PatternSafety.problem(in: pattern)?.contains(reason) == true, "\(pattern): \(PatternSafety.problem(in: pattern) ?? "allowed")")
    }

    /// The hostile default that made loading hang: refused with the place and a way out. The
    /// default here is short enough that, should the check fail, matching takes seconds, not hours.
    @Test(.timeLimit(.minutes(1)))
    func aTreeWithAnExplosivePatternIsRefusedNotMatched() {
        let yaml = TestTrees.minimal(extraNodes: """
              run:
                title: Run it
                commands:
                  - run: "echo {name}"
                    does: Prints the name.
                    placeholders:
                      name: {prompt: Name, default: "aaaaaaaaaaaaaaaaaaaaaa!", pattern: '^(a+)+$'}
            """)
        let diagnostics = TestTrees.diagnostics(yaml)
        #expect(diagnostics.contains { $0.contains("'pattern' is refused: it repeats '(a+)', which itself can match in several ways") }, "\(diagnostics)")
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
