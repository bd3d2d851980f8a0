import Dispatch
import Synchronization
import TrailheadCore

/// Makes the catalog's search engine on another core while the first page is read, so the
/// first keystroke in the search pane does not wait for it: the snapshot `trailhead search`
/// or an earlier session saved, when it is still the catalog's, or else a new index (about a
/// CPU-second at 100,000 nodes), saved in turn for the next session on this login node.
///
/// The word index for questions is built once the search pane is first opened (`buildWordIndex`),
/// while the newcomer types: most sessions never search, and nothing runs beside them.
public final class SearchIndexBuilder: Sendable {
    private let library: Library
    private let built = Mutex<(any SearchEngine)?>(nil)
    private let done = DispatchSemaphore(value: 0)
    private let words = Mutex<WordIndex?>(nil)
    private let wordsStarted = Mutex(false)

    public init(library: Library, cache: TreeCache?) {
        self.library = library
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var published = false
            let engine = CatalogSearch.engine(for: library, cache: cache) { index in
                publish(index)
                published = true
            }
            if !published { publish(engine) }
        }
    }

    /// Starts building the word index on another core, once.
    public func buildWordIndex() {
        guard wordsStarted.withLock({ started in
            defer { started = true }
            return !started
        }) else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let index = WordIndex(catalog: library.catalog)
            words.withLock { $0 = index }
        }
    }

    /// The word index once it is built; nil until then (the navigator builds its own if asked sooner).
    public var wordIndex: WordIndex? { words.withLock { $0 } }

    private func publish(_ engine: any SearchEngine) {
        built.withLock { $0 = engine }
        done.signal()
    }

    /// The engine if it is ready; with `waiting`, blocks until it is (still sooner than building another).
    public func index(waiting: Bool) -> (any SearchEngine)? {
        if waiting {
            done.wait()
            done.signal()
        }
        return built.withLock { $0 }
    }
}
