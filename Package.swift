// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Slipstream",
    products: [
        .library(name: "SlipstreamCore", targets: ["SlipstreamCore"]),
        .library(name: "SlipstreamTokenizers", targets: ["SlipstreamTokenizers"]),
        .library(name: "SlipstreamDatasets", targets: ["SlipstreamDatasets"]),
        .library(name: "SlipstreamQuantizers", targets: ["SlipstreamQuantizers"]),
        .library(name: "SlipstreamLLM", targets: ["SlipstreamLLM"]),
        .library(name: "SlipstreamSQLite", targets: ["SlipstreamSQLite"]),
        .library(name: "SlipstreamPostgres", targets: ["SlipstreamPostgres"]),
        .executable(name: "slipstream", targets: ["slipstream"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Protocol core: wire v1/v3, UCR, TQT records. No dependencies.
        .target(name: "SlipstreamCore", swiftSettings: swiftSettings),
        // Exact byte-level BPE tokenizers (tiktoken-compatible). Only the core (for SHA-256).
        .target(name: "SlipstreamTokenizers", dependencies: ["SlipstreamCore"], swiftSettings: swiftSettings),
        // TQT training data (JSONL rows): reading, checking, statistics, conversion, splitting, export.
        .target(name: "SlipstreamDatasets", dependencies: ["SlipstreamCore"], swiftSettings: swiftSettings),
        // Quantizers: text -> anchor. Ships the trained `local` model as a resource.
        .target(
            name: "SlipstreamQuantizers",
            dependencies: ["SlipstreamCore", "SlipstreamDatasets"],
            resources: [.copy("Resources/local-v1.slpq")],
            swiftSettings: swiftSettings
        ),
        // LLM engine: llama.cpp / OpenAI-compatible and Ollama servers, grammar-constrained.
        .target(
            name: "SlipstreamLLM",
            dependencies: [
                "SlipstreamCore",
                "SlipstreamQuantizers",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Durable storage in a SQLite file (GRDB over the system libsqlite3): the Fallback text store.
        .target(
            name: "SlipstreamSQLite",
            dependencies: ["SlipstreamCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Durable storage on a PostgreSQL server (postgres-nio), shared by agents on many machines.
        .target(
            name: "SlipstreamPostgres",
            dependencies: ["SlipstreamCore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "slipstream",
            dependencies: [
                "SlipstreamCore",
                "SlipstreamTokenizers",
                "SlipstreamDatasets",
                "SlipstreamQuantizers",
                "SlipstreamLLM",
                "SlipstreamSQLite",
                "SlipstreamPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamLLMTests",
            dependencies: ["SlipstreamLLM"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamCoreTests",
            dependencies: ["SlipstreamCore"],
            swiftSettings: swiftSettings
        ),
        // Runs the built `slipstream` binary: the CLI contract.
        .testTarget(
            name: "SlipstreamCLITests",
            dependencies: ["slipstream"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamTokenizersTests",
            dependencies: ["SlipstreamCore", "SlipstreamTokenizers"],
            swiftSettings: swiftSettings
        ),
        // Every FallbackStore (in memory, SQLite, PostgreSQL) through one conformance suite.
        .testTarget(
            name: "SlipstreamStorageTests",
            dependencies: [
                "SlipstreamCore", "SlipstreamSQLite", "SlipstreamPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamDatasetsTests",
            dependencies: ["SlipstreamDatasets"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamQuantizersTests",
            dependencies: ["SlipstreamDatasets", "SlipstreamQuantizers"],
            swiftSettings: swiftSettings
        ),
    ]
)
