import ExporterRuntimeTesting
import Foundation
import ScaffoldCLI
import Testing

/// Which runtime `new` and `generate` make a package depend on, in order: the spec's `runtime:`, `--runtime-path` /
/// `--runtime-url`, `SCAFFOLD_RUNTIME_URL`, the published URL; never the checkout `scaffold` runs from unasked.
@Suite("runtime dependency choice", .serialized)
struct RuntimeChoiceTests {
    static let fork = "https://git.example.com/fork/exporter-scaffold.git"
    static let version = ScaffoldVersion.current
    static let keep = "for this run only: set runtime: in exporter.yaml to keep it"
    static let change = "pass --runtime-path or --runtime-url, or set runtime: in exporter.yaml, to change it"

    /// Runs `scaffold` in `directory` with `SCAFFOLD_RUNTIME_URL` set to `runtimeURL` (blank: unset in effect).
    static func run(
        _ arguments: [String],
        in directory: URL,
        runtimeURL: String = ""
    ) async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run(
            GenerateCommandTests.binary.path,
            arguments,
            in: directory,
            environment: [ScaffoldVersion.repositoryURLVariable: runtimeURL]
        )
        return (outcome.status, outcome.output)
    }

    /// The runtime's `.package(...)` of `package`'s Package.swift.
    static func dependency(of package: URL) throws -> String {
        let manifest = try String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)
        let start = try #require(manifest.range(of: ".package(")).lowerBound
        let end = try #require(manifest[start...].firstIndex(of: ")"))
        return String(manifest[start...end])
    }

    /// The printed `runtime:` line.
    static func runtimeLine(_ output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix("runtime: ") }
    }

    /// `new acme --yes` in `root` with `extra` arguments; the package directory.
    static func new(
        in root: URL,
        _ extra: [String] = [],
        runtimeURL: String = ""
    ) async throws -> (package: URL, output: String) {
        let created = try await run(["new", "exporter", "acme", "--yes"] + extra, in: root, runtimeURL: runtimeURL)
        #expect(created.status == 0, "\(created.output)")
        return (root.appendingPathComponent("acme"), created.output)
    }

    @Test("with no spec runtime, flag or variable: the published URL from this version, even from a checkout")
    func published() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, output) = try await Self.new(in: root)
        let url = ScaffoldVersion.repositoryURL
        #expect(try Self.dependency(of: package) == ".package(url: \"\(url)\", from: \"\(Self.version)\")")
        #expect(
            Self.runtimeLine(output) == "runtime: \(url) from \(Self.version) (the published runtime; \(Self.change))"
        )
        let spec = try String(contentsOf: package.appendingPathComponent("exporter.yaml"), encoding: .utf8)
        #expect(!spec.contains("runtime:"), "nothing recorded: \(spec)")
        let again = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(again.status == 0, "\(again.output)")
        #expect(Self.runtimeLine(again.output) == Self.runtimeLine(output))
    }

    @Test("SCAFFOLD_RUNTIME_URL comes before the published URL, and is not recorded by new")
    func environment() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, output) = try await Self.new(in: root, runtimeURL: Self.fork)
        #expect(try Self.dependency(of: package) == ".package(url: \"\(Self.fork)\", from: \"\(Self.version)\")")
        #expect(
            Self.runtimeLine(output)
                == "runtime: \(Self.fork) from \(Self.version) (SCAFFOLD_RUNTIME_URL is set; \(Self.change))"
        )
        let spec = try String(contentsOf: package.appendingPathComponent("exporter.yaml"), encoding: .utf8)
        #expect(!spec.contains("runtime:"), "nothing recorded: \(spec)")
    }

    @Test("generate --runtime-path comes before SCAFFOLD_RUNTIME_URL, is re-based on the package, is not recorded")
    func generatePathFlag() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, _) = try await Self.new(in: root)
        let relative = GenerateCommandTests.repository(relativeTo: root)
        let generated = try await Self.run(
            ["generate", "acme/exporter.yaml", "--runtime-path", relative],
            in: root,
            runtimeURL: Self.fork
        )
        #expect(generated.status == 0, "\(generated.output)")
        let fromPackage = GenerateCommandTests.repository(relativeTo: package)
        #expect(try Self.dependency(of: package) == ".package(name: \"exporter-scaffold\", path: \"\(fromPackage)\")")
        #expect(Self.runtimeLine(generated.output) == "runtime: path \(fromPackage) (--runtime-path, \(Self.keep))")
        // An absolute path stays absolute.
        let absolute = GenerateCommandTests.repository.path
        let again = try await Self.run(["generate", "exporter.yaml", "--runtime-path", absolute], in: package)
        #expect(again.status == 0, "\(again.output)")
        #expect(try Self.dependency(of: package) == ".package(name: \"exporter-scaffold\", path: \"\(absolute)\")")
        #expect(Self.runtimeLine(again.output) == "runtime: path \(absolute) (--runtime-path, \(Self.keep))")
        // Not recorded: check compares with what the spec alone makes, which depends on the published runtime.
        let check = try await Self.run(["check", "exporter.yaml"], in: package)
        #expect(check.status == 1, "\(check.output)")
        #expect(check.output.contains("changed      Package.swift"), "\(check.output)")
    }

    @Test("generate --runtime-url comes before SCAFFOLD_RUNTIME_URL and takes this version")
    func generateURLFlag() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, _) = try await Self.new(in: root)
        let url = "file:///srv/git/exporter-scaffold.git"
        let generated = try await Self.run(
            ["generate", "exporter.yaml", "--runtime-url", url],
            in: package,
            runtimeURL: Self.fork
        )
        #expect(generated.status == 0, "\(generated.output)")
        #expect(try Self.dependency(of: package) == ".package(url: \"\(url)\", from: \"\(Self.version)\")")
        #expect(
            Self.runtimeLine(generated.output) == "runtime: \(url) from \(Self.version) (--runtime-url, \(Self.keep))"
        )
    }

    @Test("new --runtime-path records the path in runtime:, which regeneration keeps and flags do not override")
    func newRecordsPath() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, output) = try await Self.new(
            in: root,
            ["--runtime-path", GenerateCommandTests.repository(relativeTo: root)],
            runtimeURL: Self.fork
        )
        let fromPackage = GenerateCommandTests.repository(relativeTo: package)
        let line = ".package(name: \"exporter-scaffold\", path: \"\(fromPackage)\")"
        #expect(try Self.dependency(of: package) == line)
        #expect(
            Self.runtimeLine(output)
                == "runtime: path \(fromPackage) (--runtime-path, recorded as runtime: in exporter.yaml)"
        )
        let spec = try String(contentsOf: package.appendingPathComponent("exporter.yaml"), encoding: .utf8)
        #expect(spec.hasSuffix("runtime:\n  path: \"\(fromPackage)\"\n"), "\(spec)")

        let again = try await Self.run(["generate", "exporter.yaml"], in: package, runtimeURL: Self.fork)
        #expect(again.status == 0, "\(again.output)")
        #expect(!again.output.contains("update"), "\(again.output)")
        #expect(try Self.dependency(of: package) == line)
        #expect(Self.runtimeLine(again.output) == "runtime: path \(fromPackage) (runtime: in exporter.yaml)")

        let flagged = try await Self.run(["generate", "exporter.yaml", "--runtime-url", Self.fork], in: package)
        #expect(flagged.status == 0, "\(flagged.output)")
        #expect(try Self.dependency(of: package) == line)
        #expect(
            Self.runtimeLine(flagged.output)
                == "runtime: path \(fromPackage) (runtime: in exporter.yaml, which comes before --runtime-url; "
                + "--runtime-url was not used)"
        )
        let check = try await Self.run(["check", "exporter.yaml"], in: package)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("new --runtime-url records url and from in runtime:")
    func newRecordsURL() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, output) = try await Self.new(in: root, ["--runtime-url", Self.fork])
        let line = ".package(url: \"\(Self.fork)\", from: \"\(Self.version)\")"
        #expect(try Self.dependency(of: package) == line)
        #expect(
            Self.runtimeLine(output)
                == "runtime: \(Self.fork) from \(Self.version) (--runtime-url, recorded as runtime: in exporter.yaml)"
        )
        let spec = try String(contentsOf: package.appendingPathComponent("exporter.yaml"), encoding: .utf8)
        #expect(spec.hasSuffix("runtime:\n  url: \"\(Self.fork)\"\n  from: \"\(Self.version)\"\n"), "\(spec)")
        let again = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(try Self.dependency(of: package) == line)
        #expect(
            Self.runtimeLine(again.output)
                == "runtime: \(Self.fork) from \(Self.version) (runtime: in exporter.yaml)"
        )
    }

    @Test("a --runtime-path that does not exist or is not a checkout of exporter-scaffold: exit 2, nothing written")
    func badPath() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let other = root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("// swift-tools-version:6.0\nlet package = Package(name: \"other\")\n".utf8)
            .write(to: other.appendingPathComponent("Package.swift"))
        let cases = [
            ("missing", "error[CLI003]: cannot read runtime 'missing': no such file or directory"),
            ("other", "--runtime-path 'other' is not a checkout of exporter-scaffold"),
        ]
        for (path, message) in cases {
            let created = try await Self.run(["new", "exporter", "acme", "--yes", "--runtime-path", path], in: root)
            #expect(created.status == 2, "\(created.output)")
            #expect(created.output.contains(message), "\(created.output)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("acme").path))
        }
        let (package, _) = try await Self.new(in: root)
        let before = try Self.dependency(of: package)
        for (path, message) in cases {
            let generated = try await Self.run(["generate", "acme/exporter.yaml", "--runtime-path", path], in: root)
            #expect(generated.status == 2, "\(generated.output)")
            #expect(generated.output.contains(message), "\(generated.output)")
            #expect(try Self.dependency(of: package) == before)
        }
    }

    @Test("both flags, or a --runtime-url that is not a Git URL: a usage error (exit 64), nothing written")
    func usageErrors() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let both = ["--runtime-path", GenerateCommandTests.repository.path, "--runtime-url", Self.fork]
        let cases = [
            (both, "--runtime-path and --runtime-url cannot be used together"),
            (["--runtime-url", "not a url"], "--runtime-url 'not a url' is not a Git URL"),
            (["--runtime-url", "exporter-scaffold"], "--runtime-url 'exporter-scaffold' is not a Git URL"),
        ]
        for (flags, message) in cases {
            for command in [["new", "exporter", "acme", "--yes"], ["generate", "acme/exporter.yaml"]] {
                let result = try await Self.run(command + flags, in: root)
                #expect(result.status == 64, "\(command) \(flags): \(result.output)")
                #expect(result.output.contains(message), "\(result.output)")
                #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("acme").path))
            }
        }
    }

    @Test("URLs Git can clone are accepted")
    func gitURLs() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for url in [
            "https://github.com/exporter-scaffold/exporter-scaffold.git", "ssh://git@host/x/exporter-scaffold.git",
            "file:///tmp/exporter-scaffold.git", "git@github.com:exporter-scaffold/exporter-scaffold.git",
        ] {
            let package = root.appendingPathComponent("acme")
            defer { try? FileManager.default.removeItem(at: package) }
            let (_, output) = try await Self.new(in: root, ["--runtime-url", url])
            #expect(try Self.dependency(of: package) == ".package(url: \"\(url)\", from: \"\(Self.version)\")")
            #expect(Self.runtimeLine(output)?.hasPrefix("runtime: \(url) from ") == true, "\(output)")
        }
    }
}
