/// One search of a whole library, as `trailhead search` runs it: the one entry point scripts and
/// the command line share.
///
/// An unchanged catalog is searched through its snapshot (no node decoded, no index built). A
/// changed one has its index built and saved as the next run's snapshot, which this search then
/// uses; without a cache, the index alone answers.
public struct CatalogSearch: Sendable {
    private enum Source: Sendable {
        case snapshot(SearchSnapshot, hits: [SearchSnapshot.Hit], query: SearchSnapshot.PreparedQuery)
        case index([SearchResult])
    }

    public let text: String
    public let catalog: Catalog
    private let source: Source
    /// An index built for this search, held as long as the search is: a command keeps the search
    /// until it exits rather than release a large index object by object (`Teardown`).
    private let builtIndex: SearchIndex?

    /// `query` is `text` as parsed, when options change how (`--exact`, `--ignore-case`).
    public init(_ text: String, query: SearchQuery? = nil, limit: Int, library: Library, cache: TreeCache?) {
        self.text = text
        catalog = library.catalog
        let query = query ?? SearchQuery(text)
        var snapshot = cache?.searchSnapshot(for: library)
        builtIndex = snapshot == nil ? SearchIndex(catalog: catalog) : nil
        if let builtIndex {
            snapshot = cache?.saveSearchSnapshot(of: builtIndex, for: library)
            if snapshot == nil {
                source = .index(builtIndex.search(query, limit: limit, within: nil, settled: nil).results)
                return
            }
        }
        guard let snapshot else { preconditionFailure("a snapshot was found or saved above") }
        source = .snapshot(snapshot, hits: snapshot.search(query, limit: limit), query: SearchSnapshot.PreparedQuery(query))
    }

    /// The engine for searches to come, as the interface and plain mode need it: the catalog's
    /// snapshot when it is fresh, else an index built now, handed to `built` at once and then
    /// saved as the next session's snapshot (so a first search never waits for the disk).
    public static func engine(
        for library: Library, cache: TreeCache?, built: (any SearchEngine) -> Void = { _ in }
    ) -> any SearchEngine {
        if let snapshot = cache?.searchSnapshot(for: library) { return snapshot }
        let index = SearchIndex(catalog: library.catalog)
        built(index)
        _ = cache?.saveSearchSnapshot(of: index, for: library)
        return index
    }

    public var count: Int {
        switch source {
        case .snapshot(_, let hits, _): hits.count
        case .index(let results): results.count
        }
    }

    /// The node of result `number`, without making the whole result.
    public func key(_ number: Int) -> NodeKey {
        switch source {
        case .snapshot(let snapshot, let hits, _): snapshot.key(for: hits[number])
        case .index(let results): results[number].key
        }
    }

    /// `body` on the text result `number` shows, folded (lower case, accents removed), without
    /// working out where it matched.
    public func withFoldedText<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch source {
        case .snapshot(let snapshot, let hits, _): snapshot.withFoldedText(for: hits[number], body)
        case .index(let results): TextFolding.fold(results[number].matchedText).lower.withUnsafeBufferPointer(body)
        }
    }

    /// Result `number` (from 0), best first.
    public func result(_ number: Int) -> SearchResult {
        switch source {
        case .snapshot(let snapshot, let hits, let query): snapshot.result(for: hits[number], query: query)
        case .index(let results): results[number]
        }
    }

    /// Result `number` as compact `search --json` writes it: from the snapshot's stored fragments
    /// when there is one (the same bytes `NodeJSON.searchResult` writes, SearchSnapshotTests
    /// proves), else from the result.
    public func appendCompactJSON(_ number: Int, to out: inout [UInt8]) {
        switch source {
        case .snapshot(let snapshot, let hits, let query): snapshot.appendJSON(for: hits[number], query: query, to: &out)
        case .index(let results): NodeJSON.searchResult(results[number], in: catalog).append(to: &out, pretty: false)
        }
    }
}
