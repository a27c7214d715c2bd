import ExporterCore
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSink {
    /// Creates the directories, applies `cleanupOnInit` and opens the file for appending.
    static func openFile(
        path: String,
        mode: Mode,
        rolling: Rolling?,
        cleanupOnInit: Bool,
        _ logger: Logger
    ) throws(FileSinkError) -> FileSinkState {
        try createParentDirectories(of: path)
        if cleanupOnInit {
            if let rolling {
                let names = RolledFileNames(currentPath: path)
                for failure in names.deleteRolledFiles(keepingNewest: rolling.maxFiles) {
                    logger.warning("cleanup_on_init", metadata: ["error": "\(failure)"])
                }
            } else if mode == .overwrite {
                // As the toolkit: a new file rather than the old one emptied. Should the unlink fail, opening
                // below empties the file anyway, or reports why it cannot.
                unlink(path)
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .open(path: path, errno: errno) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        return FileSinkState(descriptor: descriptor, size: size)
    }

    /// `.overwrite`: empties the file, or with rolling rolls it when it already reached `maxFileSize` (the
    /// toolkit checks the size before its first write, which empties the file).
    func startEmpty() throws(FileSinkError) {
        try state.withLock { state throws(FileSinkError) in
            if let rolling, state.size >= rolling.maxFileSize, state.size > 0 { roll(&state, rolling) }
            guard state.size > 0 else { return }
            var info = stat()
            // Devices and pipes have nothing to empty.
            guard fstat(state.descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
            guard ftruncate(state.descriptor, 0) == 0 else { throw .open(path: path, errno: errno) }
            state.size = 0
        }
    }

    private static func createParentDirectories(of path: String) throws(FileSinkError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        var current = ""
        for component in path[..<slash].split(separator: "/", omittingEmptySubsequences: false) {
            current += (current.isEmpty && path.hasPrefix("/") ? "/" : current.isEmpty ? "" : "/") + component
            if component.isEmpty || component == "." { continue }
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw .open(path: path, errno: errno)
            }
        }
    }
}
