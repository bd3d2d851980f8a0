import ArgumentParser
import TrailheadCore

/// Shell completion of tree ids and `tree/node` ids from the trees that would load, read from
/// the tree cache (a few milliseconds for the bundled trees). Nothing is printed but candidates.
enum NodeCompletion {
    /// Tree ids, and the nodes of the tree named before a `/` (or of the only tree matching).
    static let treesAndNodes = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix, nodes: true) }

    /// Tree ids only.
    static let trees = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix, nodes: false) }

    static func candidates(words: [String], prefix: String, nodes: Bool) -> [String] {
        let options = treeOptions(in: words)
        let library = Library.load(options.sources, loader: TreeLoader(cache: CacheAccess.cache))
        Teardown.skip(library)
        let catalog = library.catalog
        let ids = catalog.trees.map(\.id).filter { $0.hasPrefix(prefix) }
        guard nodes else { return ids }
        let treeID = prefix.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let named = prefix.contains("/") ? [treeID] : (ids.count == 1 ? ids : [])
        let keys = named.compactMap { catalog.tree($0) }.flatMap { tree in tree.nodeOrder.map { "\(tree.id)/\($0)" } }
        return (prefix.contains("/") ? [] : ids) + keys.filter { $0.hasPrefix(prefix) }
    }

    /// The `--trees` and `--no-default-trees` already on the command line, so completion offers
    /// what the command would load.
    private static func treeOptions(in words: [String]) -> TreeOptions {
        var arguments: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--trees", index + 1 < words.count {
                arguments += [word, words[index + 1]]
                index += 1
            } else if word.hasPrefix("--trees=") || word == "--no-default-trees" {
                arguments.append(word)
            }
            index += 1
        }
        return (try? TreeOptions.parse(arguments)) ?? TreeOptions()
    }
}
