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
        .library(name: "SlipstreamStores", targets: ["SlipstreamStores"]),
        .library(name: "SlipstreamMCP", targets: ["SlipstreamMCP"]),
        .library(name: "SlipstreamMCPHTTP", targets: ["SlipstreamMCPHTTP"]),
        .library(name: "SlipstreamHub", targets: ["SlipstreamHub"]),
        .library(name: "SlipstreamHubServer", targets: ["SlipstreamHubServer"]),
        .library(name: "SlipstreamHubClient", targets: ["SlipstreamHubClient"]),
        .library(name: "SlipstreamA2A", targets: ["SlipstreamA2A"]),
        .executable(name: "slipstream", targets: ["slipstream"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
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
            dependencies: ["SlipstreamCore", "SlipstreamHub", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Durable storage on a PostgreSQL server (postgres-nio), shared by agents on many machines.
        .target(
            name: "SlipstreamPostgres",
            dependencies: [
                "SlipstreamCore", "SlipstreamHub", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // The hub: durable routing of wires between agents over any HubStore. Only the core.
        .target(name: "SlipstreamHub", dependencies: ["SlipstreamCore"], swiftSettings: swiftSettings),
        // The hub's HTTP(S) server (Hummingbird, HummingbirdTLS), for agents on many machines.
        .target(
            name: "SlipstreamHubServer",
            dependencies: [
                "SlipstreamCore", "SlipstreamHub", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // A client of the hub's HTTP(S) server (async-http-client).
        .target(
            name: "SlipstreamHubClient",
            dependencies: [
                "SlipstreamCore", "SlipstreamHub",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // SLIP-A2A: Slipstream v3 wires inside Agent2Agent (A2A) messages, Agent Card entry, ucrHash. Only the core.
        .target(name: "SlipstreamA2A", dependencies: ["SlipstreamCore"], swiftSettings: swiftSettings),
        // Opens the fallback or hub store a location names (SQLite file, PostgreSQL URL, memory): CLI and MCP server.
        .target(
            name: "SlipstreamStores",
            dependencies: ["SlipstreamCore", "SlipstreamHub", "SlipstreamTokenizers", "SlipstreamSQLite", "SlipstreamPostgres"],
            swiftSettings: swiftSettings
        ),
        // MCP server (modelcontextprotocol/swift-sdk): the CLI's operations as tools, resources and prompts.
        .target(
            name: "SlipstreamMCP",
            dependencies: [
                "SlipstreamCore",
                "SlipstreamTokenizers",
                "SlipstreamQuantizers",
                "SlipstreamLLM",
                "SlipstreamStores",
                "SlipstreamHub",
                "SlipstreamHubClient",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The MCP server over MCP's Streamable HTTP transport (Hummingbird), for many clients at once.
        .target(
            name: "SlipstreamMCPHTTP",
            dependencies: [
                "SlipstreamMCP", "SlipstreamHub", "SlipstreamHubServer", .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
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
                "SlipstreamStores",
                "SlipstreamMCP",
                "SlipstreamMCPHTTP",
                "SlipstreamHub",
                "SlipstreamHubServer",
                "SlipstreamHubClient",
                "SlipstreamA2A",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamLLMTests",
            dependencies: ["SlipstreamLLM", "SlipstreamTestSupport"],
            swiftSettings: swiftSettings
        ),
        // Paths of the repository and ../shared, and a subprocess runner, for every test target.
        .target(name: "SlipstreamTestSupport", path: "Tests/SlipstreamTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "SlipstreamCoreTests",
            dependencies: ["SlipstreamCore", "SlipstreamTestSupport"],
            swiftSettings: swiftSettings
        ),
        // Runs the built `slipstream` binary: the CLI contract.
        .testTarget(
            name: "SlipstreamCLITests",
            dependencies: ["slipstream", "SlipstreamTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamTokenizersTests",
            dependencies: ["SlipstreamCore", "SlipstreamTokenizers", "SlipstreamTestSupport"],
            swiftSettings: swiftSettings
        ),
        // Every FallbackStore and HubStore (in memory, SQLite, PostgreSQL) through one conformance suite;
        // `slipstream` processes sharing a store with the tests.
        .testTarget(
            name: "SlipstreamStorageTests",
            dependencies: [
                "SlipstreamCore", "SlipstreamSQLite", "SlipstreamPostgres", "SlipstreamHub", "slipstream", "SlipstreamTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // SLIP-A2A messages, and the same ucrHash and messages as slipcore's a2a_slipstream.py.
        .testTarget(
            name: "SlipstreamA2ATests",
            dependencies: ["SlipstreamA2A", "SlipstreamCore", "SlipstreamTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamHubTests",
            dependencies: ["SlipstreamCore", "SlipstreamHub"],
            swiftSettings: swiftSettings
        ),
        // Routes through HummingbirdTesting, the client against live servers sharing one PostgreSQL database.
        .testTarget(
            name: "SlipstreamHubServerTests",
            dependencies: [
                "SlipstreamCore", "SlipstreamHub", "SlipstreamHubServer", "SlipstreamHubClient", "SlipstreamPostgres",
                "SlipstreamSQLite", "SlipstreamTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The MCP server through the SDK's client (in memory); ../SlipstreamCLITests runs the real Python peer.
        .testTarget(
            name: "SlipstreamMCPTests",
            dependencies: [
                "SlipstreamMCP", "SlipstreamCore", "SlipstreamLLM", "SlipstreamQuantizers", "SlipstreamStores",
                "SlipstreamTokenizers", "SlipstreamHub", "SlipstreamMCPHTTP", "SlipstreamSQLite",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamDatasetsTests",
            dependencies: ["SlipstreamDatasets", "SlipstreamTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamQuantizersTests",
            dependencies: ["SlipstreamDatasets", "SlipstreamQuantizers", "SlipstreamTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
