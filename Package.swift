// swift-tools-version: 6.0
import PackageDescription

/// Alim: one module per pipeline stage, a shared core of domain types, and the `alim` CLI on top.
let package = Package(
    name: "Alim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "alim", targets: ["alim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // HMAC-SHA256 of the activation codes, nonces and ENT code fingerprints.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Tests only: property-based generation of schools and families.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCairoPango", pkgConfig: "pangocairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),

        // Shared domain types and artifact contracts.
        .target(name: "AlimCore"),

        // Stages.
        .target(name: "AlimIngest", dependencies: [
            "AlimCore", "CLibXML2",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "AlimIdentity", dependencies: ["AlimCore"]),
        .target(name: "AlimAccounts", dependencies: [
            "AlimCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            // The ENT's import bundle (one zip per school).
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "AlimSheets", dependencies: [
            "AlimCore", "CCairoPango",
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Templates")]),
        .target(name: "AlimReport", dependencies: ["AlimCore"]),
        .target(name: "AlimPipeline", dependencies: [
            "AlimCore", "AlimIngest", "AlimIdentity", "AlimAccounts", "AlimSheets", "AlimReport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "alim", dependencies: [
            "AlimCore", "AlimPipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // libFuzzer harnesses (make fuzz); a corpus replayer in normal builds.
        .executableTarget(name: "alim-fuzz", dependencies: ["AlimCore", "AlimIngest"], path: "Sources/alim-fuzz"),
        // Benchmark driver for scripts/bench-xml.sh: runs only the XML reader.
        .executableTarget(name: "alim-bench-xml", dependencies: ["AlimIngest", "AlimCore"], path: "Sources/alim-bench-xml"),
        // Benchmark driver for scripts/bench-sheets.sh.
        .executableTarget(name: "alim-bench-sheets", dependencies: ["AlimSheets", "AlimCore"], path: "Sources/alim-bench-sheets"),
        // Benchmark driver for scripts/bench-match.sh.
        .executableTarget(name: "alim-bench-match", dependencies: ["AlimIdentity", "AlimCore"], path: "Sources/alim-bench-match"),

        // Tests: one target per stage, and what they share.
        .target(name: "AlimTestSupport", path: "Tests/AlimTestSupport"),
        .testTarget(name: "AlimCoreTests", dependencies: ["AlimCore", "AlimTestSupport"]),
        .testTarget(name: "AlimIngestTests", dependencies: [
            "AlimIngest", "AlimCore", "AlimTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "AlimIdentityTests", dependencies: ["AlimIdentity", "AlimCore"]),
        .testTarget(name: "AlimAccountsTests", dependencies: [
            "AlimAccounts", "AlimCore", "AlimTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "AlimSheetsTests", dependencies: ["AlimSheets", "AlimCore", "CCairoPango"]),
        .testTarget(name: "AlimReportTests", dependencies: ["AlimReport", "AlimCore"]),
        .testTarget(name: "AlimPipelineTests", dependencies: [
            "AlimPipeline", "AlimCore", "AlimIngest", "AlimIdentity", "AlimTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
