import Dispatch
import Foundation
import TrailheadCore

/// Measures what `make bench` cannot see from outside the process: catalog load time inside
/// the process, the cost of decoding every node of a catalog read from the tree cache, and the
/// search pane's latency per keystroke.
///
/// Usage: trailhead-bench DIR "query typed one character at a time" [repetitions]
/// Prints one JSON object.

func milliseconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
    return sorted[index]
}

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--quality" {
    // trailhead-bench --quality TREES QUERIES.tsv: how well search answers the evaluation set.
    let library = Library.load(TreeSources(sources: [.init(path: arguments[2], layer: "--trees")]))
    let tsv = (try? String(contentsOfFile: arguments[3], encoding: .utf8)) ?? ""
    let report = SearchEvaluation.run(SearchEvaluation.rows(tsv: tsv), catalog: library.catalog)
    print(JSONValue.object([("summary", .string(report.summary)), ("misses", .array(report.misses.map(JSONValue.string)))]).serialized(pretty: false))
    exitWith(0)
}
guard arguments.count >= 3 else {
    print("usage: trailhead-bench DIR QUERY [REPETITIONS] | trailhead-bench --quality TREES QUERIES.tsv")
    exitWith(2)
}
let directory = arguments[1]
let query = arguments[2]
let repetitions = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

let sources = TreeSources(sources: [.init(path: directory, layer: "--trees")])
let loadStart = DispatchTime.now()
let library = Library.load(sources)
let loadMilliseconds = milliseconds(loadStart)
let catalog = library.catalog

// Read from a fresh tree cache, nodes are decoded only when used; a search uses all of them.
let cachedLoader = TreeLoader(cache: TreeCache(directory: directory + ".bench-cache"))
_ = Library.load(sources, loader: cachedLoader)
let warmStart = DispatchTime.now()
let warm = Library.load(sources, loader: cachedLoader)
let warmLoadMilliseconds = milliseconds(warmStart)
warm.catalog.decodeAllNodes()
let warmDecodedMilliseconds = milliseconds(warmStart)

let indexStart = DispatchTime.now()
_ = SearchIndex(catalog: catalog)
let indexMilliseconds = milliseconds(indexStart)
let wordIndexStart = DispatchTime.now()
_ = WordIndex(catalog: catalog)
let wordIndexMilliseconds = milliseconds(wordIndexStart)

var keystrokes: [Double] = []
var byPrefix = Array(repeating: [Double](), count: query.count)
// The pane builds its index on the first search; typing a space does that before timing starts.
var navigator = Navigator(catalog: catalog, size: ScreenSize(columns: 100, rows: 30), version: "bench")
navigator.handle(.openSearch)
navigator.handle(.type(" "))
// A query read as words builds the word index at its first word; typing it once does that too.
navigator.handle(.type(query))
for _ in 0..<repetitions {
    navigator.handle(.clearInput)
    for (position, character) in query.enumerated() {
        let start = DispatchTime.now()
        navigator.handle(.type(String(character)))
        _ = Renderer.render(navigator)
        keystrokes.append(milliseconds(start))
        byPrefix[position].append(keystrokes[keystrokes.count - 1])
    }
}

let json = JSONValue.object([
    ("nodes", .int(catalog.nodeCount)),
    ("loadMs", .string(String(loadMilliseconds))),
    ("indexMs", .string(String(indexMilliseconds))),
    ("wordIndexMs", .string(String(wordIndexMilliseconds))),
    ("warmLoadMs", .string(String(warmLoadMilliseconds))),
    ("warmDecodedMs", .string(String(warmDecodedMilliseconds))),
    ("keystrokes", .int(keystrokes.count)),
    ("keystrokeP50Ms", .string(String(percentile(keystrokes, 0.5)))),
    ("keystrokeP99Ms", .string(String(percentile(keystrokes, 0.99)))),
    ("keystrokeMaxMs", .string(String(keystrokes.max() ?? 0))),
    ("prefixMedianMs", .array(byPrefix.map { .string(String((percentile($0, 0.5) * 10).rounded() / 10)) })),
])
print(json.serialized(pretty: false))
