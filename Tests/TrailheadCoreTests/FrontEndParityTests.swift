import Testing
@testable import TrailheadCore

/// The full-screen interface and plain mode are two front ends of one navigator: the same
/// scripted inputs, typed as keys in one and as lines in the other, visit the same places.
@Suite struct FrontEndParityTests {
    /// One thing the user does, as each front end is told it.
    enum Step: CustomStringConvertible {
        case number(Int)
        case back
        case home
        case search(String)

        var keys: [KeyEvent] {
            switch self {
            case .number(let number): [.character(Character(String(number)))]
            case .back: [.character("h")]
            case .home: [.character("g")]
            case .search(let query): [.character("/")] + query.map { KeyEvent.character($0) } + [.enter]
            }
        }

        var lines: [String] {
            switch self {
            case .number(let number): ["\(number)"]
            case .back: ["b"]
            case .home: ["g"]
            case .search(let query): ["/\(query)", "1"]
            }
        }

        var description: String { lines.joined(separator: "⏎") }
    }

    static let scripts: [[Step]] = [
        [.number(1), .number(1), .number(1), .back, .back, .home, .number(2), .number(1)],
        [.number(2), .number(3), .home, .home, .number(1), .number(2), .back, .back, .back],
        [.search("rucio download"), .back, .home, .home, .home],
        [.number(1), .number(2), .number(1), .home, .back, .number(2)],
        [.search("ssh key"), .home, .number(1), .back, .search("jupyter"), .back],
        [.back, .home, .number(9), .number(1), .number(9), .number(2)],
    ]

    static let catalog = TestTrees.bundledLibrary.catalog

    @Test(arguments: scripts)
    func bothFrontEndsVisitTheSamePlaces(script: [Step]) {
        var navigator = Navigator(catalog: Self.catalog, size: ScreenSize(columns: 80, rows: 24), version: "t")
        var session = PlainSession(catalog: Self.catalog, io: ScriptedIO(lines: []), width: 80)
        #expect(navigator.state.trail?.current == session.current)
        for step in script {
            for key in step.keys {
                if let action = KeyBindings.action(for: key, in: navigator.state) { navigator.handle(action) }
            }
            for line in step.lines { _ = session.handle(line) }
            #expect(navigator.state.trail?.current == session.current, "after \(step) of \(script)")
            #expect(navigator.state.trail?.steps == session.trail?.steps, "the breadcrumbs differ after \(step)")
        }
    }
}
