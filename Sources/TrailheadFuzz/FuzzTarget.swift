import TrailheadCore

/// The fuzz targets, by the name `make fuzz` and `TRAILHEAD_FUZZ_TARGET` use.
enum FuzzTarget: String, CaseIterable {
    case loader, split, yaml, sanitizer, urls, search, cache, snapshot

    static let environmentVariable = "TRAILHEAD_FUZZ_TARGET"

    /// Runs one input through the target; a broken invariant stops the process with `fatalError`.
    func run(_ input: [UInt8]) {
        switch self {
        case .loader: LoaderFuzzing.run(input)
        case .split: SplitFuzzing.run(input)
        case .yaml: YAMLFuzzing.run(input)
        case .sanitizer: SanitizerFuzzing.run(input)
        case .urls: URLFuzzing.run(input)
        case .search: SearchFuzzing.run(input)
        case .cache: CacheFuzzing.run(input)
        case .snapshot: SnapshotFuzzing.run(input)
        }
    }

    /// The function libFuzzer calls with each input. A C function pointer cannot capture the
    /// target, so each case gets a closure of its own.
    var callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 {
        switch self {
        case .loader: { LoaderFuzzing.run(Self.bytes($0, $1)); return 0 }
        case .split: { SplitFuzzing.run(Self.bytes($0, $1)); return 0 }
        case .yaml: { YAMLFuzzing.run(Self.bytes($0, $1)); return 0 }
        case .sanitizer: { SanitizerFuzzing.run(Self.bytes($0, $1)); return 0 }
        case .urls: { URLFuzzing.run(Self.bytes($0, $1)); return 0 }
        case .search: { SearchFuzzing.run(Self.bytes($0, $1)); return 0 }
        case .cache: { CacheFuzzing.run(Self.bytes($0, $1)); return 0 }
        case .snapshot: { SnapshotFuzzing.run(Self.bytes($0, $1)); return 0 }
        }
    }

    private static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    }
}
