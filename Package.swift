// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "GoTomKit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "GoTomAuth", targets: ["GoTomAuth"]),
        .library(name: "GoTomModels", targets: ["GoTomModels"]),
        .library(name: "GoTomAPI", targets: ["GoTomAPI"]),
        .library(name: "GoTomSandbox", targets: ["GoTomSandbox"]),
        .library(name: "GoTomSync", targets: ["GoTomSync"]),
        .library(name: "GoTomTesting", targets: ["GoTomTesting"]),
        .executable(name: "gotom", targets: ["gotom"]),
        .executable(name: "gotom-mcp", targets: ["gotom-mcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", exact: "0.12.1"),
    ],
    targets: [
        .target(
            name: "GoTomAuth",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GoTomModels",
            swiftSettings: strictSettings
        ),
        .target(
            name: "GoTomAPI",
            dependencies: [
                "GoTomAuth",
                "GoTomModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GoTomSandbox",
            dependencies: [
                "GoTomAuth",
                "GoTomModels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GoTomSync",
            dependencies: [
                "GoTomAPI",
                "GoTomModels",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GoTomCLI",
            dependencies: [
                "GoTomAuth",
                "GoTomAPI",
                "GoTomSandbox",
                "GoTomSync",
                "GoTomModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "gotom",
            dependencies: ["GoTomCLI"],
            swiftSettings: strictSettings,
            // The executable exports no symbols: with SwiftPM's default (every symbol dynamic), each start of
            // `gotom` spends milliseconds in the dynamic loader binding and searching a 50,000-entry table.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),
        // `gotom mcp` execs this executable: the MCP library links Foundation's networking and libcurl, which
        // `gotom` itself (started once per call by scripts) does not load.
        .target(
            name: "GoTomMCP",
            dependencies: [
                "GoTomAPI",
                "GoTomAuth",
                "GoTomCLI",
                "GoTomModels",
                "GoTomSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "gotom-mcp",
            dependencies: ["GoTomMCP"],
            swiftSettings: strictSettings,
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "gotom-signing-benchmark",
            dependencies: ["GoTomAuth"],
            path: "Benchmarks/SigningBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "gotom-sdk-benchmark",
            dependencies: ["GoTomAPI", "GoTomAuth"],
            path: "Benchmarks/SDKBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "customer-csv-import",
            dependencies: ["GoTomAPI", "GoTomAuth", "GoTomModels"],
            path: "Examples/CustomerCSVImport",
            exclude: ["customers.csv"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "customer-sync-service",
            dependencies: ["GoTomAPI", "GoTomModels", "GoTomSync"],
            path: "Examples/CustomerSyncService",
            swiftSettings: strictSettings
        ),
        // The fuzz harnesses' property checks: a library, so that GoTomFuzzTests can replay the committed corpora,
        // and a thin executable that is the libFuzzer target when built with `-sanitize=fuzzer -DFUZZING`
        // (Scripts/fuzz.sh) and replays input files otherwise.
        .target(
            name: "GoTomFuzzing",
            dependencies: ["GoTomAuth", "GoTomSandbox", "GoTomCLI", "GoTomModels", "GoTomSync"],
            path: "Fuzz/Harnesses",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "gotom-fuzz",
            dependencies: ["GoTomFuzzing"],
            path: "Fuzz/Runner",
            swiftSettings: strictSettings
        ),
        // Helpers for users' tests: an in-process sandbox in one call, a fault-injecting server, a ticking clock.
        .target(
            name: "GoTomTesting",
            dependencies: [
                "GoTomAPI",
                "GoTomAuth",
                "GoTomSandbox",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Helpers for this package's own tests only (external tools, prerequisites, goTom's seed clients, ports);
        // not a product, and no server framework, so that the signer's tests build no Hummingbird.
        .target(
            name: "GoTomTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomAuthTests",
            dependencies: ["GoTomAuth", "GoTomTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomModelsTests",
            dependencies: ["GoTomModels", "GoTomTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomAPITests",
            dependencies: [
                "GoTomAPI",
                "GoTomAuth",
                "GoTomModels",
                "GoTomSandbox",
                "GoTomTestSupport",
                "GoTomTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomTestingTests",
            dependencies: [
                "GoTomAPI",
                "GoTomAuth",
                "GoTomModels",
                "GoTomSandbox",
                "GoTomTesting",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomSandboxTests",
            dependencies: [
                "GoTomSandbox",
                "GoTomAuth",
                "GoTomModels",
                "GoTomTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomSyncTests",
            dependencies: [
                "GoTomSync",
                "GoTomAPI",
                "GoTomAuth",
                "GoTomModels",
                "GoTomSandbox",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomCLITests",
            dependencies: [
                "GoTomCLI",
                "GoTomMCP",
                "GoTomAPI",
                "GoTomModels",
                "GoTomSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomFuzzTests",
            dependencies: ["GoTomFuzzing"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GoTomEndToEndTests",
            dependencies: [
                "GoTomAuth",
                "GoTomTestSupport",
                "GoTomSandbox",
                "gotom",
                "customer-csv-import",
                "customer-sync-service",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
