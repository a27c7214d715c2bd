import ExporterDiagnostics
import Foundation

/// `.scaffold/vendor.json` in a vendored copy: the SHA-256 of every file `scaffold vendor` wrote there, so the
/// next `scaffold vendor` can tell a copy it may replace from one edited by hand.
public struct VendorRecord: Sendable, Hashable, Codable {
    /// The record's path relative to the vendored package.
    public static let path = ".scaffold/vendor.json"
    /// The format version written.
    public static let currentVersion = 1

    /// The format version.
    public var recordVersion: Int
    /// The `scaffold` version that vendored the copy.
    public var generatorVersion: String
    /// Path relative to the copy → SHA-256 (hex) of the bytes written.
    public var files: [String: String]

    enum CodingKeys: String, CodingKey {
        case recordVersion = "record_version"
        case generatorVersion = "generator_version"
        case files
    }

    /// The record of `files` (path → contents).
    public init(generatorVersion: String, files: [String: [UInt8]]) {
        recordVersion = Self.currentVersion
        self.generatorVersion = generatorVersion
        self.files = files.mapValues(Self.hexDigest)
    }

    /// SHA-256 of `bytes` in lowercase hex.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        SHA256.hash(bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The record as deterministic JSON (sorted keys, trailing newline).
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a record; `file` names it in the diagnostic.
    ///
    /// - Throws: `GEN010` when the text is not a vendor record of a known version.
    public static func decode(_ text: String, file: String) throws(DiagnosticError) -> VendorRecord {
        guard let record = try? JSONDecoder().decode(VendorRecord.self, from: Data(text.utf8)),
            record.recordVersion == currentVersion
        else {
            throw DiagnosticError(
                .error(
                    .generatorUnreadableLock,
                    "'\(file)' is not a vendor record this scaffold reads",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "pass --force to replace the vendored copy anyway"
                )
            )
        }
        return record
    }

    /// The files of a copy whose current contents hash to `current` (path → SHA-256 hex) that were changed or
    /// added since this record was written, sorted by path. Files deleted by hand are not listed: vendoring again
    /// restores them and loses nothing.
    public func handEdits(current: [String: String]) -> [VendorHandEdit] {
        current.sorted { $0.key < $1.key }.compactMap { path, hash in
            switch files[path] {
            case nil: VendorHandEdit(path: path, reason: "added by hand")
            case hash?: nil
            default: VendorHandEdit(path: path, reason: "edited by hand")
            }
        }
    }
}

/// A file of a vendored copy that vendoring again would lose.
public struct VendorHandEdit: Sendable, Hashable {
    /// The path relative to the vendored copy.
    public var path: String
    /// `edited by hand`, `added by hand`, or why else the file would be lost.
    public var reason: String

    /// Creates an entry.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
