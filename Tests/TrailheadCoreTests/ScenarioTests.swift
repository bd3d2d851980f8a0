import Testing
@testable import TrailheadCore

/// Flow tests run through the navigator: answers, searches and probe answers, then expectations.
@Suite struct ScenarioTests {
    static let catalog = TestTrees.catalog([TestTrees.minimal()])

    func run(_ yaml: String) -> ScenarioRun {
        ScenarioRun(files: [("t.test.yaml", Array(yaml.utf8))], catalog: Self.catalog)
    }

    @Test func aWalkThatEndsWhereExpectedPasses() {
        let run = run("""
            scenarios:
              - name: data
                start: demo
                answers: [1]
                expect: {ends-at: data}
              - name: by label and search
                start: demo/start
                search: documentation
                expect: {ends-at: demo/docs}

            """)
        #expect(run.diagnostics.map(\.description) == [])
        #expect(run.summary == "1 file, 2 scenarios: 2 passed, 0 failed")
    }

    @Test func eachFailureIsReportedWhereItIsWritten() {
        let run = run("""
            scenarios:
              - name: wrong end
                start: demo
                answers: [Data]
                expect: {ends-at: docs}
              - name: no such answer
                start: demo
                answers: [Spaceships]
                expect: {ends-at: data}
              - name: too many answers
                start: demo
                answers: [1, 1]
                expect: {ends-at: data}
              - name: unknown start
                start: nope
                expect: {ends-at: data}

            """)
        #expect(run.diagnostics.map(\.description) == [
            "t.test.yaml:5:23: error: scenario 'wrong end': ended at 'demo/data', not at 'docs'",
            "t.test.yaml:8:15: error: scenario 'no such answer': 'Spaceships' is not one choice of 'demo/start'; its choices are 'Data', 'Documentation'",
            "t.test.yaml:12:18: error: scenario 'too many answers': 'demo/data' is a resource; there is no question left to answer '1'",
            "t.test.yaml:15:12: error: scenario 'unknown start': 'nope' is not a loaded tree or node",
        ])
        #expect(run.failedCount == 4)
    }

    @Test(arguments: [
        ("  - {name: x, start: demo}", "expects nothing"),
        ("  - {name: x, start: demo, expect: {shows: '('}}", "is not a valid regular expression"),
        ("  - {name: x, start: demo, probes: {'command:x': maybe}, expect: {ends-at: start}}", "passed, failed or unknown"),
        ("  - {name: x, expect: {ends-at: start}}", "needs 'name' and 'start'"),
        ("  - {name: x, start: demo, answer: [1], expect: {ends-at: data}}", "did you mean 'answers'?"),
    ])
    func malformedScenariosAreErrors(line: String, message: String) {
        let found = run("scenarios:\n\(line)\n").diagnostics.map(\.description)
        #expect(found.contains { $0.contains(": error: ") && $0.contains(message) }, "\(found)")
    }

    @Test func flowTestFilesAreNotTrees() {
        #expect(!TreeLoader.isTreeFileName("escape-vre.test.yaml"))
        #expect(TreeLoader.isFlowTestFileName("escape-vre.test.yaml"))
        #expect(TreeLoader.isTreeFileName("escape-vre.yaml"))
    }
}
