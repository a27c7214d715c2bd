#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileExporterConfiguration {
    /// The file written to, given `outputPath` already resolved, derived as the toolkit's `FileExportMixin` does.
    ///
    /// Without rolling it is `outputPath` itself. With rolling, an existing directory or a path without a suffix
    /// is a directory (created when missing) holding `{project}_export.log`; an existing directory with a suffix
    /// (`traces.d`) holds a file of its own name; any other path is the file.
    ///
    /// - Returns: nil when the path is a directory and there is no `project` to name the file.
    func currentFile(outputPath: String) -> String? {
        guard enableRolling else { return outputPath }
        var trimmed = Substring(outputPath)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let name = trimmed.lastIndex(of: "/").map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
        let (stem, suffix) = RolledFileNames.split(name)
        let isDirectory = Self.isDirectory(String(trimmed))
        guard isDirectory || suffix.isEmpty else { return String(trimmed) }
        let directory = trimmed == "/" ? "" : String(trimmed)
        if suffix.isEmpty {
            guard let project else { return nil }
            return "\(directory)/\(project)_export.log"
        }
        return "\(directory)/\(stem)\(suffix)"
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
