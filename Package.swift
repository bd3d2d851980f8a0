// swift-tools-version:6.0
import PackageDescription

/// The Makefile's builds optimize TrailheadCore in debug builds too: the tests drive 10,000-node
/// catalogs through the debug binary, and the YAML scanner's byte loops run ~10x slower
/// unoptimized. Only when asked, so the library product carries no unsafe flag for a package that
/// depends on it (SwiftPM refuses those).
let optimizedDebugCore: [SwiftSetting] = Context.environment["TRAILHEAD_OPTIMIZE_DEBUG"] == "1"
    ? [.unsafeFlags(["-O"], .when(configuration: .debug))]
    : []

let package = Package(
    name: "Trailhead",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trailhead", targets: ["trailhead"]),
        .library(name: "TrailheadCore", targets: ["TrailheadCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "TrailheadCore",
            dependencies: ["CLibYAML", "COpenSSL", "CProcess", "CStemmer"],
            swiftSettings: optimizedDebugCore
        ),
        // libyaml from Debian's libyaml-dev, read at the event level (see docs/DECISIONS.md: why not Yams).
        .systemLibrary(name: "CLibYAML", providers: [.apt(["libyaml-dev"])]),
        // SHA-256 from Debian's libssl-dev, for the cache's keys (docs/DECISIONS.md: "Cache keys are SHA-256").
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        // Snowball's English stemmer from Debian's libstemmer-dev, for searching in words (docs/DECISIONS.md).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // ncursesw from Debian's libncursesw5-dev; a module map and a shim for the macros.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // glibc's <malloc.h>, for the allocator settings the command-line tool starts with.
        .systemLibrary(name: "CMalloc"),
        // Signal flags and last-resort terminal restoration, which must be async-signal-safe C.
        .target(name: "CTerminal"),
        // Terminal descriptions built in, for the static binary on a machine without terminfo.
        .target(name: "CTerminfo", exclude: ["entries.h"]),
        // The commit `make dist` builds from, for `--version`.
        .target(name: "CBuildInfo"),
        // pipe2 with O_CLOEXEC, posix_spawn_file_actions_addclosefrom_np and sched_getaffinity's
        // CPU_COUNT: GNU extensions and macros Swift's Glibc module hides.
        .target(name: "CProcess"),
        // Starting programs from an argument vector (never a shell): the launcher, probes, curl and git.
        .target(name: "TrailheadProcess", dependencies: ["TrailheadCore", "CProcess"]),
        .target(
            name: "TrailheadTUI",
            dependencies: ["TrailheadCore", "TrailheadProcess", "CNcursesw", "CTerminal", "CTerminfo"]
        ),
        // `make bench`: in-process load time and per-keystroke search latency.
        .executableTarget(
            name: "TrailheadBench",
            dependencies: ["TrailheadCore"]
        ),
        // `make fuzz`: libFuzzer targets over the loader, sanitizer, URL rules and search (Tests/Fuzz).
        // libFuzzer itself is linked only by the fuzz build's `-sanitize=fuzzer`.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "TrailheadFuzz",
            dependencies: ["TrailheadCore", "CLibFuzzer"]
        ),
        .executableTarget(
            name: "trailhead",
            dependencies: [
                "TrailheadCore",
                "TrailheadTUI",
                "TrailheadProcess",
                "CMalloc",
                "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TrailheadCoreTests",
            dependencies: ["TrailheadCore"]
        ),
        // Runs the built `trailhead` binary as a user or script would (see the Makefile's `test`).
        .testTarget(name: "TrailheadCLITests", dependencies: ["TrailheadCore"]),
        .testTarget(name: "TrailheadProcessTests", dependencies: ["TrailheadProcess"]),
        // Drives the full-screen interface in tmux, as a person at a terminal would (needs tmux).
        .testTarget(name: "TrailheadE2ETests"),
    ]
)
