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
        .library(name: "SlipstreamQuantizers", targets: ["SlipstreamQuantizers"]),
        .executable(name: "slipstream", targets: ["slipstream"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
    ],
    targets: [
        // Protocol core: wire v1/v3, UCR, TQT records. No dependencies.
        .target(name: "SlipstreamCore", swiftSettings: swiftSettings),
        // Exact byte-level BPE tokenizers (tiktoken-compatible). No dependencies.
        .target(name: "SlipstreamTokenizers", swiftSettings: swiftSettings),
        // Quantizers: text -> anchor. Ships the trained `local` model as a resource.
        .target(
            name: "SlipstreamQuantizers",
            dependencies: ["SlipstreamCore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "slipstream",
            dependencies: [
                "SlipstreamCore",
                "SlipstreamTokenizers",
                "SlipstreamQuantizers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamCoreTests",
            dependencies: [
                "SlipstreamCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamTokenizersTests",
            dependencies: ["SlipstreamTokenizers"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SlipstreamQuantizersTests",
            dependencies: ["SlipstreamQuantizers"],
            swiftSettings: swiftSettings
        ),
    ]
)
