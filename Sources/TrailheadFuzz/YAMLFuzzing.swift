import TrailheadCore

/// The block scanner against libyaml on the same bytes: wherever the block scanner reads a
/// document, libyaml must read the very same document, positions included.
enum YAMLFuzzing {
    static func run(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard let ours = YAMLReader().readBlockSubset(raw) else { return }
            switch YAMLReader(scanner: .libyaml).read(raw) {
            case .success(let theirs):
                if ours != theirs { fatalError("the block scanner and libyaml read different documents:\n\(ours)\n\(theirs)") }
            case .failure(let error):
                fatalError("libyaml refuses what the block scanner read: \(error)")
            }
        }
    }
}
