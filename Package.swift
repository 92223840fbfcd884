// swift-tools-version:6.1
import PackageDescription

/// Release builds on x86-64 target the x86-64-v3 feature level (AVX2 + FMA) so the float kernels
/// vectorise and `fma` is one instruction instead of a library call. The CPU is named `haswell`,
/// whose features are exactly x86-64-v3: Swift 6.3's clang importer rejects the name `x86-64-v3`.
/// The same builds define `MARQUEE_FMA`, so `SIMD8.multiplyAdd` becomes one fused instruction there. `MARQUEE_PORTABLE=1 swift build` leaves the flag
/// out for machines without AVX2; the kernels are correct either way.
let kernelFlags: [SwiftSetting] = {
    #if arch(x86_64)
    if Context.environment["MARQUEE_PORTABLE"] == nil {
        return [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release)),
                .define("MARQUEE_FMA", .when(configuration: .release))]
    }
    #endif
    return []
}()

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Marquee",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "marquee", targets: ["marquee"]),
        .library(name: "RecCore", targets: ["RecCore"]),
        .library(name: "RecAlgorithms", targets: ["RecAlgorithms"]),
        .library(name: "RecEvaluation", targets: ["RecEvaluation"]),
        .library(name: "RecImport", targets: ["RecImport"]),
        .library(name: "RecStore", targets: ["RecStore"]),
        .library(name: "RecStoreSQLite", targets: ["RecStoreSQLite"]),
        .library(name: "RecStorePostgres", targets: ["RecStorePostgres"]),
        .library(name: "RecPipeline", targets: ["RecPipeline"]),
        .library(name: "RecText", targets: ["RecText"]),
        .library(name: "RecGeneration", targets: ["RecGeneration"]),
        .library(name: "RecRanking", targets: ["RecRanking"]),
        .library(name: "RecServer", targets: ["RecServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // RecStorePostgres: the PostgreSQL store (connection pool, parameterised statements, COPY FROM STDIN).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The server (RecServer): HTTP, metrics in Prometheus format, logging, hashing of API keys.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // L0
        .target(name: "RecCore", swiftSettings: strict + kernelFlags),
        // L1
        .target(name: "RecAlgorithms", dependencies: ["RecCore"], swiftSettings: strict + kernelFlags),
        .target(name: "RecEvaluation", dependencies: ["RecCore"], swiftSettings: strict + kernelFlags),
        .target(name: "RecImport", dependencies: ["RecCore"], swiftSettings: strict),
        .target(name: "RecText", dependencies: ["RecCore"], resources: [.copy("Sentiment/Resources")], swiftSettings: strict + kernelFlags),
        // Pitches: the offline generator and the chat-completions client. HTTP goes through Foundation's
        // URLSession, not async-http-client, whose TLS and HTTP/2 packages would add several minutes to
        // every clean build on our two-core machines for one POST per pitch.
        .target(name: "RecGeneration", dependencies: ["RecCore"], swiftSettings: strict),
        // L2
        .target(name: "RecStore", dependencies: ["RecCore"], swiftSettings: strict),
        .target(
            name: "RecStoreSQLite",
            dependencies: ["RecCore", "RecStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .target(
            name: "RecStorePostgres",
            dependencies: ["RecCore", "RecStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        // The humane re-ranking: diversity, calibration and popularity-bias control over any model's candidates.
        .target(name: "RecRanking", dependencies: ["RecCore"], swiftSettings: strict + kernelFlags),
        .target(name: "RecStoreTesting", dependencies: ["RecCore", "RecStore"], swiftSettings: strict),
        // Test-only: a chat-completions server on loopback for the language-model client's tests.
        .target(name: "RecGenerationTesting",
                dependencies: ["RecGeneration", .product(name: "Hummingbird", package: "hummingbird"),
                               .product(name: "HummingbirdTesting", package: "hummingbird")],
                swiftSettings: strict),
        // Test-only: locating fixtures and the shared data sets, skipping when they are absent.
        .target(name: "RecTestSupport", dependencies: ["RecStore", "RecStorePostgres"], swiftSettings: strict),
        .target(
            name: "RecPipeline",
            dependencies: ["RecCore", "RecAlgorithms", "RecEvaluation", "RecImport", "RecStore", "RecStoreSQLite",
                           "RecStorePostgres", "RecText", "RecRanking"],
            resources: [.copy("DemoData")],
            swiftSettings: strict),
        // L3
        .target(
            name: "RecServer",
            dependencies: [
                "RecCore", "RecAlgorithms", "RecEvaluation", "RecStore", "RecStoreSQLite", "RecStorePostgres", "RecPipeline", "RecText",
                "RecGeneration", "RecRanking",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Public"), .copy("OpenAPI")],
            swiftSettings: strict),
        // L4
        .executableTarget(
            name: "marquee",
            dependencies: ["RecPipeline", "RecServer", "RecStore", "RecStoreSQLite", "RecEvaluation", "RecRanking",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict),

        .testTarget(name: "RecCoreTests", dependencies: ["RecCore"], swiftSettings: strict),
        .testTarget(
            name: "RecAlgorithmsTests", dependencies: ["RecAlgorithms", "RecCore", "RecTestSupport"],
            swiftSettings: strict),
        .testTarget(name: "RecEvaluationTests", dependencies: ["RecEvaluation", "RecCore", "RecTestSupport"], swiftSettings: strict),
        .testTarget(name: "RecRankingTests", dependencies: ["RecRanking", "RecCore"], swiftSettings: strict),
        .testTarget(name: "RecImportTests", dependencies: ["RecImport", "RecCore", "RecTestSupport"], swiftSettings: strict),
        .testTarget(name: "RecTextTests", dependencies: ["RecText", "RecCore", "RecTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RecStoreSQLiteTests",
            dependencies: ["RecStoreSQLite", "RecStore", "RecCore", "RecTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(
            name: "RecStoreTests",
            dependencies: ["RecStoreSQLite", "RecStorePostgres", "RecStoreTesting", "RecStore", "RecTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "RecStorePostgresTests",
            dependencies: ["RecStorePostgres", "RecStore", "RecCore", "RecTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RecPipelineTests",
            dependencies: ["RecPipeline", "RecAlgorithms", "RecEvaluation", "RecImport", "RecCore", "RecText", "RecStoreSQLite",
                           "RecStorePostgres", "RecStore",
                           "RecTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "RecServerTests",
            dependencies: ["RecServer", "RecPipeline", "RecStoreSQLite", "RecStorePostgres", "RecImport", "RecStore", "RecCore",
                           "RecTestSupport", "RecGeneration", "RecGenerationTesting",
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strict),
        .testTarget(
            name: "RecGenerationTests",
            dependencies: ["RecGeneration", "RecGenerationTesting", "RecCore",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strict),
        .testTarget(name: "MarqueeCLITests", dependencies: ["RecTestSupport", "RecCore", "RecStore", "RecStorePostgres"], swiftSettings: strict),
    ]
)
