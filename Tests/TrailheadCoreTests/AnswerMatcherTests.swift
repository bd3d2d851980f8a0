import Testing
@testable import TrailheadCore

@Suite struct AnswerMatcherTests {
    let labels = ["Get access", "Find data", "Find software", "Get help"]

    @Test(arguments: [
        ("1", 0), ("4", 3), (" 2 ", 1), ("get access", 0), ("GET A", 0), ("find d", 1), ("software", 2), ("help", 3),
    ])
    func picksTheChoice(answer: String, index: Int) {
        #expect(AnswerMatcher.choose(answer, among: labels) == .success(index))
    }

    @Test func explainsAmbiguityAndMisses() {
        #expect(AnswerMatcher.choose("find", among: labels) == .failure(.ambiguous(["Find data", "Find software"])))
        #expect(AnswerMatcher.choose("0", among: labels) == .failure(.noMatch))
        #expect(AnswerMatcher.choose("5", among: labels) == .failure(.noMatch))
        #expect(AnswerMatcher.choose("xyz", among: labels) == .failure(.noMatch))
        #expect(AnswerMatcher.choose("", among: labels) == .failure(.noMatch))
    }

    @Test func anExactLabelBeatsALongerOneWithTheSamePrefix() {
        #expect(AnswerMatcher.choose("data", among: ["Data lake", "Data"]) == .success(1))
        #expect(AnswerMatcher.choose("données", among: ["Donnees"]) == .success(0))
    }
}
