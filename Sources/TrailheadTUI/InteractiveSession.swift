import CTerminal
import TrailheadCore
import TrailheadProcess

#if canImport(Glibc)
import Glibc
#endif

/// Runs the full-screen interface: read a key, update the navigator, carry out effects, draw.
public enum InteractiveSession {
    /// How a session ended: the exit status and the lines to print on stdout.
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: [String]
        /// Where the session went and what it opened, to be added to the stored progress.
        public var progress = Progress()
    }

    /// Choices that change what the interface does with links and commands.
    public struct Options: Sendable {
        /// `--print`: a chosen link is printed (not opened) and the session ends with it.
        public var printOnly = false
        /// `--set name=value`: placeholder values that are not asked for.
        public var prefilled: [String: String] = [:]
        /// Shown on the first screen (e.g. that some tree files could not be loaded).
        public var initialStatus: String?
        /// Where the last session left off, offered on the first screen.
        public var resumeOffer: ResumeOffer?

        public init() {}
    }

    /// What a look at the trees' files found (`preview`): the library read again after a change,
    /// or a change that could not be loaded, for which the walk stays on the last good library.
    public enum Reload {
        case reloaded(Library, status: String)
        case kept(status: String)
    }

    /// How often `reload` is asked, at most: a few `stat` calls each time.
    static let reloadInterval = 400

    /// Runs the interface on the controlling terminal over the library's catalog. Throws when
    /// there is no usable terminal, so the caller can fall back to plain mode. `reload`, asked
    /// every few hundred milliseconds, swaps in a library read again (nil: nothing changed).
    public static func run(
        library: Library, start: NodeKey?, version: String, environment: [String: String], options: Options,
        reload: (() -> Reload?)? = nil
    ) throws -> Outcome {
        var recorder = ProgressRecorder()
        var outcome = try loop(
            library: library, start: start, version: version, environment: environment, options: options, reload: reload, recorder: &recorder)
        outcome.progress = recorder.session
        return outcome
    }

    private static func loop(
        library: Library, start: NodeKey?, version: String, environment: [String: String], options: Options,
        reload: (() -> Reload?)?, recorder: inout ProgressRecorder
    ) throws -> Outcome {
        let catalog = library.catalog
        let screen: CursesScreen
        do {
            screen = try CursesScreen(environment: environment)
        } catch {
            throw InteractiveSessionError(message: error.message)
        }
        defer { screen.end() }
        let effects = EffectRunner(environment: environment, terminal: screen.descriptor)
        var navigator = Navigator(
            catalog: catalog, start: start, size: screen.size, version: version,
            prefilled: options.prefilled, printsLinks: options.printOnly)
        navigator.handle(.status(options.initialStatus))
        navigator.handle(.offerResume(options.resumeOffer))
        recorder.observe(navigator, effect: nil, now: time(nil))
        let probes = ProbeRunner(system: LocalProbeSystem(environment: environment))
        probes.start(navigator.unansweredProbes)
        draw(navigator, on: screen, effects: effects)
        let cache = TreeCache.standard(environment: environment, userID: getuid()).cache
        var searchIndex = SearchIndexBuilder(library: library, cache: cache)
        var quickFailures = 0
        var pendingKey: KeyEvent?
        var lastReload = MonotonicClock.milliseconds()
        while true {
            if let outcome = handleSignals(screen: screen, navigator: &navigator, effects: effects) { return outcome }
            if let reload, MonotonicClock.milliseconds() - lastReload >= reloadInterval {
                lastReload = MonotonicClock.milliseconds()
                switch reload() {
                case .reloaded(let fresh, let status)?:
                    navigator = navigator.reloaded(with: fresh.catalog, status: status)
                    searchIndex = SearchIndexBuilder(library: fresh, cache: cache)
                    probes.start(navigator.unansweredProbes)
                    draw(navigator, on: screen, effects: effects)
                case .kept(let status)?:
                    navigator.handle(.status(status))
                    draw(navigator, on: screen, effects: effects)
                case nil:
                    break
                }
            }
            let started = MonotonicClock.milliseconds()
            let key = pendingKey ?? screen.readKey()
            pendingKey = nil
            var changed = effects.poll(navigator: &navigator)
            for (key, result) in probes.takeFinished() {
                navigator.handle(.probeAnswered(key: key, result))
                changed = true
            }
            if changed { draw(navigator, on: screen, effects: effects) }
            guard let key else {
                // The terminal is gone (an SSH drop without SIGHUP, or SIGHUP blocked): stop
                // instead of spinning. A hang-up says so directly; reads that fail well before
                // their 250 ms timeout, again and again, are the fallback for anything else.
                if screen.isHungUp { return Outcome(status: 128 + SIGHUP, output: []) }
                quickFailures = MonotonicClock.milliseconds() - started < 50 ? quickFailures + 1 : 0
                if quickFailures >= 20, th_signal_take() == 0 { return Outcome(status: 128 + SIGHUP, output: []) }
                continue
            }
            quickFailures = 0
            if key == .control("z") {
                suspend(screen: screen, navigator: &navigator)
                draw(navigator, on: screen, effects: effects)
                continue
            }
            let action: Action?
            if key == .resize {
                // ncurses queues KEY_RESIZE after it has resized (our SIGWINCH path calls resizeterm),
                // so only the new size is read here; resizing again would queue another one. It also
                // queues one when it comes back from endwin at the same size, which must not wipe
                // the status row (the message that Ctrl-Z cannot suspend).
                guard screen.size != navigator.state.size else { continue }
                action = .resize(screen.size)
            } else {
                action = KeyBindings.action(for: key, in: navigator.state)
            }
            guard var action else { continue }
            // Typed-ahead or pasted characters are applied as one edit, so a search runs once
            // for all of them: newer keystrokes supersede the searches older ones would start.
            if case .type(var text) = action {
                while let next = screen.readPendingKey() {
                    guard case .character(let character) = next else {
                        pendingKey = next
                        break
                    }
                    text.append(character)
                }
                action = .type(text)
            }
            // Waiting only when this action may search: the pane is open.
            if navigator.searchIndex == nil, let index = searchIndex.index(waiting: navigator.state.search != nil) {
                navigator.handle(.searchIndexReady(SearchIndexDelivery(index)))
            }
            if navigator.state.search != nil { searchIndex.buildWordIndex() }
            if navigator.wordIndex == nil, let words = searchIndex.wordIndex {
                navigator.handle(.wordIndexReady(WordIndexDelivery(words)))
            }
            let effect = navigator.handle(action)
            recorder.observe(navigator, effect: effect, now: time(nil))
            switch effect {
            case .quit(let status, let output)?:
                if options.printOnly && status == 0 && output.isEmpty { return Outcome(status: 1, output: []) }
                return Outcome(status: status, output: output)
            case .openLink(let url)?:
                if options.printOnly { return Outcome(status: 0, output: [url]) }
                effects.open(url, navigator: &navigator)
            case .copy(let text, let what)?:
                effects.copy(text, what: what, navigator: &navigator)
            case nil:
                break
            }
            probes.start(navigator.unansweredProbes)
            draw(navigator, on: screen, effects: effects)
        }
    }

    private static func draw(_ navigator: Navigator, on screen: CursesScreen, effects: EffectRunner) {
        let frame = Renderer.render(navigator)
        screen.draw(frame)
        effects.overlayHyperlinks(frame.hyperlinks)
    }

    /// Leaves full-screen mode, stops the whole job (a wrapper script too) and comes back on `fg`.
    private static func suspend(screen: CursesScreen, navigator: inout Navigator) {
        screen.suspend()
        let stopped = th_suspend_self() != 0
        screen.resume()
        navigator.handle(.resize(screen.refreshSize()))
        // Started from a script without job control: stopping would leave nobody to resume us.
        if !stopped { navigator.handle(.status("Cannot suspend without job control; q quits")) }
    }

    private static func handleSignals(screen: CursesScreen, navigator: inout Navigator, effects: EffectRunner) -> Outcome? {
        while case let signal = th_signal_take(), signal != 0 {
            switch signal {
            case SIGWINCH:
                navigator.handle(.resize(screen.refreshSize()))
            case SIGTSTP:
                suspend(screen: screen, navigator: &navigator)
            case SIGCONT:
                screen.resume()
            default:
                return Outcome(status: 128 + signal, output: [])
            }
            draw(navigator, on: screen, effects: effects)
        }
        return nil
    }
}

/// The full-screen interface could not start; plain mode is the fallback.
public struct InteractiveSessionError: Error, Sendable {
    public var message: String
}
