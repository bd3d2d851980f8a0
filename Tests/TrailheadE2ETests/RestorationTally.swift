import Foundation
import Testing

/// Counts the clean iterations of one restoration scenario and prints `N/N clean` with the time
/// taken, so the test output shows the whole run, not only the failures.
struct RestorationTally {
    /// Every scenario runs this many times: a race in restoration shows up as 19/20, not as 1/1.
    static let iterations = 20

    let scenario: String
    private let started = ContinuousClock.now
    private var clean = 0
    private var done = 0

    init(_ scenario: String) {
        self.scenario = scenario
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
        print("Restoration: \(scenario): \(clean)/\(Self.iterations) clean in \(String(format: "%.1f", seconds)) s")
        #expect(done == Self.iterations && clean == Self.iterations, "\(scenario): \(clean) of \(done) iterations clean", sourceLocation: sourceLocation)
    }
}
