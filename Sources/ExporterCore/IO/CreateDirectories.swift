#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `mkdir -p`: creates `path` and its missing parents with `permissions`.
///
/// An existing entry is left alone, even one that is not a directory: the sinks then fail to open their file
/// inside it, with the error that says why (`ENOTDIR`).
///
/// - Throws: ``FileIOError/Operation/createDirectory`` naming the first directory that could not be created.
package func createDirectories(_ path: String, permissions: mode_t = 0o755) throws(FileIOError) {
    var current = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") where component != "." {
        if !current.isEmpty, !current.hasSuffix("/") { current += "/" }
        current += component
        if mkdir(current, permissions) != 0, errno != EEXIST {
            throw FileIOError(.createDirectory, path: current, errno: errno)
        }
    }
}

/// Makes the entries of the directory `path` (a rename, a new file) durable; best effort, as a directory that
/// cannot be opened or synced leaves nothing to do about it.
package func syncDirectory(_ path: String) {
    guard let directory = try? FileDescriptor.open(path, O_RDONLY | O_DIRECTORY) else { return }
    try? directory.sync()
    try? directory.close()
}
