// swift-tools-version:6.0

import PackageDescription

/// The root package, named explicitly: a path dependency's identity would otherwise be its directory's name, which
/// differs between checkouts, worktrees and CI clones.
let rootPackage = "exporter-scaffold"

/// The benchmarks live in their own package so that the root package's debug build and `swift test` never compile
/// them; build with `swift build -c release --package-path Benchmarks`.
let package = Package(
    name: "exporter-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: rootPackage, path: ".."),
        // P7 times `withSpan` through the tracing bridge beside swift-distributed-tracing's NoOpTracer.
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
    ],
    targets: [
        .executableTarget(
            name: "exporter-bench",
            dependencies: [
                .product(name: "ExporterRuntime", package: rootPackage),
                .product(name: "ExporterOTLP", package: rootPackage),
                .product(name: "ScaffoldGenerator", package: rootPackage),
                .product(name: "ExporterTracing", package: rootPackage),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
