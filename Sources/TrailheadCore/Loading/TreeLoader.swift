/// Reads tree files from disk (or memory) into `LoadedFile`s, never failing as a whole.
public struct TreeLoader: Sendable {
    public var limits: LoaderLimits
    public var fileSystem: any FileSystem
    /// Where clean, large trees are kept decoded between runs; nil to always parse.
    public var cache: TreeCache?
    /// From this size on, a file read alone is read in parts on every core (`SplitTreeReader`).
    public var splitFrom = 256 << 10

    public init(limits: LoaderLimits = .standard, fileSystem: any FileSystem = LocalFileSystem(), cache: TreeCache? = nil) {
        self.limits = limits
        self.fileSystem = fileSystem
        self.cache = cache
    }

    /// Loads every `*.yaml`/`*.yml` file of a directory (sorted by name) but flow tests, or one file.
    public func load(path: String) -> [LoadedFile] {
        if fileSystem.isDirectory(path) {
            guard let names = fileSystem.entries(of: path) else {
                return [unreadable(path, reason: "the directory cannot be read")]
            }
            let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
            return loadFiles(names.filter(Self.isTreeFileName).sorted().map { "\(directory)/\($0)" })
        }
        return [loadFile(path, alone: true)]
    }

    /// Loads files on every core (a catalog gathered from many sites is many files), in the given
    /// order. A file loaded alone has every core to itself.
    public func loadFiles(_ paths: [String]) -> [LoadedFile] {
        OrderedParallelMap.map(count: paths.count, chunks: paths.count) { loadFile(paths[$0], alone: paths.count == 1) }
    }

    public func loadFile(_ path: String, alone: Bool = false) -> LoadedFile {
        // With a cache, the file is first only hashed, in small pieces: a fresh entry means its
        // bytes are never held (a large catalog is tens of megabytes of YAML).
        if let cache, let fingerprint = fileSystem.fingerprint(of: path, limit: limits.maxFileBytes),
           let tree = cache.read(fingerprint, file: path, fileSystem: fileSystem, reparse: { reparsedNodes(path) }) {
            return LoadedFile(path: path, tree: tree, diagnostics: [], fingerprint: fingerprint)
        }
        return parse(path, alone: alone)
    }

    /// The nodes of a file whose cache entry passed its check but failed to decode, parsed
    /// again; none when the file has since become broken, which a broken file never gives.
    private func reparsedNodes(_ path: String) -> [String: Node] {
        let parsed = parse(path)
        return parsed.isBroken ? [:] : parsed.tree?.nodes ?? [:]
    }

    /// Reads and parses the file, writing its cache entry when it is clean.
    private func parse(_ path: String, alone: Bool = false) -> LoadedFile {
        switch fileSystem.contents(of: path, limit: limits.maxFileBytes) {
        case .bytes(let bytes):
            let parts = alone ? splitLoad(bytes, path: path, encoding: cache != nil) : nil
            var loaded = parts?.file ?? load(bytes: bytes, path: path)
            guard let cache else { return loaded }
            let fingerprint = ContentDigester.fingerprint(of: bytes)
            loaded.fingerprint = fingerprint
            // Only files without any diagnostic are cached, so a cached load says exactly what parsing would.
            if let tree = loaded.tree, loaded.diagnostics.isEmpty {
                cache.write(tree, records: parts?.records, for: fingerprint, expectedSize: bytes.count * 3 / 4, fileSystem: fileSystem)
            }
            return loaded
        case .tooLarge(let size):
            return unreadable(path, code: "file-too-large", reason: "the file is \(size) bytes; the limit is \(limits.maxFileBytes)")
        case .unreadable(let reason):
            return unreadable(path, reason: reason)
        }
    }

    /// The tree in `bytes`; with `split`, a large file is read in parts on every core.
    public func load(bytes: [UInt8], path: String, split: Bool = false) -> LoadedFile {
        if bytes.count > limits.maxFileBytes {
            return unreadable(path, code: "file-too-large", reason: "the file is \(bytes.count) bytes; the limit is \(limits.maxFileBytes)")
        }
        if split, let loaded = splitLoad(bytes, path: path) {
            return loaded.file
        }
        let parsed = bytes.withUnsafeBytes { YAMLReader(maxDepth: limits.maxDepth).read($0) }
        switch parsed {
        case .failure(let error):
            let location = SourceLocation(file: path, line: error.line, column: error.column)
            return LoadedFile(path: path, tree: nil, diagnostics: [.error(error.code, error.message, at: location)])
        case .success(let root):
            var decoder = TreeDecoder(file: path, limits: limits, source: bytes)
            let tree = decoder.decode(root)
            var loaded = LoadedFile(path: path, tree: tree, diagnostics: decoder.diagnostics)
            loaded.unresolvedNames = decoder.unresolvedNames
            return loaded
        }
    }

    /// A large file read in parts on every core, with its cache records when `encoding`; nil when
    /// it is small or must be read whole.
    private func splitLoad(_ bytes: [UInt8], path: String, encoding: Bool = false) -> SplitTreeReader.Loaded? {
        guard bytes.count >= splitFrom, bytes.count <= limits.maxFileBytes else { return nil }
        return bytes.withUnsafeBytes { SplitTreeReader(limits: limits).load($0, path: path, encoding: encoding) }
    }

    public static func isTreeFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !isFlowTestFileName(name)
    }

    /// `*.test.yaml`: scenarios for `trailhead test`, which may sit beside the trees they test.
    public static func isFlowTestFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".test.yaml") || name.hasSuffix(".test.yml"))
    }

    private func unreadable(_ path: String, code: String = "unreadable", reason: String) -> LoadedFile {
        LoadedFile(path: path, tree: nil, diagnostics: [.error(code, "cannot load: \(reason)", at: SourceLocation(file: path, line: 1, column: 1))])
    }
}
