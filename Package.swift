// swift-tools-version:6.0

import PackageDescription

/// Settings shared by every target of ours: Swift 6 mode is the default for tools 6.0; these add the
/// upcoming features we rely on so that the code reads the same on every toolchain.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "exporter-scaffold",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ExporterRuntime", targets: ["ExporterRuntime"]),
        .library(name: "ExporterRuntimeTesting", targets: ["ExporterRuntimeTesting"]),
        .library(name: "ExporterYAML", targets: ["ExporterYAML"]),
        .library(name: "ExporterDiagnostics", targets: ["ExporterDiagnostics"]),
        .library(name: "ExporterOTLP", targets: ["ExporterOTLP"]),
        .library(name: "ScaffoldGenerator", targets: ["ScaffoldGenerator"]),
        .executable(name: "scaffold", targets: ["scaffold"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.28.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "ExporterDiagnostics",
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterYAML",
            dependencies: ["CYAML", "ExporterDiagnostics"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterRuntime",
            dependencies: [
                "ExporterDiagnostics",
                "ExporterYAML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterOTLP",
            dependencies: [
                "ExporterRuntime",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Generated/README.md"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterRuntimeTesting",
            dependencies: ["ExporterRuntime"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ScaffoldGenerator",
            dependencies: ["ExporterDiagnostics", "ExporterYAML"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ScaffoldCLI",
            dependencies: [
                "ExporterRuntime",
                "ExporterDiagnostics",
                "ScaffoldGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "scaffold",
            dependencies: ["ScaffoldCLI"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExporterDiagnosticsTests",
            dependencies: ["ExporterDiagnostics"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExporterYAMLTests",
            dependencies: ["ExporterYAML", "ExporterDiagnostics"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExporterRuntimeTests",
            dependencies: ["ExporterRuntime", "ExporterRuntimeTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExporterOTLPTests",
            dependencies: ["ExporterOTLP", "ExporterRuntime"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScaffoldGeneratorTests",
            dependencies: ["ScaffoldGenerator", "ExporterDiagnostics", "ExporterYAML"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScaffoldCLITests",
            dependencies: ["ScaffoldCLI", "ExporterRuntime", "ExporterRuntimeTesting"],
            swiftSettings: strictSettings
        ),
    ]
)
