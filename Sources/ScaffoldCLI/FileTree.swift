import ExporterCore
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// The regular files of a directory, read into memory by relative path (`/` separators).
struct FileTree {
    /// One file.
    struct Entry: Equatable {
        var bytes: [UInt8]
        var executable = false
    }

    var files: [String: Entry] = [:]
    /// Symbolic links met and left out: a link could point anywhere, so its target is never copied.
    var skippedLinks: [String] = []

    /// Reads every regular file below `root` whose relative path `include` accepts; directories `include`
    /// rejects are not entered.
    static func read(_ root: URL, include: (String) -> Bool) throws(DiagnosticError) -> FileTree {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else {
            throw DiagnosticError(.error(.generatorIO, "cannot read the directory '\(root.path)'"))
        }
        var tree = FileTree()
        while let path = enumerator.nextObject() as? String {
            let url = root.appendingPathComponent(path)
            let attributes = try? manager.attributesOfItem(atPath: url.path)
            let type = attributes?[.type] as? FileAttributeType
            guard include(path) else {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            switch type {
            case .typeRegular?:
                guard let data = manager.contents(atPath: url.path) else {
                    throw DiagnosticError(.error(.generatorIO, "cannot read '\(url.path)'"))
                }
                let permissions =
                    (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? attributes?[.posixPermissions] as? Int
                    ?? 0
                tree.files[path] = Entry(bytes: [UInt8](data), executable: permissions & 0o111 != 0)
            case .typeSymbolicLink?:
                tree.skippedLinks.append(path)
            default:
                continue
            }
        }
        return tree
    }

    /// Path → SHA-256 hex of every file.
    var hashes: [String: String] { files.mapValues { VendorRecord.hexDigest($0.bytes) } }

    /// Writes every file below `root`, which must not exist yet, each flushed to disk; an error names the file as
    /// it will be below `reportRoot` (the destination a staged tree is renamed to), else below `root`.
    func write(to root: URL, reportingAs reportRoot: URL? = nil) throws(DiagnosticError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: false)
            for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
                guard OutputPath.isSafe(path) else {
                    throw DiagnosticError(
                        .error(.generatorUnsafePath, "refusing to write '\(path)': it leaves '\(root.path)'")
                    )
                }
                let url = root.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Durable.writeFile(
                    entry.bytes,
                    to: url,
                    executable: entry.executable,
                    reportAs: (reportRoot ?? root).appendingPathComponent(path)
                )
            }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(
                .error(
                    .generatorIO,
                    "cannot write into '\(root.path)': \(FileErrorReason.describe(error, path: root.path))"
                )
            )
        }
    }
}
