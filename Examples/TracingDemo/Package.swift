// swift-tools-version:6.0

import PackageDescription

/// A Swift service that handles a chat request with an agent, traced end to end: the service side uses only
/// swift-distributed-tracing's `withSpan` (as Hummingbird and AsyncHTTPClient do), the agent this runtime's
/// instrumentation, and `RuntimeTracer` joins them into one trace exported by the workflow's exporters. It depends on
/// the runtime by relative path, so it always builds against this checkout.
let package = Package(
    name: "TracingDemo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tracing-demo", targets: ["tracing-demo"])
    ],
    dependencies: [
        .package(name: "exporter-scaffold", path: "../.."),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "TracingDemoKit",
            dependencies: [
                .product(name: "ExporterRuntime", package: "exporter-scaffold"),
                .product(name: "ExporterOTLP", package: "exporter-scaffold"),
                .product(name: "ExporterTracing", package: "exporter-scaffold"),
                .product(name: "ExporterDiagnostics", package: "exporter-scaffold"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "tracing-demo",
            dependencies: [
                "TracingDemoKit",
                .product(name: "ExporterRuntime", package: "exporter-scaffold"),
                .product(name: "ExporterDiagnostics", package: "exporter-scaffold"),
                .product(name: "ExporterTracing", package: "exporter-scaffold"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "TracingDemoTests",
            dependencies: [
                .product(name: "ExporterRuntime", package: "exporter-scaffold"),
                .product(name: "ExporterOTLP", package: "exporter-scaffold"),
                .product(name: "ExporterRuntimeTesting", package: "exporter-scaffold"),
                .product(name: "ExporterHTTPTesting", package: "exporter-scaffold"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
