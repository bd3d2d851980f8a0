/// Where every tree and every overridden node came from: what `trailhead list --sources` shows.
public struct SourceReport: Sendable {
    /// One place trees are looked for, in precedence order, and how many tree files it gave.
    public struct Place: Sendable, Equatable {
        public var layer: String
        public var path: String
        public var exists: Bool
        public var files: Int
    }

    /// A loaded tree, the file and layer that won, and the overlays applied to it.
    public struct Entry: Sendable {
        public var tree: String
        public var file: String
        public var layer: String
        public var overrides: [NodeOverride]
    }

    /// A tree file that lost to another file defining the same id higher in the search order.
    public struct Shadowed: Sendable, Equatable {
        public var tree: String
        public var file: String
        public var layer: String
        public var winner: String
    }

    public var places: [Place]
    public var entries: [Entry]
    public var shadowed: [Shadowed]
    /// Overlay files that changed nothing: their tree is not loaded, or comes from a higher layer.
    public var unapplied: [Diagnostic]

    /// The codes of `Library`'s warnings about an overlay that was not applied.
    public static let unappliedOverlayCodes: Set<String> = ["overlay-without-tree", "overlay-below-tree"]

    public init(sources: TreeSources, library: Library, exists: (String) -> Bool) {
        places = sources.sources.map { source in
            let prefix = source.path.hasSuffix("/") ? source.path : source.path + "/"
            let count = library.files.filter { $0.path == source.path || $0.path.hasPrefix(prefix) }.count
            return Place(layer: source.layer, path: source.path, exists: exists(source.path), files: count)
        }
        let layers = Dictionary(library.files.map { ($0.path, $0.layer) }, uniquingKeysWith: { first, _ in first })
        entries = library.catalog.trees.map { tree in
            Entry(tree: tree.id, file: tree.file, layer: layers[tree.file] ?? "",
                  overrides: library.overrides.filter { $0.tree == tree.id })
        }
        unapplied = library.crossFileDiagnostics.filter { Self.unappliedOverlayCodes.contains($0.code) }
        let winners = Dictionary(library.catalog.trees.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
        shadowed = library.files.compactMap { file in
            guard let tree = file.tree, !tree.isOverlay, let winner = winners[tree.id], winner != file.path else { return nil }
            return Shadowed(tree: tree.id, file: file.path, layer: file.layer, winner: winner)
        }
    }

    public var json: JSONValue {
        .object([
            ("sources", .array(places.map { place in
                .object([("layer", .string(place.layer)), ("path", .string(place.path)),
                         ("exists", .bool(place.exists)), ("files", .int(place.files))])
            })),
            ("trees", .array(entries.map { entry in
                .object([
                    ("id", .string(entry.tree)), ("file", .string(entry.file)), ("layer", .string(entry.layer)),
                    ("overrides", .array(entry.overrides.map { override in
                        .object(NodeJSON.identity(NodeKey(tree: entry.tree, node: override.node)) + [
                            ("action", .string(override.replaced == nil ? "added" : "replaced")),
                            ("source", NodeJSON.location(override.location)),
                            ("layer", .string(override.layer)),
                            ("replaced", override.replaced.map(NodeJSON.location) ?? .null),
                        ])
                    })),
                ])
            })),
            ("shadowed", .array(shadowed.map { item in
                .object([("id", .string(item.tree)), ("file", .string(item.file)),
                         ("layer", .string(item.layer)), ("by", .string(item.winner))])
            })),
            ("unappliedOverlays", .array(unapplied.map { diagnostic in
                .object([("source", NodeJSON.location(diagnostic.location)), ("reason", .string(diagnostic.message))])
            })),
        ])
    }

    /// Plain lines, tree text already made safe for a terminal.
    public var lines: [String] {
        var lines = ["Sources, highest precedence first:"]
        let layerWidth = places.map(\.layer.count).max() ?? 0
        for place in places {
            let state = !place.exists ? "not there" : place.files == 1 ? "1 file" : "\(place.files) files"
            lines.append("  \(Self.padded(place.layer, layerWidth))  \(TextSanitizer.line(place.path))  (\(state))")
        }
        lines.append("")
        lines.append("Trees:")
        let idWidth = entries.map(\.tree.count).max() ?? 0
        for entry in entries {
            lines.append("  \(Self.padded(entry.tree, idWidth))  \(TextSanitizer.line(entry.file))  (\(entry.layer))")
            for override in entry.overrides {
                let verb = override.replaced == nil ? "added by" : "replaced by"
                lines.append("  \(String(repeating: " ", count: idWidth))    \(TextSanitizer.line(override.node)) \(verb) \(TextSanitizer.line(override.location.description)) (\(override.layer))")
            }
        }
        if !unapplied.isEmpty {
            lines.append("")
            lines.append("Overlays not applied:")
            for diagnostic in unapplied {
                lines.append("  \(TextSanitizer.line(diagnostic.location.file)): \(TextSanitizer.line(diagnostic.message))")
            }
        }
        if !shadowed.isEmpty {
            lines.append("")
            lines.append("Hidden by a file higher in the search order:")
            for item in shadowed {
                lines.append("  \(TextSanitizer.line(item.tree))  \(TextSanitizer.line(item.file)) (\(item.layer)), hidden by \(TextSanitizer.line(item.winner))")
            }
        }
        return lines
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
