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
    dependencies: [.package(name: rootPackage, path: "..")],
    targets: [
        .executableTarget(
            name: "exporter-bench",
            dependencies: [
                .product(name: "ExporterRuntime", package: rootPackage),
                .product(name: "ExporterOTLP", package: rootPackage),
                .product(name: "ScaffoldGenerator", package: rootPackage),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
