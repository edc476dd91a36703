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
        .library(name: "HelioOptimize", targets: ["HelioOptimize"]),
        .executable(name: "heliogrid", targets: ["heliogrid"]),
        .executable(name: "heliogrid-bench", targets: ["HelioBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "HelioGrid",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .target(
            name: "HelioOptimize",
            dependencies: ["HelioGrid", "CClp", "CCbc"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HelioReport",
            dependencies: ["HelioGrid"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "heliogrid",
            dependencies: [
                "HelioGrid", "HelioReport", "HelioOptimize",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "HelioBench",
            dependencies: ["HelioGrid", "HelioOptimize"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HelioGridTests",
            dependencies: ["HelioGrid", "HelioReport", "HelioOptimize", "heliogrid"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
