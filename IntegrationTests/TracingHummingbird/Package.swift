// swift-tools-version:6.1

import PackageDescription

/// A real library's spans through the tracing bridge: Hummingbird's `TracingMiddleware` (its server span, continuing
/// the request's `traceparent`) around an instrumented agent whose tool opens a `withSpan` of its own. A package of its
/// own so that neither the root package's build nor its test run compiles Hummingbird and SwiftNIO (about 3-4 minutes
/// cold on two cores); CI builds it in the example phase, in the scratch directory where the runtime is already built.
let package = Package(
    name: "TracingHummingbird",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "exporter-scaffold", path: "../.."),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        // No default traits: swift-configuration support is not needed here, and would only add build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        .testTarget(
            name: "TracingHummingbirdTests",
            dependencies: [
                .product(name: "ExporterRuntime", package: "exporter-scaffold"),
                .product(name: "ExporterOTLP", package: "exporter-scaffold"),
                .product(name: "ExporterTracing", package: "exporter-scaffold"),
                .product(name: "ExporterRuntimeTesting", package: "exporter-scaffold"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
