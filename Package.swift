// swift-tools-version:6.0
// MeshBench: benchmarks an N-peer mesh of BTP-NIPs relay nodes and turns the measurements into
// verdicts, PNG charts and Markdown reports. Module layout: shared/DESIGN.md §2 and docs/development.md.
import PackageDescription

/// System libraries reached through `C*` shim targets (module.modulemap + shim.h), found with
/// pkg-config; the `.apt` providers name the Debian packages that `make deps` installs.
let systemLibraries: [Target] = [
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
    .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
]

let package = Package(
    name: "MeshBench",
    platforms: [.macOS(.v13)],
    products: [],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: systemLibraries + [
        .target(name: "BenchFormats", dependencies: ["CZlib"]),
        .testTarget(name: "BenchFormatsTests", dependencies: ["BenchFormats"]),
        .target(name: "Scenarios", dependencies: [
            "Mesh", "Nostr", "Interledger", "BenchFormats",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "bench", dependencies: [
            "Scenarios", "BenchFormats", "Nostr",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Mesh", "Nostr", "BenchFormats", "ExecutableTesting"]),
        .target(name: "ExecutableTesting", path: "Tests/ExecutableTesting"),
        .testTarget(name: "PipelineEndToEndTests", dependencies: ["ExecutableTesting", "BenchFormats"]),
        .target(name: "Statistics"),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .target(name: "Units"),
        .target(name: "Charts", dependencies: ["CCairo", "Units"]),
        .testTarget(name: "UnitsTests", dependencies: ["Units"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Units"]),
        .target(name: "Reports", dependencies: [
            "BenchFormats", "Charts", "Units", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "render", dependencies: [
            "Reports", "BenchFormats", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "BenchFormats", "Charts", "Units", "CCairo"]),
        .target(name: "Nostr", dependencies: ["CSecp256k1", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "NostrTests", dependencies: ["Nostr"]),
        .target(name: "Interledger", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "InterledgerTests", dependencies: ["Interledger"]),
        .target(
            name: "Mesh",
            dependencies: [
                "Nostr",
                "Interledger",
                "CSQLite3",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "MeshTests",
            dependencies: [
                "Mesh", "Nostr", "Interledger",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "mesh-bench", dependencies: ["Mesh", "Nostr"]),
    ],
    swiftLanguageModes: [.v5]
)
