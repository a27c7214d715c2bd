import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ScaffoldGenerator

/// The vendored runtime's manifest against the repository's own, both read by SwiftPM (`dump-package`).
@Suite("Vendored runtime manifest")
struct VendoredRuntimeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `swift package dump-package` of the package in `directory`, with a scratch path of its own so it never
    /// waits for the lock of a build running in the repository.
    static func dump(_ directory: URL) async throws -> [String: Any] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try await ChildProcess.run(
            "swift",
            ["package", "--scratch-path", scratch.path, "dump-package"],
            in: directory
        )
        #expect(outcome.status == 0, "\(outcome.output)")
        let start = try #require(outcome.output.firstIndex(of: "{"))
        let json = try JSONSerialization.jsonObject(with: Data(outcome.output[start...].utf8))
        return try #require(json as? [String: Any])
    }

    /// One line per target: name, type, dependencies, excludes, pkg-config name and providers.
    static func targets(_ dump: [String: Any]) -> [String: String] {
        var result: [String: String] = [:]
        for case let target as [String: Any] in dump["targets"] as? [Any] ?? [] {
            guard let name = target["name"] as? String else { continue }
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).map { dependency -> String in
                if let byName = dependency["byName"] as? [Any] { return "\(byName[0])" }
                if let product = dependency["product"] as? [Any] { return "\(product[0])@\(product[1])" }
                return "\(dependency)"
            }
            let providers = (target["providers"] as? [[String: Any]] ?? []).map { "\($0)" }
            result[name] = [
                "\(target["type"] ?? "")", dependencies.joined(separator: ","),
                (target["exclude"] as? [String] ?? []).joined(separator: ","), "\(target["pkgConfig"] ?? "")",
                providers.joined(separator: ","),
            ].joined(separator: " | ")
        }
        return result
    }

    /// `identity url lowerBound` of every source-control dependency.
    static func packages(_ dump: [String: Any]) -> Set<String> {
        var result: Set<String> = []
        for case let dependency as [String: Any] in dump["dependencies"] as? [Any] ?? [] {
            guard let control = (dependency["sourceControl"] as? [[String: Any]])?.first,
                let identity = control["identity"] as? String,
                let remote = ((control["location"] as? [String: Any])?["remote"] as? [[String: Any]])?.first,
                let url = remote["urlString"] as? String,
                let range = ((control["requirement"] as? [String: Any])?["range"] as? [[String: Any]])?.first,
                let lower = range["lowerBound"] as? String
            else { continue }
            result.insert("\(identity) \(url) \(lower)")
        }
        return result
    }

    /// Library product name → its targets.
    static func libraries(_ dump: [String: Any]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for case let product as [String: Any] in dump["products"] as? [Any] ?? [] {
            guard let name = product["name"] as? String, let type = product["type"] as? [String: Any],
                type["library"] != nil
            else { continue }
            result[name] = product["targets"] as? [String] ?? []
        }
        return result
    }

    @Test("targets, dependencies and products mirror the repository's Package.swift", arguments: [false, true])
    func mirrorsRepository(includingOTLP: Bool) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vendored-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for source in VendoredRuntime.sourceDirectories(includingOTLP: includingOTLP) {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(source),
                withIntermediateDirectories: true
            )
        }
        let manifest = VendoredRuntime.manifest(includingOTLP: includingOTLP, generatorVersion: "0.1.0")
        try Data(manifest.utf8).write(to: directory.appendingPathComponent("Package.swift"))

        let repository = try await Self.dump(Self.repository)
        let vendored = try await Self.dump(directory)
        let names = VendoredRuntime.targets(includingOTLP: includingOTLP).map(\.name)
        let expectedTargets = Self.targets(repository).filter { names.contains($0.key) }
        #expect(expectedTargets.count == names.count, "a vendored target is missing from the repository")
        #expect(Self.targets(vendored) == expectedTargets)
        let usedPackages = Set(VendoredRuntime.packages(includingOTLP: includingOTLP).map(\.identity))
        #expect(
            Self.packages(vendored)
                == Self.packages(repository).filter { usedPackages.contains(String($0.split(separator: " ")[0])) }
        )
        #expect(Self.packages(vendored).count == usedPackages.count)
        #expect(Self.libraries(vendored) == Self.libraries(repository).filter { names.contains($0.key) })
    }

    @Test("OTLP and swift-protobuf only for exporters that use them")
    func otlpOnlyWhenUsed() {
        #expect(!VendoredRuntime.targets(includingOTLP: false).map(\.name).contains("ExporterOTLP"))
        #expect(VendoredRuntime.targets(includingOTLP: true).map(\.name).contains("ExporterOTLP"))
        #expect(
            VendoredRuntime.packages(includingOTLP: false).map(\.identity)
                == ["swift-log", "swift-service-lifecycle", "swift-metrics"]
        )
        #expect(VendoredRuntime.packages(includingOTLP: true).map(\.identity).contains("swift-protobuf"))
        #expect(!VendoredRuntime.manifest(includingOTLP: false, generatorVersion: "0.1.0").contains("protobuf"))
        #expect(VendoredRuntime.usesOTLP(generatedManifest: #".product(name: "ExporterOTLP", package: "x"),"#))
        #expect(!VendoredRuntime.usesOTLP(generatedManifest: #".product(name: "ExporterRuntime", package: "x"),"#))
    }
}
