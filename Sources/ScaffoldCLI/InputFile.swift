import ExporterCore
import ExporterDiagnostics
import Foundation

/// What a file named on the command line is to the command reading it, named in the one sentence every command
/// says when it cannot read one: `cannot read spec 'exporter.yaml': no such file or directory`.
enum InputRole: String {
    case spec
    case trace
    case config
    case project
    case templates
    case runtime

    /// Roles whose path must be a directory.
    var isDirectory: Bool { [.project, .templates, .runtime].contains(self) }
}

/// The one check every command makes before it reads a file it was given: a missing, unreadable or wrong-kind path
/// is `CLI003`, `cannot read ROLE 'PATH': REASON` (the operating system's words), exit 2.
enum InputFile {
    /// Throws `CLI003` unless `path` exists, is of the kind `role` needs (a directory or not) and is readable.
    /// Only looks (`stat`, `access`): a FIFO given as a trace is not opened, so its writer is not disturbed.
    static func check(
        _ path: String,
        role: InputRole,
        directory: Bool? = nil,
        hint: String? = nil
    ) throws(DiagnosticError) {
        if let reason = problem(path, directory: directory ?? role.isDirectory) {
            throw unreadable(path, role: role, reason: reason, hint: hint)
        }
    }

    /// The `CLI003` diagnostic for `path`, read as `role`, failing for `reason`.
    static func unreadable(_ path: String, role: InputRole, reason: String, hint: String? = nil) -> DiagnosticError {
        DiagnosticError(.error(.cliUnreadableInput, "cannot read \(role.rawValue) '\(path)': \(reason)", hint: hint))
    }

    /// The `CLI003` diagnostic for a read of `path` that failed with `error`.
    static func unreadable(_ path: String, role: InputRole, error: any Error) -> DiagnosticError {
        unreadable(path, role: role, reason: FileErrorReason.describe(error, path: path))
    }

    /// Why `path` cannot be read (as a directory when `directory`), or nil when it can.
    static func problem(_ path: String, directory: Bool) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return FileErrorReason.describe(errno: errno) }
        let isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
        if isDirectory != directory { return FileErrorReason.describe(errno: directory ? ENOTDIR : EISDIR) }
        guard access(path, directory ? R_OK | X_OK : R_OK) == 0 else { return FileErrorReason.describe(errno: errno) }
        return nil
    }
}
