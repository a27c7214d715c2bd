import ExporterDiagnostics
import ExporterEvents
import Foundation

/// `.scaffold/lock.json`: what the last generation wrote, so the next one can tell a hand edit from an outdated
/// file and knows which files it owns.
///
/// ```json
/// {
///   "files": {"Package.swift": "…64 hex…", "Sources/Acme/Generated/AcmeConfiguration.swift": "…"},
///   "generator_version": "0.1.0",
///   "lock_version": 1,
///   "spec_hash": "…64 hex…"
/// }
/// ```
public struct ScaffoldLock: Sendable, Hashable, Codable {
    /// The lock's path relative to the package root.
    public static let path = ".scaffold/lock.json"
    /// The format version written.
    public static let currentVersion = 1

    /// The format version.
    public var lockVersion: Int
    /// The `scaffold` version that generated the files.
    public var generatorVersion: String
    /// SHA-256 of the spec text the files were generated from.
    public var specHash: String
    /// Generated (not user-owned) file path → SHA-256 of the contents written.
    public var files: [String: String]

    /// Creates a lock.
    public init(generatorVersion: String, specHash: String, files: [String: String]) {
        lockVersion = Self.currentVersion
        self.generatorVersion = generatorVersion
        self.specHash = specHash
        self.files = files
    }

    /// The lock recording `files` (user-owned ones are not recorded) generated from `specText`.
    public init(generatorVersion: String, specText: String, files: [GeneratedFile]) {
        var hashes: [String: String] = [:]
        for file in files where file.ownership == .generated {
            hashes[file.path] = SHA256.hexDigest(of: file.contents)
        }
        self.init(generatorVersion: generatorVersion, specHash: SHA256.hexDigest(of: specText), files: hashes)
    }

    enum CodingKeys: String, CodingKey {
        case lockVersion = "lock_version"
        case generatorVersion = "generator_version"
        case specHash = "spec_hash"
        case files
    }

    /// The lock as deterministic JSON (sorted keys, two-space indent, trailing newline).
    public func encoded() -> String {
        var lines = ["{", "  \"files\": {"]
        let sorted = files.sorted { $0.key < $1.key }
        for (index, entry) in sorted.enumerated() {
            let comma = index == sorted.count - 1 ? "" : ","
            lines.append("    \(JSONWriter.quoted(entry.key)): \(JSONWriter.quoted(entry.value))\(comma)")
        }
        lines.append("  },")
        lines.append("  \"generator_version\": \(JSONWriter.quoted(generatorVersion)),")
        lines.append("  \"lock_version\": \(lockVersion),")
        lines.append("  \"spec_hash\": \(JSONWriter.quoted(specHash))")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a lock; `file` names it in the diagnostic.
    ///
    /// - Throws: `GEN010` when the text is not a lock of a known version.
    public static func decode(_ text: String, file: String = ScaffoldLock.path) throws(DiagnosticError) -> ScaffoldLock
    {
        let lock: ScaffoldLock
        do {
            lock = try JSONDecoder().decode(ScaffoldLock.self, from: Data(text.utf8))
        } catch {
            throw DiagnosticError(
                .error(
                    .generatorUnreadableLock,
                    "'\(file)' is not a scaffold lock file",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "delete it to adopt the existing files as generated, then run 'scaffold generate' again"
                )
            )
        }
        guard lock.lockVersion == currentVersion else {
            throw DiagnosticError(
                .error(
                    .generatorUnreadableLock,
                    "'\(file)' has lock_version \(lock.lockVersion); this scaffold reads version \(currentVersion)",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "use the scaffold version that wrote it (\(lock.generatorVersion))"
                )
            )
        }
        return lock
    }
}
