import Foundation
import Testing

/// Counts the clean iterations of one restoration scenario and prints `N/N clean` with the time
/// taken, so the test output shows the whole run, not only the failures.
struct RestorationTally {
    /// Every scenario runs this many times: a race in restoration shows up as 19/20, not as 1/1.
    static let iterations = 20

    let scenario: String
    /// How many iterations this scenario runs: fewer where one mechanism is tried with many signals.
    let expected: Int
    private let started = ContinuousClock.now
    private var clean = 0
    private var done = 0

    init(_ scenario: String, iterations: Int = Self.iterations) {
        self.scenario = scenario
        expected = iterations
    }

    /// Records one iteration; each problem becomes an issue naming the scenario and iteration.
    mutating func record(_ problems: [String], screen: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        done += 1
        if problems.isEmpty {
            clean += 1
            return
        }
        for problem in problems {
            Issue.record("\(scenario), iteration \(done): \(problem)\n\(screen)", sourceLocation: sourceLocation)
        }
    }

    /// Prints the count and expects every iteration to have run and been clean.
    func report(sourceLocation: SourceLocation = #_sourceLocation) {
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print("Restoration: \(scenario): \(clean)/\(expected) clean in \(String(format: "%.1f", seconds)) s")
        #expect(done == expected && clean == expected, "\(scenario): \(clean) of \(done) iterations clean", sourceLocation: sourceLocation)
    }
}
