import ExporterCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The mutable part of a ``FileSink``, guarded by its lock: the open file and the records not yet written to it.
struct FileSinkState {
    /// Writes whole records to the current file.
    var writer: RecordWriter
    /// Bytes in the current file on disk.
    var size: Int
    /// Records accepted but not yet written, with their receipts.
    var pending = PendingRecords()
    /// True while writes fail, so that a series of failures is logged once.
    var failing = false
    /// Records lost to failed writes since the last flush, for the next flush to report.
    var unreportedLoss: FileSinkError?
    /// A roll or sync failure that happened while exporting, for the next flush to report.
    var unreportedError: FileSinkError?
    /// The last roll's time in microseconds, so that two rolls never get the same name.
    var lastRoll: Int64 = 0
    /// True once ``FileSink/finish()`` ran.
    var closed = false

    init(descriptor: FileDescriptor, size: Int) {
        writer = RecordWriter(descriptor: descriptor)
        self.size = size
    }

    /// The current file.
    var descriptor: FileDescriptor { writer.descriptor }

    /// Writes the pending records: those wholly written count as exported, the others (after a failure) as
    /// failed, and the loss is added to ``unreportedLoss``. Returns the failed write, nil when everything was
    /// written. Logs nothing: ``FileSink/write(_:)`` logs for writes no caller waits for.
    @discardableResult
    mutating func writePending(path: String) -> PendingWrite? {
        let outcome = pending.write(through: &writer)
        size += outcome.written
        guard let error = outcome.error else {
            failing = false
            return nil
        }
        failing = true
        var records = outcome.lostRecords
        var bytes = outcome.lostBytes
        if case .lost(_, _, let earlierRecords, let earlierBytes) = unreportedLoss {
            records += earlierRecords
            bytes += earlierBytes
        }
        unreportedLoss = .lost(path: path, errno: error.errno, records: records, bytes: bytes)
        return outcome
    }

    /// Takes the loss to report, if any.
    mutating func takeLoss() -> FileSinkError? {
        defer { unreportedLoss = nil }
        return unreportedLoss
    }
}

/// `fsync`, where a descriptor that cannot be synced (a device, a pipe: EINVAL) has nothing to sync; returns the
/// errno of a real failure.
func syncFileDescriptor(_ descriptor: FileDescriptor) -> Int32? {
    do throws(FileIOError) {
        try descriptor.sync()
        return nil
    } catch {
        return error.errno == EINVAL ? nil : error.errno
    }
}
