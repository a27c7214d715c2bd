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
        .library(name: "ExporterEvents", targets: ["ExporterEvents"]),
        .library(name: "ExporterCore", targets: ["ExporterCore"]),
        .library(name: "ExporterCodecs", targets: ["ExporterCodecs"]),
        .library(name: "ExporterHTTP", targets: ["ExporterHTTP"]),
        .library(name: "ExporterATIF", targets: ["ExporterATIF"]),
        .library(name: "ExporterService", targets: ["ExporterService"]),
        .library(name: "ExporterRuntimeTesting", targets: ["ExporterRuntimeTesting"]),
        .library(name: "ExporterHTTPTesting", targets: ["ExporterHTTPTesting"]),
        .library(name: "ExporterYAML", targets: ["ExporterYAML"]),
        .library(name: "ExporterDiagnostics", targets: ["ExporterDiagnostics"]),
        .library(name: "ExporterOTLP", targets: ["ExporterOTLP"]),
        .library(name: "ScaffoldGenerator", targets: ["ScaffoldGenerator"]),
        .executable(name: "scaffold", targets: ["scaffold"]),
        .plugin(name: "scaffold-generate", targets: ["ScaffoldGeneratePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.28.0"),
        // Exporter health as metrics (ExporterCore's ExporterHealthMetrics): CoreMetrics only, one small target.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        // `swift package generate-documentation` (the ExporterRuntime DocC catalog). Only command plugins: a build
        // compiles their two plugin scripts once per build directory, none of the package's targets.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
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
        // The runtime, in modules by what an exporter needs (docs/ARCHITECTURE.md): a generated package depends on
        // the modules its base and transport use, an application that wants every built-in on `ExporterRuntime`.
        .target(
            name: "ExporterEvents",
            dependencies: ["ExporterDiagnostics"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterCore",
            dependencies: [
                "ExporterEvents",
                "ExporterDiagnostics",
                "ExporterYAML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        // The manager as a swift-service-lifecycle `Service`, apart so that exporters do not compile that package.
        .target(
            name: "ExporterService",
            dependencies: [
                "ExporterEvents",
                "ExporterCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterCodecs",
            dependencies: ["ExporterEvents", "ExporterCore", "ExporterDiagnostics", "ExporterYAML"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterHTTP",
            dependencies: [
                "CZlib",
                "ExporterEvents",
                "ExporterCore",
                "ExporterCodecs",
                "ExporterDiagnostics",
                "ExporterYAML",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterATIF",
            dependencies: [
                "ExporterEvents",
                "ExporterCore",
                "ExporterDiagnostics",
                "ExporterYAML",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterRuntime",
            dependencies: [
                "ExporterEvents", "ExporterCore", "ExporterCodecs", "ExporterHTTP", "ExporterATIF", "ExporterService",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterOTLP",
            dependencies: [
                "ExporterEvents",
                "ExporterCore",
                "ExporterHTTP",
                "ExporterDiagnostics",
                "ExporterYAML",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Generated/README.md"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterRuntimeTesting",
            dependencies: ["ExporterEvents", "ExporterCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExporterHTTPTesting",
            dependencies: ["ExporterHTTP"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ScaffoldGenerator",
            dependencies: [
                // ExporterEvents (itself only on ExporterDiagnostics) for the one JSON string rule: JSONWriter.
                "ExporterDiagnostics", "ExporterEvents", "ExporterYAML",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "EmbedTemplates")]
        ),
        // What an installed `scaffold` carries instead of reading a checkout: the templates (EmbedTemplates) and the
        // runtime's sources for `vendor --with-runtime` (EmbedRuntime), as string literals written by embed-files.
        .executableTarget(
            name: "embed-files",
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        .plugin(
            name: "EmbedRuntime",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        .plugin(
            name: "ScaffoldGeneratePlugin",
            capability: .command(
                intent: .custom(
                    verb: "scaffold-generate",
                    description: "Regenerate every exporter.yaml in the package"
                ),
                permissions: [.writeToPackageDirectory(reason: "scaffold generate rewrites the generated files")]
            ),
            dependencies: ["scaffold"],
            path: "Plugins/ScaffoldGenerate"
        ),
        .target(
            name: "ScaffoldCLI",
            dependencies: [
                "ExporterRuntime",
                "ExporterOTLP",
                "ExporterDiagnostics",
                "ExporterYAML",
                "ScaffoldGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "EmbedRuntime")]
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
            dependencies: [
                "ExporterRuntime", "ExporterRuntimeTesting", "ExporterHTTPTesting",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExporterOTLPTests",
            dependencies: [
                "ExporterOTLP", "ExporterRuntime", "ExporterRuntimeTesting", "ExporterHTTPTesting",
                "ExporterDiagnostics",
                "ExporterYAML",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScaffoldGeneratorTests",
            dependencies: ["ScaffoldGenerator", "ExporterDiagnostics", "ExporterYAML", "ExporterRuntimeTesting"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScaffoldCLITests",
            dependencies: [
                "ScaffoldCLI", "ExporterRuntime", "ExporterRuntimeTesting", "ExporterHTTPTesting", "ExporterOTLP",
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
