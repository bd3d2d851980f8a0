import Foundation
import Testing
@testable import TrailheadCore

/// A large file read in two parts on two cores must give exactly what reading it whole gives,
/// or leave it to be read whole.
@Suite struct SplitTreeReaderTests {
    /// A tree of `count` nodes in every style the block scanner reads: questions and resources,
    /// inline nodes, block and quoted text, flow lists and maps, comments and blank lines between nodes.
    static func tree(nodes count: Int, start: String = "n0", extra: (Int) -> String = { _ in "" }) -> String {
        var yaml = "format: 1\nid: big\ntitle: \"Big tree\"\ndescription: Many nodes\nstart: \(start)\nnodes:\n"
        for index in 0..<count {
            if index % 7 == 3 { yaml += "\n  # section \(index)\n\n" }
            yaml += "  n\(index):\n"
            if index % 3 == 0 {
                let next = min(index + 1, count - 1)
                yaml += """
                    question: "Where next from \(index)?"
                    explain: |
                      Line one of \(index).

                      Line three, é and 日本.
                    choices:
                      - label: 'Go on, it''s \(next)'
                        goto: n\(next)
                      - label: Inline \(index)
                        node:
                          title: Inline resource \(index)
                          body: >-
                            Folded
                            text \(index)

                """
            } else {
                yaml += """
                    title: "Resource \\"\(index)\\""
                    tags: [alpha, 'beta \(index)', "gamma"]
                    links:
                      - url: https://example.org/\(index)?a=b#c
                        label: Link \(index) # a comment
                    commands:
                      - run: "tool --id {id} \(index)"
                        does: Runs the tool
                        placeholders:
                          id: {prompt: "Id", default: "x\(index)", pattern: '^\\S+$'}
                    see-also: [n0]

                """
            }
            yaml += extra(index)
        }
        return yaml
    }

    private func whole(_ yaml: String, limits: LoaderLimits = .standard) -> LoadedFile {
        TreeLoader(limits: limits).load(bytes: Array(yaml.utf8), path: "big.yaml")
    }

    private func split(_ yaml: String, cuts: [Int], limits: LoaderLimits = .standard) -> LoadedFile? {
        Array(yaml.utf8).withUnsafeBytes { SplitTreeReader(limits: limits).load($0, path: "big.yaml", cuts: cuts)?.file }
    }

    private func split(_ yaml: String, cut: Int, limits: LoaderLimits = .standard) -> LoadedFile? {
        split(yaml, cuts: [cut], limits: limits)
    }

    /// The start of every line that opens an entry of `nodes`, where a cut may fall.
    private func entryLines(_ yaml: String) -> [Int] {
        let bytes = Array(yaml.utf8)
        var starts: [Int] = []
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lineStart = index + 1
            if lineStart + 3 < bytes.count, bytes[lineStart] == 0x20, bytes[lineStart + 1] == 0x20, bytes[lineStart + 2] == UInt8(ascii: "n") {
                starts.append(lineStart)
            }
        }
        return starts
    }

    private func expectSame(_ parts: LoadedFile, _ whole: LoadedFile, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let partsTree = try #require(parts.tree, sourceLocation: sourceLocation)
        let wholeTree = try #require(whole.tree, sourceLocation: sourceLocation)
        #expect(partsTree.nodeOrder == wholeTree.nodeOrder, sourceLocation: sourceLocation)
        // The cache's encoding holds every field of every node, positions included.
        #expect(TreeCodec.encode(partsTree) == TreeCodec.encode(wholeTree), sourceLocation: sourceLocation)
        #expect(parts.diagnostics.isEmpty && whole.diagnostics.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func everyCutGivesWhatReadingWholeGives() throws {
        let yaml = Self.tree(nodes: 40)
        let whole = whole(yaml)
        #expect(whole.diagnostics.isEmpty, "\(whole.diagnostics)")
        let cuts = Array(entryLines(yaml).dropFirst())
        #expect(cuts.count >= 38)
        for cut in cuts {
            let parts = try #require(split(yaml, cut: cut), "cut at byte \(cut) was refused")
            try expectSame(parts, whole)
        }
        for (first, second) in zip(cuts, cuts.dropFirst(5)) where second < cuts.last! {
            let parts = try #require(split(yaml, cuts: [first, second, cuts.last!]), "cuts at \(first), \(second) were refused")
            try expectSame(parts, whole)
        }
        try expectSame(try #require(split(yaml, cuts: cuts)), whole)
    }

    /// The cache's node records are written by the cores that read each part; joined under the
    /// tree's header they must make the very entry the whole tree makes.
    @Test func thePartsWriteTheCacheEntryTheWholeTreeWrites() throws {
        let yaml = Self.tree(nodes: 40)
        let wholeTree = try #require(whole(yaml).tree)
        let lines = entryLines(yaml)
        for cuts in [[lines[1]], [lines[3], lines[20], lines[38]], Array(lines.dropFirst())] {
            let loaded = try #require(Array(yaml.utf8).withUnsafeBytes {
                SplitTreeReader(limits: .standard).load($0, path: "big.yaml", cuts: cuts, encoding: true)
            })
            let records = try #require(loaded.records)
            #expect(records.count == cuts.count + 1)
            let tree = try #require(loaded.file.tree)
            #expect(TreeCodec.encode(tree, records: records) == TreeCodec.encode(wholeTree))
        }
        let unencoded = Array(yaml.utf8).withUnsafeBytes { SplitTreeReader(limits: .standard).load($0, path: "big.yaml", cuts: [lines[5]]) }
        #expect(unencoded?.records == nil)
    }

    @Test func theLoaderReadsALargeFileInPartsAndFindsItsCutPastTheMiddle() throws {
        let yaml = Self.tree(nodes: 2000)
        let bytes = Array(yaml.utf8)
        #expect(bytes.count > 256 << 10, "the tree must be large enough for the loader to split it")
        let cuts = bytes.withUnsafeBytes { SplitTreeReader.cuts(in: $0, parts: 4) }
        #expect(cuts.count == 3 && cuts == cuts.sorted())
        for (share, cut) in cuts.enumerated() {
            #expect(cut > bytes.count * (share + 1) / 4 && entryLines(yaml).contains(cut))
        }
        let parts = TreeLoader().load(bytes: bytes, path: "big.yaml", split: true)
        try expectSame(parts, whole(yaml))
        let lastNode = try #require(parts.tree?.nodes["n1999"])
        #expect(lastNode.location.line == yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "  n1999:")! + 1)
    }

    @Test(arguments: [
        "format: 1\nid: t\nnodes:\n  n0:\n    title: x\n",
        "format: 1\nid: t\n  nodes:\n    n0:\n      title: x\n    n1:\n      title: y\n",
        "format: 1\nid: t\nnodes: # the nodes\n  n0:\n    title: x\n  n1:\n    title: y\n",
        "nodes:\n",
        "",
    ])
    func aFileWithoutEntriesOfATopLevelNodesPastItsFirstHasNoCut(yaml: String) {
        #expect(Array(yaml.utf8).withUnsafeBytes { SplitTreeReader.cuts(in: $0, parts: 4) }.isEmpty)
    }

    /// Each of these makes reading whole report something; read in parts, the file is refused, so
    /// the loader reads it whole and reports exactly that.
    @Test(arguments: [
        ("a node id used in the head and again in the tail", 30, "n3"),
        ("a start node that is not there", -1, ""),
        ("an unknown key in the tail", 35, "    colour: red\n"),
        ("an unknown key in the head", 2, "    colour: red\n"),
        ("a warning in the tail", 37, ""),
        ("a top-level key after the nodes", 39, "format: 2\n"),
    ] as [(String, Int, String)])
    func aFileWithAProblemIsReadWhole(problem: String, at node: Int, text: String) throws {
        var yaml: String
        switch problem {
        case "a node id used in the head and again in the tail":
            yaml = Self.tree(nodes: 40).replacingOccurrences(of: "  n30:\n", with: "  n3:\n")
        case "a start node that is not there":
            yaml = Self.tree(nodes: 40, start: "nowhere")
        case "a warning in the tail":
            // A Cyrillic letter in a Latin host name.
            yaml = Self.tree(nodes: 40).replacingOccurrences(of: "https://example.org/\(node)?", with: "https://ex\u{0430}mple.org/\(node)?")
        default:
            yaml = Self.tree(nodes: 40) { $0 == node ? text : "" }
        }
        let whole = whole(yaml)
        #expect(!whole.diagnostics.isEmpty, "\(problem) was not reported")
        let cut = try #require(entryLines(yaml).first { $0 > yaml.utf8.count / 2 })
        #expect(split(yaml, cut: cut) == nil, "\(problem): read in two parts")
        #expect(split(yaml, cuts: Array(entryLines(yaml).dropFirst())) == nil, "\(problem): read in parts")
        var loader = TreeLoader()
        loader.splitFrom = 0
        let loaded = loader.load(bytes: Array(yaml.utf8), path: "big.yaml", split: true)
        #expect(loaded.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
    }

    /// Inline nodes nest without end, so only the nesting limit stops them: the tail, whose top
    /// is the file's `nodes`, must stop exactly where reading the whole file stops.
    @Test func theTailStopsAtTheNestingLimitOfTheWholeFile() throws {
        func chain(_ levels: Int) -> String {
            var text = "  deep:\n"
            var indent = "    "
            for level in 0..<levels {
                text += "\(indent)question: Q\(level)\n\(indent)choices:\n\(indent)  - label: L\(level)\n\(indent)    node:\n"
                indent += "      "
            }
            return text + "\(indent)title: Leaf\n\(indent)body: b\n"
        }
        let yaml = Self.tree(nodes: 12) { $0 == 10 ? chain(3) : "" }
        var outcomes: Set<Bool> = []
        for depth in 9...14 {
            let limits = LoaderLimits(maxDepth: depth)
            let whole = whole(yaml, limits: limits)
            let cut = try #require(entryLines(yaml).first { $0 > yaml.utf8.count / 2 && $0 < yaml.utf8.count * 9 / 10 })
            let parts = split(yaml, cut: cut, limits: limits)
            let tooDeep = whole.diagnostics.contains { $0.code == "too-deep" }
            outcomes.insert(tooDeep)
            if tooDeep {
                #expect(parts == nil, "read in parts past a nesting limit of \(depth)")
            } else {
                try expectSame(try #require(parts, "refused in parts within a nesting limit of \(depth)"), whole)
            }
        }
        #expect(outcomes == [true, false], "the chains must reach both sides of the limit")
    }

    @Test func theNodeLimitCountsBothParts() throws {
        let yaml = Self.tree(nodes: 40)
        let cut = try #require(entryLines(yaml).first { $0 > yaml.utf8.count / 2 })
        let nodes = try #require(whole(yaml).tree?.nodeCount)
        #expect(split(yaml, cut: cut, limits: LoaderLimits(maxNodesPerFile: nodes)) != nil)
        #expect(split(yaml, cut: cut, limits: LoaderLimits(maxNodesPerFile: nodes - 1)) == nil)
        #expect(whole(yaml, limits: LoaderLimits(maxNodesPerFile: nodes - 1)).diagnostics.contains { $0.code == "too-many-nodes" })
    }
}

extension SplitTreeReaderTests {
    @Test func countsLineBreaksSixteenBytesAtATime() {
        let samples: [[UInt8]] = [
            [], [0x0A], Array("a\nb\n\n".utf8), Array(repeating: 0x0A, count: 17),
            Array("é\n日本\n".utf8) + Array(repeating: 0x0B, count: 9) + [0x0A, 0x8A, 0x0A, 0xFF, 0x09],
            (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) },
            // More than 255 blocks of sixteen line breaks, past what one byte lane can hold.
            Array(repeating: 0x0A, count: 255 * 16 * 3 + 7),
        ]
        for bytes in samples {
            let counted = bytes.withUnsafeBytes { SplitTreeReader.lineBreaks(in: $0) }
            #expect(counted == bytes.filter { $0 == 0x0A }.count, "\(bytes.prefix(20))")
        }
    }
}
