import Testing
@testable import TrailheadCore

/// `validate --style`: the house style of docs/authoring.md, as warnings.
@Suite struct StyleCheckTests {
    private func codes(_ yaml: String, extra: [String] = []) -> [String] {
        let files = [TestTrees.load(yaml, path: "t.yaml")] + extra.enumerated().map { TestTrees.load($1, path: "x\($0).yaml") }
        return ValidationRun(checked: [files[0]], context: Array(files.dropFirst()), style: true).diagnostics.map { "\($0.location.line) \($0.code)" }
    }

    @Test func aCleanTreeHasNoStyleWarnings() {
        #expect(codes(TestTrees.minimal()) == [])
        #expect(ValidationRun(checked: [TestTrees.load(TestTrees.minimal().replacing("What do you need?", with: "Pick one"))], context: []).diagnostics.isEmpty,
                "without --style nothing is said")
    }

    @Test func aQuestionEndsWithAQuestionMark() {
        #expect(codes(TestTrees.minimal().replacing("What do you need?", with: "Pick what you need.")) == ["7 style-question-mark"])
        #expect(codes(TestTrees.minimal().replacing("What do you need?", with: "\"What do you need?  \"")) == [])
    }

    @Test func aQuestionOffersMoreThanOneAnswer() {
        let one = TestTrees.minimal(extraNodes: "  more:\n    question: Which?\n    choices:\n      - label: Only\n        goto: docs\n")
            .replacing("goto: docs\n  data:", with: "goto: more\n  data:")
        #expect(codes(one).contains { $0.hasSuffix("style-one-choice") })
    }

    @Test func aLabelIsAtMostEightyCharacters() {
        let long = String(repeating: "word ", count: 16) + "end"
        #expect(long.count == 83)
        #expect(codes(TestTrees.minimal().replacing("label: Data", with: "label: \(long)")) == ["10 style-long-label"])
        #expect(codes(TestTrees.minimal().replacing("label: Data", with: "label: \(String(repeating: "x", count: 80))")) == [])
    }

    @Test func anAcronymIsWrittenOutOnceInItsTree() {
        let unexplained = TestTrees.minimal().replacing("Use the data portal.", with: "Log in with IAM, then use the portal.")
        #expect(codes(unexplained) == ["15 style-acronym"])
        for explained in ["Log in with IAM (Identity and Access Management).", "Identity and Access Management (IAM) first; IAM then.",
                          "Log in with IAM. Everything needs IAM (the account service)."] {
            #expect(codes(TestTrees.minimal().replacing("Use the data portal.", with: explained)) == [], "\(explained)")
        }
        let inDescription = unexplained.replacing("A tree for tests.", with: "A tree for tests of IAM (Identity and Access Management).")
        #expect(codes(inDescription) == [])
    }

    @Test func anAcronymIsReportedOnceAndOnlyInProse() {
        let twice = TestTrees.minimal().replacing("label: Data", with: "label: Data from VOMS").replacing("Use the data portal.", with: "VOMS again.")
        #expect(codes(twice) == ["7 style-acronym"])
        for notProse in ["Run `VOMS` and `X509_USER_PROXY`.", "Set $PATH and #SBATCH lines.", "Cipher RC2-40-CBC.", "See https://EXAMPLE.ORG/ABC.",
                         "Common ones: URL, SSH, CPU, PDF.", "One word: Python.", "Mixed PyVO and dCache."] {
            #expect(codes(TestTrees.minimal().replacing("Use the data portal.", with: "'\(notProse)'")) == [], "\(notProse)")
        }
    }

    @Test func anAcronymWrittenOutInATreeTheWalkGoesOnIntoCountsAsExplained() {
        let here = TestTrees.minimal().replacing("Use the data portal.", with: "Ask IAM.").replacing("goto: docs", with: "goto: other/start")
        let other = TestTrees.minimal(id: "other").replacing("Use the data portal.", with: "IAM (Identity and Access Management).")
        #expect(codes(here, extra: [other]).allSatisfy { !$0.hasSuffix("style-acronym") })
        let unrelated = TestTrees.minimal().replacing("Use the data portal.", with: "Ask IAM.")
        #expect(codes(unrelated, extra: [other]).contains { $0.hasSuffix("style-acronym") })
    }
}
