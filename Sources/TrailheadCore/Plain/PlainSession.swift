/// The plain line mode: numbered choices on stdout, answers read line by line.
///
/// Made for `TERM=dumb`, screen readers and piped answers: no cursor movement, no colour, every
/// screen a few plain lines ending with a prompt.
public struct PlainSession<IO: LineIO> {
    public var catalog: Catalog { navigator.catalog }
    public var io: IO
    let text: NodeText
    /// The same state machine as the full-screen interface: plain mode only reads lines into
    /// its actions and writes its places as lines.
    private var navigator: Navigator
    /// Made on the first search: plain mode often answers without one.
    private var engine: (any SearchEngine)?
    private var wordIndex: WordIndex?
    private let makeEngine: @Sendable () -> any SearchEngine
    private var pendingResults: [SearchResult] = []
    /// Answers the probes of each page shown (synchronously: plain mode has no screen to keep alive).
    private let probeSystem: (any ProbeSystem)?
    /// `--print`: the session ends when a command or link is chosen (`c N`, `l N`), which the
    /// caller prints alone on stdout; `printed` holds it.
    private let printMode: Bool
    /// `--set` values, for the placeholders of a command chosen in print mode.
    private let prefilled: [String: String]
    public private(set) var printed: String?
    /// Input ended while a command's field was asked for.
    private var inputEnded = false

    /// `searchEngine` makes the engine `/` searches with (the catalog's snapshot, for one);
    /// without it, an index of the catalog is built on the first search.
    public init(
        catalog: Catalog, io: IO, width: Int, start: NodeKey? = nil, probeSystem: (any ProbeSystem)? = nil,
        searchEngine: (@Sendable () -> any SearchEngine)? = nil, printMode: Bool = false, prefilled: [String: String] = [:]
    ) {
        self.io = io
        self.printMode = printMode
        self.prefilled = prefilled
        self.makeEngine = searchEngine ?? { SearchIndex(catalog: catalog) }
        self.probeSystem = probeSystem
        self.text = NodeText(width: width)
        // A page of plain text has no bottom: nothing is ever scrolled out of reach.
        navigator = Navigator(catalog: catalog, start: start, size: ScreenSize(columns: max(width, 20), rows: 1_000_000), version: "")
    }

    /// Where the session is: the node shown, or nil on the list of guides.
    public var current: NodeKey? { navigator.state.trail?.current }

    /// The way from the start to the node shown.
    var trail: Trail? { navigator.state.trail }

    /// Runs until the user quits or input ends. Returns the exit status: 0, or in print mode 1
    /// when nothing was chosen.
    public mutating func run() -> Int32 {
        showCurrent()
        while true {
            io.write(prompt)
            guard let line = io.readLine() else {
                io.write("\n")
                break
            }
            if !handle(line.trimmingSpaces) { break }
        }
        return printMode && printed == nil ? 1 : 0
    }

    private var prompt: String {
        if !pendingResults.isEmpty { return "Result number (Enter to stay here)> " }
        guard let trail = navigator.state.trail, let node = catalog.node(trail.current) else {
            return "Guide number, or start of its title (/ search, q quit)> "
        }
        if let question = node.question {
            let offered = catalog.offeredChoices(of: question, at: trail.current, probes: navigator.state.probes, revealHidden: navigator.state.revealHidden)
            return "Answer 1-\(offered.count) or start of a label (b back, / search, q quit)> "
        }
        let seeAlso = node.resource?.seeAlso.count ?? 0
        if printMode, let resource = node.resource, !resource.commands.isEmpty || !resource.links.isEmpty {
            return "c N or l N prints that command or link (b back, g start, / search, q quit)> "
        }
        return seeAlso > 0
            ? "See-also number (b back, g start, / search, q quit)> "
            : "b back, g start, / search, q quit> "
    }

    /// Handles one line of input; false means quit.
    mutating func handle(_ line: String) -> Bool {
        if !pendingResults.isEmpty {
            let results = pendingResults
            pendingResults = []
            if let number = Int(line), (1...results.count).contains(number) {
                apply(.jump(results[number - 1].key))
                return true
            }
            if line.isEmpty || line.lowercased() == "b" {
                showCurrent()
                return true
            }
        }
        switch line.lowercased() {
        case "q", "quit", "exit":
            return false
        case "":
            return true
        case "b", "back":
            apply(.back)
            return true
        case "g", "start", "home":
            apply(.home)
            return true
        case "?", "h", "help":
            io.write(Self.help)
            return true
        case "v":
            apply(.toggleHidden)
            showCurrent()
            return true
        default:
            break
        }
        if line.hasPrefix("/") {
            search(String(line.dropFirst()).trimmingSpaces)
            return true
        }
        if printMode, let choice = PrintChoice(line) {
            let chosen = choose(choice)
            return !chosen && !inputEnded
        }
        answer(line)
        return true
    }

    /// `c 2` or `l1`: a command or link of the page, by its number among those shown.
    private struct PrintChoice {
        var isLink: Bool
        var number: Int

        init?(_ line: String) {
            let lowered = line.lowercased()
            guard let first = lowered.first, first == "c" || first == "l",
                  let number = Int(lowered.dropFirst().trimmingSpaces), number > 0 else { return nil }
            isLink = first == "l"
            self.number = number
        }
    }

    private var shownCommands: [Command] {
        guard let key = current, let resource = catalog.node(key)?.resource else { return [] }
        return resource.commands.filter { navigator.state.revealHidden || navigator.state.probes.shows($0) }
    }

    private var shownLinks: [Link] {
        guard let key = current, let resource = catalog.node(key)?.resource else { return [] }
        return resource.links.filter { navigator.state.revealHidden || navigator.state.probes.shows($0) }
    }

    /// Ends the session with the command (placeholders filled, asked for when `--set` gave no
    /// value) or link chosen; true when something was chosen.
    private mutating func choose(_ choice: PrintChoice) -> Bool {
        let count = choice.isLink ? shownLinks.count : shownCommands.count
        guard (1...max(count, 1)).contains(choice.number), count > 0 else {
            let kind = choice.isLink ? "link" : "command"
            io.write(count == 0 ? "This page has no \(kind) to print.\n" : "There is no \(kind) \(choice.number) here; type \(kind.prefix(1)) 1 to \(kind.prefix(1)) \(count).\n")
            return false
        }
        if choice.isLink {
            printed = shownLinks[choice.number - 1].url
            return true
        }
        let command = shownCommands[choice.number - 1]
        var values = prefilled
        for placeholder in command.placeholders where values[placeholder.name] == nil && placeholder.defaultValue == nil {
            io.write("{\(placeholder.name)} \(TextSanitizer.line(placeholder.prompt))> ")
            guard let value = io.readLine() else {
                io.write("\n")
                inputEnded = true
                return false
            }
            values[placeholder.name] = value
        }
        switch PlaceholderFilling.fill(command, values: values) {
        case .success(let filled):
            printed = filled
            return true
        case .failure(let problem):
            io.write(PlaceholderFilling.describe(problem) + ".\n")
            return false
        }
    }

    /// Gives the navigator one action, then shows where it led, or what it said instead.
    private mutating func apply(_ action: Action) {
        let before = navigator.state.place
        navigator.handle(action)
        if navigator.state.place != before {
            showCurrent()
        } else if let status = navigator.state.status {
            io.write(TextSanitizer.line(status) + ".\n")
        }
    }

    /// An answer by number or by the start of a label: the page's item it names, activated.
    private mutating func answer(_ line: String) {
        guard let trail = navigator.state.trail else {
            switch AnswerMatcher.choose(line, among: catalog.trees.map(\.title)) {
            case .success(let index): activate(.tree(index))
            case .failure(let failure): explain(failure, input: line, labels: catalog.trees.map(\.title))
            }
            return
        }
        guard let node = catalog.node(trail.current) else { return }
        switch node.content {
        case .question(let question):
            // Numbered as shown: without the answers the machine's probes rule out.
            let shown = catalog.offeredChoices(of: question, at: trail.current, probes: navigator.state.probes, revealHidden: navigator.state.revealHidden)
            let labels = shown.map { question.choices[$0].label }
            switch AnswerMatcher.choose(line, among: labels) {
            case .success(let index): activate(.choice(shown[index]))
            case .failure(let failure): explain(failure, input: line, labels: labels)
            }
        case .resource(let resource):
            guard let number = Int(line), (1...max(1, resource.seeAlso.count)).contains(number), !resource.seeAlso.isEmpty else {
                let range = resource.seeAlso.isEmpty ? "" : "a see-also number (1-\(resource.seeAlso.count)), "
                io.write("This is a resource, not a question. Type \(range)b to go back, g for the start, or q to quit.\n")
                return
            }
            activate(.seeAlso(number - 1))
        }
    }

    private mutating func activate(_ item: PageItem) {
        guard let position = navigator.items.firstIndex(of: item) else { return }
        apply(.activate(position))
    }

    private mutating func explain(_ failure: AnswerMatcher.Failure, input: String, labels: [String]) {
        switch failure {
        case .noMatch:
            io.write("'\(TextSanitizer.line(String(input.prefix(40))))' is not one of the choices. Type a number from 1 to \(labels.count), or the start of a label.\n")
        case .ambiguous(let matches):
            io.write("'\(TextSanitizer.line(String(input.prefix(40))))' could mean: \(matches.map(TextSanitizer.line).joined(separator: ", ")). Type more of the label, or its number.\n")
        }
    }

    private mutating func search(_ query: String) {
        guard !query.isEmpty else {
            io.write("Type / followed by words to search for, e.g. /rucio download\n")
            return
        }
        let ranked: RankedSearch
        if RankedSearch.reading(of: query) == .words {
            ranked = RankedSearch.words(words().search(query, limit: 9))
        } else {
            let engine = self.engine ?? makeEngine()
            self.engine = engine
            let found = engine.search(SearchQuery(query), limit: 9, within: nil, settled: nil).results
            ranked = RankedSearch.fuzzy(found, query: SearchQuery(query), text: query, catalog: catalog) { words() }
        }
        var results = ranked.answers
        if results.isEmpty {
            io.write("Nothing good matches '\(TextSanitizer.line(query))'.")
            guard !ranked.weak.isEmpty else {
                io.write(" Try other words, or tell the guide's team what you looked for (! in the interface).\n")
                return
            }
            io.write(" Weak matches:\n")
            results = Array(ranked.weak.prefix(9))
        } else {
            io.write("\nResults for '\(TextSanitizer.line(query))':\n")
        }
        for (index, result) in results.enumerated() {
            let heading = catalog.node(result.key).map { TextSanitizer.line($0.heading) } ?? ""
            io.write("  \(index + 1). \(heading)\n")
            let path = text.breadcrumb(catalog.path(to: result.key) ?? [], to: result.key, in: catalog)
            io.write("     \(path)\n")
        }
        pendingResults = results
    }

    /// The word index, built on first use and kept.
    private mutating func words() -> WordIndex {
        if let wordIndex { return wordIndex }
        let built = WordIndex(catalog: catalog)
        wordIndex = built
        return built
    }

    private mutating func showCurrent() {
        io.write("\n")
        guard let trail = navigator.state.trail else {
            io.write("Choose a guide:\n\n")
            for (index, tree) in catalog.trees.enumerated() {
                let number = "  \(index + 1). "
                let entry = "\(TextSanitizer.line(tree.title)) — \(TextSanitizer.line(tree.description))"
                for (offset, line) in TextWrapper.wrap(entry, width: text.width - number.count).enumerated() {
                    io.write((offset == 0 ? number : String(repeating: " ", count: number.count)) + line + "\n")
                }
            }
            io.write("\n")
            return
        }
        io.write("[\(text.breadcrumb(trail.steps, to: trail.current, in: catalog))]\n\n")
        if let system = probeSystem, let node = catalog.node(trail.current) {
            for probe in ProbeBoard.probes(of: node) where navigator.state.probes[probe] == nil {
                navigator.handle(.probeAnswered(key: probe.key, ProbeEvaluator.evaluate(probe, on: system)))
            }
        }
        for line in text.lines(for: trail.current, in: catalog, probes: navigator.state.probes, revealHidden: navigator.state.revealHidden) {
            io.write(line + "\n")
        }
        if printMode {
            let choices = shownCommands.enumerated().map { "  c\($0.offset + 1)  \(TextSanitizer.line($0.element.run.split(separator: "\n").first.map(String.init) ?? ""))" }
                + shownLinks.enumerated().map { "  l\($0.offset + 1)  \(TextSanitizer.line($0.element.url))" }
            if !choices.isEmpty { io.write("\nTo print one and finish:\n" + choices.joined(separator: "\n") + "\n") }
        }
        io.write("\n")
    }

    static var help: String { """

    Plain mode keys (type one and press Enter):
      1, 2, …      choose that answer (or a see-also entry on a resource)
      text         choose the answer whose label starts with the text
      b            go back one step
      g            go back to the start of this guide (again: the list of guides)
      /words       search every tree; then type a result number to jump there
      c N, l N     with --print: print command N or link N of a resource, and finish
      v            also show what is for other machines (again: hide it)
      q            quit (end of input quits too)


    """ }
}
