// swift-tools-version:6.0
// MeshBench: benchmarks an N-peer mesh of BTP-NIPs relay nodes and turns the measurements into
// verdicts, PNG charts and Markdown reports. Module layout: docs/architecture.md §2.
import PackageDescription

/// System libraries reached through `C*` shim targets (module.modulemap + shim.h), found with
/// pkg-config; the `.apt` providers name the Debian packages that `make deps` installs.
let systemLibraries: [Target] = [
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
    .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    // OpenSSL's libcrypto, for SHA-256 only (Sources/Hashing says why).
    .systemLibrary(name: "COpenSSLCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    // glibc's <malloc.h> (malloc_info), part of libc6-dev: nothing to link.
    .systemLibrary(name: "CMalloc"),
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
/// NIO's `NIOLockedValueBox` and `NIOLock`: state shared between threads (the standard `Mutex`
/// needs macOS 15).
let nioLocks: Target.Dependency = .product(name: "NIOConcurrencyHelpers", package: "swift-nio")

let package = Package(
    name: "MeshBench",
    platforms: [.macOS(.v13)],
    products: [],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: systemLibraries + [
        // The mesh under test.
        /// The one seeded generator (SplitMix64): topologies, simulated links, fuzz inputs, statistics.
        .target(name: "SeededRandom"),
        /// The one reader of Linux's /proc (memory and CPU time of processes, the CPU model).
        .target(name: "ProcFS"),
        /// The one JSON scanner and writer (no dependencies), under Nostr, Interledger and BenchFormats.
        .target(name: "JSON"),
        /// SHA-256 and HMAC-SHA256 with value-type states (event ids, ILP conditions, dedup digests).
        .target(name: "Hashing", dependencies: ["COpenSSLCrypto"]),
        .target(name: "Nostr", dependencies: ["CSecp256k1", "JSON", "Hashing"]),
        .target(name: "Interledger", dependencies: ["JSON", "Hashing"]),
        .target(
            name: "Mesh",
            dependencies: [
                "Nostr", "Interledger", "CSQLite3", "SeededRandom", "Hashing",
                nioLocks,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]),
        // A NIP-01 client: how bench measures relays it did not build (`bench --target`).
        .target(
            name: "NostrClient",
            dependencies: [
                "Nostr",
                nioLocks,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]),
        // File contracts, measurement, statistics, verdicts, charts, reports.
        .target(name: "BenchFormats", dependencies: ["CZlib", "JSON", "Units"]),
        .target(
            name: "Scenarios",
            dependencies: [
                "Mesh", "Nostr", "NostrClient", "Interledger", "BenchFormats", "Statistics", "CMalloc", "ProcFS",
                "Hashing",
                .product(name: "Logging", package: "swift-log"),
                nioLocks,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .target(name: "Statistics", dependencies: ["SeededRandom"]),
        .target(name: "Analysis", dependencies: ["BenchFormats", "Statistics", "Units"]),
        .target(name: "Units"),
        .target(name: "Charts", dependencies: ["CCairo", "CZlib", "Units"]),
        .target(name: "Profiling", dependencies: ["BenchFormats", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Reports",
            dependencies: [
                "BenchFormats", "Charts", "Units", "Statistics", .product(name: "Mustache", package: "swift-mustache"),
            ], plugins: ["EmbedTemplates"]),
        /// Builds templates/*.mustache into Reports, so render needs no files beside its binary.
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .executableTarget(name: "embed-templates"),
        // The command-line layers.
        /// The shared `main` of the three tools: exit codes, usage errors, standard error.
        .target(
            name: "CommandLineSupport",
            dependencies: [
                "CStandardStreams", argumentParser, nioLocks, .product(name: "Logging", package: "swift-log"),
            ]),
        /// Reopens closed standard descriptors before main, so no file or socket takes their numbers.
        .target(name: "CStandardStreams"),
        .executableTarget(
            name: "bench",
            dependencies: [
                "Scenarios", "BenchFormats", "Nostr", "NostrClient", "Mesh", "Reports",
                "Profiling", "CommandLineSupport",
                argumentParser,
                nioLocks,
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "analyze", dependencies: ["Analysis", "BenchFormats", "CommandLineSupport", argumentParser]),
        .executableTarget(
            name: "render", dependencies: ["Reports", "BenchFormats", "CommandLineSupport", argumentParser]),
        // Fuzzing (issue 12, docs/development.md): the one mutator, the campaign loop and the one list
        // of targets (every decoder of untrusted input, and a node's WebSocket handling), run by
        // meshbench-fuzz (seeded mutations; libFuzzer with -DLIBFUZZER).
        .target(
            name: "Fuzzing",
            dependencies: [
                "Analysis", "BenchFormats", "Reports", "Mesh", "Interledger", "Nostr", "ProcFS", "SeededRandom",
            ]),
        .executableTarget(name: "meshbench-fuzz", dependencies: ["Fuzzing", argumentParser]),
        /// JSON decode speed against Foundation's JSONDecoder (scripts/bench/json-speed.sh, docs/design-notes.md).
        .executableTarget(name: "json-speed", dependencies: ["BenchFormats", "Interledger", "Nostr"]),
        // Tests: one target per module, plus end-to-end tests that run the built executables
        // (they depend on the executables so `swift test` builds them).
        .target(name: "ExecutableTesting", dependencies: [nioLocks], path: "Tests/ExecutableTesting"),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "SeededRandom"]),
        .testTarget(name: "NostrTests", dependencies: ["Nostr", "SeededRandom", nioLocks]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing", "SeededRandom"]),
        .testTarget(name: "InterledgerTests", dependencies: ["Interledger", "SeededRandom"]),
        .testTarget(
            name: "NostrClientTests",
            dependencies: [
                "NostrClient", "Nostr", "Mesh",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .testTarget(
            name: "MeshTests",
            dependencies: [
                "Mesh", "Nostr", "Interledger", "SeededRandom",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]),
        .testTarget(name: "BenchFormatsTests", dependencies: ["BenchFormats", "ExecutableTesting", nioLocks]),
        .testTarget(name: "FuzzingTests", dependencies: ["Fuzzing", "Mesh"]),
        .testTarget(
            name: "ScenariosTests",
            dependencies: ["Scenarios", "BenchFormats", "Mesh", "Nostr", "ExecutableTesting", nioLocks]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "SeededRandom"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "BenchFormats", "Statistics", "SeededRandom"]),
        .testTarget(name: "AnalyzeEndToEndTests", dependencies: ["analyze", "BenchFormats", "ExecutableTesting"]),
        .testTarget(name: "UnitsTests", dependencies: ["Units"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Units", "SeededRandom"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "BenchFormats", "Charts", "Units", "Statistics", "CCairo", "ExecutableTesting", "render",
            ], exclude: ["Golden"]),
        .testTarget(name: "ProfilingTests", dependencies: ["Profiling"]),
        .testTarget(name: "ProcFSTests", dependencies: ["ProcFS"]),
        .testTarget(
            name: "CommandLineSupportTests",
            dependencies: ["CommandLineSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "BenchToolsEndToEndTests", dependencies: ["ExecutableTesting", "bench"]),
        .testTarget(
            name: "PipelineEndToEndTests",
            dependencies: [
                "ExecutableTesting", "BenchFormats", "bench", "analyze", "render",
            ], exclude: ["Golden"]),
    ]
)
