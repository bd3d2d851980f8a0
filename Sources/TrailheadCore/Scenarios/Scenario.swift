/// One flow test: where a walk starts, what the machine is said to have, what the user answers,
/// and what the walk must end at and show.
public struct Scenario: Sendable, Equatable {
    /// The step that takes the walk somewhere: an answer to the current question, or a search
    /// whose best result is jumped to.
    public enum Step: Sendable, Equatable {
        case answer(String)
        case search(String)
    }

    /// A value and where it was written, so a failure points at the line to fix.
    public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
        public var value: Value
        public var location: SourceLocation
    }

    public var name: String
    /// `tree` or `tree/node`.
    public var start: Located<String>
    /// Probe results given in advance, by probe key (`command:rucio`, `file:~/x`, `env:NAME`,
    /// `version:rucio` with the version found).
    public var probes: [String: ProbeResult]
    public var steps: [Located<Step>]
    /// The node the walk must end at, as `node` (in the start's tree) or `tree/node`.
    public var endsAt: Located<String>?
    /// Patterns some command of the end node must match.
    public var shows: [Located<String>]
    /// Patterns no command of the end node may match.
    public var hides: [Located<String>]
    /// Patterns the end page's text, as shown on that machine, must match.
    public var says: [Located<String>] = []
    /// Conditions that must hold with the scenario's probe results.
    public var holds: [Located<Condition>] = []
    /// Labels (or their starts) of the end question's choices the probes must mark as suggested.
    public var suggests: [Located<String>] = []

    /// Whether the scenario checks anything where it ends.
    var expectsSomething: Bool {
        endsAt != nil || !shows.isEmpty || !hides.isEmpty || !says.isEmpty || !holds.isEmpty || !suggests.isEmpty
    }
    public var location: SourceLocation
}
