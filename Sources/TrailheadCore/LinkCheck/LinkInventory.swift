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
    public static func collect(from catalog: Catalog, version: String) -> LinkInventory {
        catalog.decodeAllNodes()
        var occurrences: [LinkOccurrence] = []
        for tree in catalog.trees {
            let start = catalog.startKey(of: tree)
            if let feedback = FeedbackLink.url(for: start, trail: [], in: catalog, version: version) {
                occurrences.append(LinkOccurrence(url: feedback, field: .feedback, tree: tree.id, node: nil, location: tree.location))
            }
            for node in tree.orderedNodes {
                for link in node.resource?.links ?? [] {
                    occurrences.append(LinkOccurrence(url: link.url, field: .link, tree: tree.id, node: node.id, location: link.location))
                }
            }
        }
        return grouping(occurrences)
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
