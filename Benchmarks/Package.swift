// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so the root package's identity is the checkout's
/// folder name (`main`, `slipstream`, …).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Benchmarks live in their own package so the root build stays lean. Run them in release mode; each
// prints its figures beside the peer it must beat (see scripts/bench_*.sh and docs/benchmarks.md).
let package = Package(
    name: "SlipstreamBenchmarks",
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Wire parse/format throughput on a file of wires (the same file slipcore is timed on).
        .executableTarget(name: "WireBenchmark", dependencies: [.product(name: "SlipstreamCore", package: root)]),
        // Encode throughput of the exact BPE tokenizers on the training texts (ordo-one/benchmark;
        // `swift package --disable-sandbox benchmark --target TokenizerBenchmarks`, scripts/bench_tiktoken.py).
        .executableTarget(
            name: "TokenizerBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SlipstreamTokenizers", package: root),
            ],
            path: "Benchmarks/TokenizerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Messages per second of the local and keyword quantizers on the training texts (ordo-one/benchmark;
        // `swift package --disable-sandbox benchmark --target QuantizerBenchmarks`,
        // scripts/bench_slipcore_quantizer.py for slipcore's keyword quantizer on the same texts).
        .executableTarget(
            name: "QuantizerBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SlipstreamQuantizers", package: root),
            ],
            path: "Benchmarks/QuantizerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
