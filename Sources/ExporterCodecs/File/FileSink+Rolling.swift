import ExporterCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSink {
    /// Renames the current file to its timestamped rolled name, starts a new one and deletes the rolled files
    /// beyond the `maxFiles` newest, as the toolkit's `_roll_file` does.
    ///
    /// A failure never loses data: if the file cannot be renamed or replaced, writing goes on into the current
    /// file, the failure is logged, and the next flush reports it; the next record tries again. A current file
    /// deleted from under the sink is replaced by a new one.
    func roll(_ state: inout FileSinkState, _ rolling: Rolling) {
        var stamp = max(RolledFileNames.now(), state.lastRoll + 1)
        var target = rolledNames.path(rolledAt: stamp)
        // Never rename over an existing file, whatever left it there.
        while access(target, F_OK) == 0 {
            stamp += 1
            target = rolledNames.path(rolledAt: stamp)
        }
        state.lastRoll = stamp
        if let code = syncFileDescriptor(state.descriptor) {
            report(.sync(path: path, errno: code), in: &state)
        }
        let renamed = rename(path, target) == 0
        if !renamed {
            let code = errno
            guard code == ENOENT else {
                report(.roll(path: path, errno: code), in: &state)
                return
            }
            // Someone deleted the file: what went into it since is gone with it; start a new one at the path.
            logger.warning("the current file was deleted; starting a new one", metadata: ["file": "\(path)"])
        }
        let fresh: FileDescriptor
        do throws(FileIOError) {
            fresh = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND)
        } catch {
            // Back to the one file there is, so that the records keep going where the path says.
            if renamed { rename(target, path) }
            report(.roll(path: path, errno: error.errno), in: &state)
            return
        }
        do throws(FileIOError) {
            try state.descriptor.close()
        } catch {
            report(.close(path: target, errno: error.errno), in: &state)
        }
        state.writer.replaceDescriptor(with: fresh)
        state.size = 0
        syncDirectory(rolledNames.directory)
        for failure in rolledNames.deleteRolledFiles(keepingNewest: rolling.maxFiles) {
            logger.warning("cannot delete an old rolled file", metadata: ["error": "\(failure)"])
        }
    }

    /// Logs a failure that happened while exporting and keeps the first one for the next flush to throw; a
    /// failure repeating on every record is logged once.
    private func report(_ error: FileSinkError, in state: inout FileSinkState) {
        guard state.unreportedError != error else { return }
        logger.error("rolling over failed", metadata: ["error": "\(error)"])
        state.unreportedError = state.unreportedError ?? error
    }
}
