/// Every URL of a catalog, grouped so each distinct web URL is fetched once.
public struct LinkInventory: Sendable {
    /// One distinct http or https URL and every place it appears, in catalog order.
    public struct Target: Sendable, Equatable {
        public var url: String
        public var occurrences: [LinkOccurrence]

        public init(url: String, occurrences: [LinkOccurrence]) {
            self.url = url
            self.occurrences = occurrences
        }
    }

    /// Distinct web URLs in the order they first appear.
    public var targets: [Target]
    /// Occurrences with another scheme (such as mailto), which are not fetched.
    public var skipped: [LinkOccurrence]

    public init(targets: [Target], skipped: [LinkOccurrence]) {
        self.targets = targets
        self.skipped = skipped
    }

    public var occurrenceCount: Int { targets.reduce(0) { $0 + $1.occurrences.count } }

    /// Collects resource links and feedback targets. A feedback template is checked as it would be
    /// opened from the tree's start, with `version` filled in; it is located at the tree itself
    /// because trees do not keep the template's own position.
    /// `trees` limits the inventory to those tree ids.
    public static func collect(from catalog: Catalog, version: String, trees: Set<String>? = nil) -> LinkInventory {
        catalog.decodeAllNodes()
        var occurrences: [LinkOccurrence] = []
        for tree in catalog.trees where trees?.contains(tree.id) ?? true {
            let start = catalog.startKey(of: tree)
            if let feedback = FeedbackLink.url(for: start, trail: [], in: catalog, version: version) {
                occurrences.append(LinkOccurrence(url: feedback, field: .feedback, tree: tree.id, node: nil, location: tree.location))
            }
            for node in tree.orderedNodes {
                for link in node.resource?.links ?? [] {
                    occurrences.append(LinkOccurrence(url: link.url, field: .link, tree: tree.id, node: node.id, location: link.location))
                }
                // A URL a newcomer reads in the text, or fetches with a command, breaks as badly.
                let texts = FormatKeys.questionTexts.compactMap { node.question?[keyPath: $0.path] }
                    + FormatKeys.resourceTexts.compactMap { node.resource?[keyPath: $0.path] }
                for text in texts {
                    for url in urls(in: text) {
                        occurrences.append(LinkOccurrence(url: url, field: .text, tree: tree.id, node: node.id, location: node.location))
                    }
                }
                for command in node.resource?.commands ?? [] {
                    for url in urls(in: command.run) {
                        occurrences.append(LinkOccurrence(url: url, field: .command, tree: tree.id, node: node.id, location: command.location))
                    }
                }
            }
        }
        return grouping(occurrences)
    }

    /// The http and https URLs written in `text`: each runs to a space, a quote, a bracket or
    /// a backtick, without the sentence's closing punctuation. A URL with a `{placeholder}` or a
    /// shell expansion is left out: it is not an address until it is filled.
    public static func urls(in text: String) -> [String] {
        var found: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let rest = characters[index...]
            guard rest.starts(with: "https://") || rest.starts(with: "http://") else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, !characters[end].isWhitespace, !"\"'<>`[]|".contains(characters[end]) { end += 1 }
            var url = String(characters[index..<end])
            while let last = url.last, ".,;:!?".contains(last) || (last == ")" && !url.contains("(")) { url.removeLast() }
            if !url.contains("{"), !url.contains("$"), url.count > "https://".count { found.append(url) }
            index = max(end, index + 1)
        }
        return found
    }

    /// Groups occurrences by exact URL text, keeping first-appearance order; non-web URLs are set aside.
    public static func grouping(_ occurrences: [LinkOccurrence]) -> LinkInventory {
        var targets: [Target] = []
        var positions: [String: Int] = [:]
        var skipped: [LinkOccurrence] = []
        for occurrence in occurrences {
            guard isWeb(occurrence.url) else {
                skipped.append(occurrence)
                continue
            }
            if let position = positions[occurrence.url] {
                targets[position].occurrences.append(occurrence)
            } else {
                positions[occurrence.url] = targets.count
                targets.append(Target(url: occurrence.url, occurrences: [occurrence]))
            }
        }
        return LinkInventory(targets: targets, skipped: skipped)
    }

    /// Whether the URL is one Trailhead may fetch: http or https only.
    public static func isWeb(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon].lowercased()
        return (scheme == "http" || scheme == "https") && url[colon...].hasPrefix("://")
    }
}
