// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for Marquee's input parsers, kept out of the main package because every module here is
/// built with `-sanitize=fuzzer,address` and libFuzzer supplies `main`. Run with `scripts/fuzz`.
let package = Package(
    name: "MarqueeFuzz",
    dependencies: [.package(name: "Marquee", path: "..")],
    targets: [
        .target(name: "FuzzDriver", swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "FuzzTokenizer", dependencies: ["FuzzDriver", .product(name: "RecText", package: "Marquee")],
                          swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzImport", dependencies: ["FuzzDriver", .product(name: "RecImport", package: "Marquee"),
                                                             .product(name: "RecCore", package: "Marquee")],
                          swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]),
    ]
)
