// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "HelioGrid",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HelioGrid", targets: ["HelioGrid"]),
        .library(name: "HelioReport", targets: ["HelioReport"]),
        .library(name: "HelioStudy", targets: ["HelioStudy"]),
        .library(name: "HelioLP", targets: ["HelioLP"]),
        .library(name: "HelioForecast", targets: ["HelioForecast"]),
        .library(name: "HelioOptimize", targets: ["HelioOptimize"]),
        .library(name: "HelioServer", targets: ["HelioServer"]),
        .library(name: "HelioTransients", targets: ["HelioTransients"]),
        .executable(name: "heliogrid", targets: ["heliogrid"]),
        .executable(name: "heliogrid-bench", targets: ["HelioBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(
            name: "HelioGrid",
            dependencies: ["HelioLP", .product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(name: "CSystemShims"),
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .systemLibrary(name: "CHiGHS", pkgConfig: "highs"),   // built from highspy's source distribution by .ci/install-deps
        .systemLibrary(name: "CKissFFT", providers: [.apt(["libkissfft-dev"])]),   // headers and library in the default paths (its pkg-config only adds -D flags SwiftPM refuses)
        .target(
            name: "HelioTransients",
            dependencies: ["HelioGrid", "CKissFFT"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioLP",
            dependencies: ["CClp", "CCbc", "CHiGHS"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioForecast",
            dependencies: ["HelioGrid"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioOptimize",
            dependencies: ["HelioGrid", "HelioForecast", "HelioLP"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioStudy",
            dependencies: ["HelioGrid", "HelioForecast", "HelioOptimize", "HelioLP", "HelioTransients"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioReport",
            dependencies: ["HelioGrid", "HelioOptimize", "HelioStudy", "HelioTransients", "CSystemShims"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioServer",
            dependencies: [
                "HelioGrid", "HelioForecast", "HelioOptimize",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "heliogrid",
            dependencies: [
                "HelioGrid", "HelioForecast", "HelioLP", "HelioReport", "HelioOptimize", "HelioStudy", "HelioServer", "HelioTransients",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "HelioBench",
            dependencies: ["HelioGrid", "HelioForecast", "HelioLP", "HelioOptimize", "HelioStudy", "HelioTransients"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioTestSupport",
            dependencies: ["HelioGrid"],
            path: "Tests/HelioTestSupport",
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioServerTestSupport",
            dependencies: ["HelioGrid", "HelioServer", "HelioTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/HelioServerTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "HelioLPTests", dependencies: ["HelioLP"], swiftSettings: strictSettings),
        .testTarget(name: "HelioTransientsTests", dependencies: ["HelioGrid", "HelioTransients", "HelioTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "HelioGridTests", dependencies: ["HelioGrid", "HelioReport", "HelioTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "HelioOptimizeTests",
            dependencies: ["HelioGrid", "HelioForecast", "HelioLP", "HelioOptimize", "HelioStudy", "HelioTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "HelioStudyTests", dependencies: ["HelioGrid", "HelioOptimize", "HelioStudy", "HelioTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "HelioReportTests", dependencies: ["HelioGrid", "HelioReport", "HelioStudy", "HelioTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "HelioServerTests",
            dependencies: [
                "HelioGrid", "HelioForecast", "HelioOptimize", "HelioServer", "HelioServerTestSupport", "HelioTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HelioEndToEndTests",
            dependencies: [
                "heliogrid", "HelioGrid", "HelioReport", "HelioServer", "HelioServerTestSupport", "HelioTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
