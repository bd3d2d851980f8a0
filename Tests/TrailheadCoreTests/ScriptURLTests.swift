import Testing
import TrailheadCore

/// Script URLs are refused whatever their shape, not only by the message a test expects.
struct ScriptURLTests {
    @Test(arguments: [
        "javascript:alert(1)", "javascript://x/%0Aalert(1)", "JavaScript://example.org/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    ])
    func aURLThatIsNotWebOrMailIsRefused(url: String) {
        #expect(URLRules.problem(with: url) != nil, "\(url) was accepted")
        #expect(!URLRules.allowedSchemes.contains(String(url.prefix { $0 != ":" }).lowercased()))
    }
}
