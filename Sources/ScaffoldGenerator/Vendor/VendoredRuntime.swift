/// The runtime as `scaffold vendor --with-runtime` copies it: only the library targets an exporter needs, as a
/// standalone package with a manifest of its own (no tests, no generator, no plugins).
///
/// The target graph mirrors the repository's `Package.swift`; a test compares the two through
/// `swift package dump-package` so they cannot drift apart silently.
public enum VendoredRuntime {
    /// The directory and package name of the vendored runtime (`Vendor/exporter-scaffold`): the identity the
    /// generated packages' `.product(name:package:)` entries name.
    public static let packageName = "exporter-scaffold"

    /// One target of the vendored runtime.
    public struct Target: Sendable, Hashable {
        /// How SwiftPM builds the target.
        public enum Kind: Sendable, Hashable {
            /// Swift sources.
            case swift
            /// A system library found through pkg-config, with the packages that provide it.
            case systemLibrary(pkgConfig: String, apt: String, brew: String)
        }

        /// The target (and directory under `Sources/`) name.
        public var name: String
        /// How it is built.
        public var kind: Kind
        /// Targets of this package it depends on.
        public var targetDependencies: [String]
        /// Products of external packages it depends on.
        public var productDependencies: [ExternalProduct]
        /// Paths under its directory that are not sources.
        public var exclude: [String]
        /// True when it is a library product of the vendored package.
        public var isProduct: Bool
    }

    /// A product of an external package.
    public struct ExternalProduct: Sendable, Hashable {
        /// The product name (`Logging`).
        public var name: String
        /// The package identity (`swift-log`).
        public var package: String
    }

    /// An external package the runtime depends on, as the repository's manifest declares it.
    public struct ExternalPackage: Sendable, Hashable {
        /// The package identity (`swift-log`).
        public var identity: String
        /// Its Git URL.
        public var url: String
        /// The minimum version.
        public var from: String
    }

    /// The external packages, as in the repository's `Package.swift`.
    public static let externalPackages: [ExternalPackage] = [
        ExternalPackage(identity: "swift-log", url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        ExternalPackage(
            identity: "swift-service-lifecycle",
            url: "https://github.com/swift-server/swift-service-lifecycle.git",
            from: "2.6.0"
        ),
        ExternalPackage(identity: "swift-protobuf", url: "https://github.com/apple/swift-protobuf.git", from: "1.28.0"),
        ExternalPackage(identity: "swift-metrics", url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    ]

    /// The target that only exporters using OTLP need (and with it swift-protobuf).
    public static let otlpTarget = "ExporterOTLP"

    /// Every target that may be vendored, dependencies first.
    public static let allTargets: [Target] = [
        Target(
            name: "CYAML",
            kind: .systemLibrary(pkgConfig: "yaml-0.1", apt: "libyaml-dev", brew: "libyaml"),
            targetDependencies: [],
            productDependencies: [],
            exclude: [],
            isProduct: false
        ),
        Target(
            name: "CZlib",
            kind: .systemLibrary(pkgConfig: "zlib", apt: "zlib1g-dev", brew: "zlib"),
            targetDependencies: [],
            productDependencies: [],
            exclude: [],
            isProduct: false
        ),
        Target(
            name: "ExporterDiagnostics",
            kind: .swift,
            targetDependencies: [],
            productDependencies: [],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterYAML",
            kind: .swift,
            targetDependencies: ["CYAML", "ExporterDiagnostics"],
            productDependencies: [],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterEvents",
            kind: .swift,
            targetDependencies: ["ExporterDiagnostics"],
            productDependencies: [],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterCore",
            kind: .swift,
            targetDependencies: ["ExporterEvents", "ExporterDiagnostics", "ExporterYAML"],
            productDependencies: [
                ExternalProduct(name: "Logging", package: "swift-log"),
                ExternalProduct(name: "CoreMetrics", package: "swift-metrics"),
            ],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterService",
            kind: .swift,
            targetDependencies: ["ExporterEvents", "ExporterCore"],
            productDependencies: [
                ExternalProduct(name: "Logging", package: "swift-log"),
                ExternalProduct(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterCodecs",
            kind: .swift,
            targetDependencies: ["ExporterEvents", "ExporterCore", "ExporterDiagnostics", "ExporterYAML"],
            productDependencies: [],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterHTTP",
            kind: .swift,
            targetDependencies: [
                "CZlib",
                "ExporterEvents",
                "ExporterCore",
                "ExporterCodecs",
                "ExporterDiagnostics",
                "ExporterYAML",
            ],
            productDependencies: [
                ExternalProduct(name: "Logging", package: "swift-log")
            ],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterATIF",
            kind: .swift,
            targetDependencies: ["ExporterEvents", "ExporterCore", "ExporterDiagnostics", "ExporterYAML"],
            productDependencies: [
                ExternalProduct(name: "Logging", package: "swift-log")
            ],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterRuntime",
            kind: .swift,
            targetDependencies: [
                "ExporterEvents",
                "ExporterCore",
                "ExporterCodecs",
                "ExporterHTTP",
                "ExporterATIF",
                "ExporterService",
            ],
            productDependencies: [],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterOTLP",
            kind: .swift,
            targetDependencies: [
                "ExporterEvents",
                "ExporterCore",
                "ExporterHTTP",
                "ExporterDiagnostics",
                "ExporterYAML",
            ],
            productDependencies: [
                ExternalProduct(name: "SwiftProtobuf", package: "swift-protobuf")
            ],
            exclude: ["Generated/README.md"],
            isProduct: true
        ),
        Target(
            name: "ExporterRuntimeTesting",
            kind: .swift,
            targetDependencies: ["ExporterEvents", "ExporterCore"],
            productDependencies: [],
            exclude: [],
            isProduct: true
        ),
        Target(
            name: "ExporterHTTPTesting",
            kind: .swift,
            targetDependencies: ["ExporterHTTP"],
            productDependencies: [],
            exclude: [],
            isProduct: true
        ),
    ]

    /// The targets vendored for an exporter: all but `ExporterOTLP` unless the exporter uses it.
    public static func targets(includingOTLP: Bool) -> [Target] {
        allTargets.filter { includingOTLP || $0.name != otlpTarget }
    }

    /// The external packages those targets use.
    public static func packages(includingOTLP: Bool) -> [ExternalPackage] {
        let used = Set(targets(includingOTLP: includingOTLP).flatMap(\.productDependencies).map(\.package))
        return externalPackages.filter { used.contains($0.identity) }
    }

    /// The directories copied from a runtime checkout (`Sources/ExporterRuntime`, ...), relative to its root.
    public static func sourceDirectories(includingOTLP: Bool) -> [String] {
        targets(includingOTLP: includingOTLP).map { "Sources/" + $0.name }
    }

    /// True when the generated `Package.swift` of an exporter uses the OTLP product.
    public static func usesOTLP(generatedManifest: String) -> Bool {
        generatedManifest.contains(RenderSyntax.literal(otlpTarget))
    }
}
