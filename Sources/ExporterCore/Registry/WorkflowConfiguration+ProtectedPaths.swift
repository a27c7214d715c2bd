import ExporterDiagnostics
import Foundation

/// Files no exporter may write, such as the trace being replayed into them: writing one would destroy the input
/// (a `file` exporter in overwrite mode truncates it before the first event is read).
struct ProtectedPaths {
    private struct Protected {
        var path: String
        var absolute: String
        var identity: FileIdentity?
    }

    /// A file's device and inode, so that a hard link or a symbolic link to a protected file is caught too.
    private struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64

        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    private let protected: [Protected]

    init(_ paths: [String]) {
        protected = paths.map {
            Protected(path: $0, absolute: Self.absolute($0), identity: FileIdentity(path: $0))
        }
    }

    /// One diagnostic per exporter output that is a protected file.
    func violations(
        by exporters: [(name: String, outputPaths: [String])],
        locations: [String: SourceLocation]
    ) -> [Diagnostic] {
        guard !protected.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for (name, outputs) in exporters {
            for output in outputs {
                let absolute = Self.absolute(output)
                let identity = FileIdentity(path: output)
                guard
                    let input = protected.first(where: {
                        $0.absolute == absolute || (identity != nil && $0.identity == identity)
                    })
                else { continue }
                diagnostics.append(
                    .error(
                        .configurationUnusablePath,
                        "exporter '\(name)' would write to '\(output)', which is the input '\(input.path)'",
                        at: locations[name],
                        hint: "choose another output_path; writing a file while reading it would destroy it"
                    )
                )
            }
        }
        return diagnostics
    }

    /// The path made absolute against the working directory, with `.`, `..` and symbolic links resolved.
    private static func absolute(_ path: String) -> String {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
