// swift-tools-version:6.0

import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its directory, so the root package's identity is whatever the checkout
/// is called (`exporter-scaffold`, a worktree name, a CI directory); derive it instead of spelling it out.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootPackage = root.lastPathComponent.lowercased()

/// The benchmarks live in their own package so that the root package's debug build and `swift test` never compile
/// them; build with `swift build -c release --package-path Benchmarks`.
let package = Package(
    name: "exporter-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
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
