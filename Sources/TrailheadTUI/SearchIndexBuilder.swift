import Dispatch
import Synchronization
import TrailheadCore

/// Builds the catalog's search index on another core while the first page is read, so the
/// first keystroke in the search pane does not wait for it (about a second at 100,000 nodes).
public final class SearchIndexBuilder: Sendable {
    private let built = Mutex<SearchIndex?>(nil)
    private let done = DispatchSemaphore(value: 0)

    public init(catalog: Catalog) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let index = SearchIndex(catalog: catalog)
            built.withLock { $0 = index }
            done.signal()
        }
    }

    /// The index if it is ready; with `waiting`, blocks until it is (still sooner than building another).
    public func index(waiting: Bool) -> SearchIndex? {
        if waiting {
            done.wait()
            done.signal()
        }
        return built.withLock { $0 }
    }
}
