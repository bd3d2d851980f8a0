/// Reads and writes `Progress` as a small line-oriented text file that a person can inspect:
///
///     trailhead-progress 1
///     at	1764124800	escape-vre/start escape-vre/data escape-vre/rucio
///     visit	1764124900	opened	escape-vre/rucio	https://rucio.example.org/
///
/// Unknown line kinds are skipped so a newer Trailhead's file still reads; anything else that
/// does not parse makes the whole file corrupt, and the caller starts afresh.
public enum ProgressFile {
    public static let header = "trailhead-progress 1"
    /// A state file bigger than this is not ours to read.
    public static let sizeLimit = 1 << 20

    /// Why a state file was not used.
    public struct Corrupt: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func encode(_ progress: Progress) -> String {
        var lines = [header]
        for position in progress.positions {
            lines.append("at\t\(position.time)\t" + position.route.map(\.description).joined(separator: " "))
        }
        for visit in progress.visits {
            lines.append("visit\t\(visit.time)\t\(visit.kind.rawValue)\t\(visit.node)\t\(escape(visit.detail))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func decode(_ text: String) throws(Corrupt) -> Progress {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Substring(header) else {
            throw Corrupt(line: 1, reason: "expected '\(header)'")
        }
        var progress = Progress()
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "at":
                guard fields.count == 3, let time = Int(fields[1]) else { throw Corrupt(line: number, reason: "a position needs a time and a route") }
                var route: [NodeKey] = []
                for text in fields[2].split(separator: " ") { route.append(try key(text, line: number)) }
                guard !route.isEmpty, route.allSatisfy({ $0.tree == route[0].tree }) else {
                    throw Corrupt(line: number, reason: "a route stays in one tree")
                }
                if progress.positions.count < Progress.maximumPositions {
                    progress.positions.append(Progress.Position(time: time, route: route))
                }
            case "visit":
                guard fields.count == 5, let time = Int(fields[1]), let kind = Progress.Visit.Kind(rawValue: String(fields[2])) else {
                    throw Corrupt(line: number, reason: "a visit needs a time, a kind, a node and a detail")
                }
                progress.record(Progress.Visit(time: time, kind: kind, node: try key(fields[3], line: number), detail: unescape(fields[4])))
            default:
                continue
            }
        }
        return progress
    }

    private static func key(_ text: Substring, line: Int) throws(Corrupt) -> NodeKey {
        // Ids as a tree file allows them: anything else in this file was not written by Trailhead.
        guard let key = NodeKey(parsing: String(text)), TreeDecoder.isValidTreeID(key.tree), TreeDecoder.isValidNodeID(key.node) else {
            throw Corrupt(line: line, reason: "'\(TextSanitizer.line(String(text.prefix(80))))' is not tree/node")
        }
        return key
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
