/// A tree as a drawable graph: its nodes, the nodes of other trees it points at, and labelled edges.
///
/// Vertices get generated names (`n1`, `x1`, …) because node ids may hold `.` and words such as
/// `end` that diagram languages give a meaning of their own.
public struct ExportGraph: Sendable {
    /// How a vertex is drawn.
    public enum Shape: Sendable {
        case question
        case resource
        /// A node outside the tree (another tree, or a target that is not there).
        case external
    }

    /// One box of the drawing.
    public struct Vertex: Sendable {
        public var name: String
        public var shape: Shape
        /// Raw, untrusted text: each renderer escapes it for its own syntax.
        public var label: String
        public var isStart: Bool
    }

    /// One arrow of the drawing.
    public struct Edge: Sendable {
        public var from: String
        public var to: String
        public var label: String
        public var isSeeAlso: Bool
    }

    public var treeID: String
    public var vertices: [Vertex]
    public var edges: [Edge]

    public init(tree: Tree) {
        var names: [NodeKey: String] = [:]
        var vertices: [Vertex] = []
        for node in tree.orderedNodes {
            let name = "n\(vertices.count + 1)"
            names[NodeKey(tree: tree.id, node: node.id)] = name
            vertices.append(Vertex(
                name: name, shape: node.isResource ? .resource : .question, label: node.heading,
                isStart: node.id == tree.startID))
        }
        var externalCount = 0
        var edges: [Edge] = []
        for node in tree.orderedNodes {
            guard let from = names[NodeKey(tree: tree.id, node: node.id)] else { continue }
            let labelled: [(NodeReference, String, Bool)] = switch node.content {
            case .question(let question): question.choices.map { ($0.target, $0.label, false) }
            case .resource(let resource): resource.seeAlso.map { ($0, "see also", true) }
            }
            for (reference, label, isSeeAlso) in labelled {
                let target = reference.key(from: tree.id)
                let to: String
                if let known = names[target] {
                    to = known
                } else {
                    externalCount += 1
                    to = "x\(externalCount)"
                    names[target] = to
                    vertices.append(Vertex(name: to, shape: .external, label: target.description, isStart: false))
                }
                edges.append(Edge(from: from, to: to, label: label, isSeeAlso: isSeeAlso))
            }
        }
        self.treeID = tree.id
        self.vertices = vertices
        self.edges = edges
    }
}
