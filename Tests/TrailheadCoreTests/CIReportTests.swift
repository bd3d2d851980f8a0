import Testing
@testable import TrailheadCore

/// `validate --format github|gitlab`: annotation escaping and Code Quality issues.
@Suite struct CIReportTests {
    let problem = Diagnostic.error("dangling-reference", "there is no node 'hlep'", at: SourceLocation(file: "./trees/a.yaml", line: 14, column: 15))

    @Test func annotationNamesFileLineColumnAndCode() {
        #expect(GitHubAnnotations.line(for: problem)
            == "::error file=trees/a.yaml,line=14,col=15,title=dangling-reference::there is no node 'hlep'")
        let warning = Diagnostic.warning("unreachable", "node 'x' cannot be reached", at: SourceLocation(file: "b.yaml", line: 3, column: 1))
        #expect(GitHubAnnotations.line(for: warning) == "::warning file=b.yaml,line=3,col=1,title=unreachable::node 'x' cannot be reached")
    }

    @Test func messagesEscapePercentAndLineBreaks() {
        #expect(GitHubAnnotations.escapedData("100% done\r\n::error::forged, really: yes") == "100%25 done%0D%0A::error::forged, really: yes")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubAnnotations.escapedProperty("C:/a,b%c\nd") == "C%3A/a%2Cb%25c%0Ad")
    }

    @Test func otherControlCharactersAreMadeVisible() {
        #expect(GitHubAnnotations.escapedData("a\u{1B}[2Jb\u{202E}") == "a^[[2Jb<U+202E>")
    }

    @Test func codeQualityIssueHasGitLabsShape() {
        let issue = GitLabCodeQuality.issue(for: problem).serialized(pretty: false)
        #expect(issue == #"{"description":"there is no node 'hlep'","check_name":"dangling-reference","fingerprint":"\#(GitLabCodeQuality.fingerprint(for: problem))","severity":"major","location":{"path":"trees/a.yaml","lines":{"begin":14}}}"#)
        let warning = Diagnostic.warning("unreachable", "x", at: problem.location)
        #expect(GitLabCodeQuality.issue(for: warning).serialized(pretty: false).contains(#""severity":"minor""#))
    }

    @Test func fingerprintIsFNV1aOfTheFieldsAndStable() {
        // 64-bit FNV-1a of "a.yaml\03\0code\0msg", computed independently.
        let known = Diagnostic.error("code", "msg", at: SourceLocation(file: "a.yaml", line: 3, column: 9))
        #expect(GitLabCodeQuality.fingerprint(for: known) == "483f8a25e4ab423c")
        var moved = known
        moved.location.line = 4
        #expect(GitLabCodeQuality.fingerprint(for: moved) != GitLabCodeQuality.fingerprint(for: known))
        var otherColumn = known
        otherColumn.location.column = 1
        #expect(GitLabCodeQuality.fingerprint(for: otherColumn) == GitLabCodeQuality.fingerprint(for: known))
    }
}
