// swift-tools-version:6.0

import PackageDescription

/// A small Swift agent (a scripted LLM and tools, no network) instrumented with ExporterRuntime, exporting through
/// the exporters of a workflow file. It depends on the runtime by relative path, so it always builds against this
/// checkout.
let package = Package(
    name: "AgentDemo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "agent-demo", targets: ["agent-demo"])
    ],
    dependencies: [
        .package(name: "exporter-scaffold", path: "../.."),
        // Two exporters generated from Examples/Exporters and copied here by `scaffold vendor`.
        .package(path: "Vendor/file_jsonl"),
        .package(path: "Vendor/atif_file"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "AgentDemoKit",
            dependencies: [
                .product(name: "ExporterRuntime", package: "exporter-scaffold"),
                .product(name: "ExporterOTLP", package: "exporter-scaffold"),
                .product(name: "ExporterDiagnostics", package: "exporter-scaffold"),
                .product(name: "FileJSONL", package: "file_jsonl"),
                .product(name: "ATIFFile", package: "atif_file"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "agent-demo",
            dependencies: [
                "AgentDemoKit",
                .product(name: "ExporterRuntime", package: "exporter-scaffold"),
                .product(name: "ExporterDiagnostics", package: "exporter-scaffold"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "AgentDemoKitTests",
            dependencies: [
                "AgentDemoKit",
                .product(name: "ExporterRuntime", package: "exporter-scaffold"),
                .product(name: "ExporterOTLP", package: "exporter-scaffold"),
                .product(name: "ExporterRuntimeTesting", package: "exporter-scaffold"),
                .product(name: "ExporterHTTPTesting", package: "exporter-scaffold"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
