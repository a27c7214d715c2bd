extension VendoredRuntime {
    /// The vendored runtime's `Package.swift`: the chosen targets with their dependencies, their library
    /// products, and only the external packages they use.
    public static func manifest(includingOTLP: Bool, generatorVersion: String) -> String {
        let targets = targets(includingOTLP: includingOTLP)
        var lines = [
            "// swift-tools-version:6.0",
            "// The exporter-scaffold runtime \(generatorVersion), vendored by `scaffold vendor --with-runtime`.",
            "// Generated: re-run `scaffold vendor` to update it rather than editing this copy.",
            "",
            "import PackageDescription",
            "",
            "let package = Package(",
            "    name: \(RenderSyntax.literal(packageName)),",
            "    platforms: [.macOS(.v15)],",
            "    products: [",
        ]
        for target in targets where target.isProduct {
            let name = RenderSyntax.literal(target.name)
            lines.append("        .library(name: \(name), targets: [\(name)]),")
        }
        lines += ["    ],", "    dependencies: ["]
        for package in packages(includingOTLP: includingOTLP) {
            lines.append(
                "        .package(url: \(RenderSyntax.literal(package.url)), from: \(RenderSyntax.literal(package.from))),"
            )
        }
        lines += ["    ],", "    targets: ["]
        for target in targets {
            lines += targetLines(target)
        }
        lines += ["    ]", ")"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func targetLines(_ target: Target) -> [String] {
        let name = RenderSyntax.literal(target.name)
        switch target.kind {
        case .systemLibrary(let pkgConfig, let apt, let brew):
            return [
                "        .systemLibrary(",
                "            name: \(name),",
                "            pkgConfig: \(RenderSyntax.literal(pkgConfig)),",
                "            providers: [.apt([\(RenderSyntax.literal(apt))]), .brew([\(RenderSyntax.literal(brew))])]",
                "        ),",
            ]
        case .swift:
            var lines = ["        .target(", "            name: \(name),", "            dependencies: ["]
            for dependency in target.targetDependencies {
                lines.append("                \(RenderSyntax.literal(dependency)),")
            }
            for product in target.productDependencies {
                lines.append(
                    "                .product(name: \(RenderSyntax.literal(product.name)), package: "
                        + "\(RenderSyntax.literal(product.package))),"
                )
            }
            lines.append("            ],")
            if !target.exclude.isEmpty {
                lines.append(
                    "            exclude: [\(target.exclude.map { RenderSyntax.literal($0) }.joined(separator: ", "))],"
                )
            }
            lines.append("            swiftSettings: [.enableUpcomingFeature(\"ExistentialAny\")]")
            lines.append("        ),")
            return lines
        }
    }

    /// The vendored runtime's README: where it came from and how to update it.
    public static func readme(generatorVersion: String, includingOTLP: Bool) -> String {
        let names = targets(includingOTLP: includingOTLP).map { "`\($0.name)`" }.joined(separator: ", ")
        return """
            # exporter-scaffold runtime \(generatorVersion) (vendored)

            A copy of the exporter-scaffold runtime made by `scaffold vendor --with-runtime`: the targets \(names),
            with a manifest of their own. It builds without fetching the runtime; its dependencies are swift-log,
            swift-metrics\(includingOTLP ? ", swift-protobuf" : "") and swift-service-lifecycle.

            Do not edit it: `scaffold vendor` replaces the whole directory and refuses to when a file here was
            changed (unless `--force`).

            """
    }
}
