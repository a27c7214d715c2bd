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
    /// The current file.
    var descriptor: FileDescriptor
    /// Bytes in the current file on disk.
    var size: Int
    /// Bytes accepted but not yet written, whole records in order.
    private(set) var buffer: [UInt8] = []
    /// Where each record in ``buffer`` ends: the records not yet completely written.
    private var recordEnds: [Int] = []
    /// The errno of the write that last failed, until a write succeeds again.
    var failingWrite: Int32?
    /// A roll or sync failure that happened while exporting, for the next flush to report.
    var unreportedError: FileSinkError?
    /// The last roll's time in microseconds, so that two rolls never get the same name.
    var lastRoll: Int64 = 0
    /// True once ``FileSink/finish()`` ran.
    var closed = false

    init(descriptor: FileDescriptor, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    /// Records accepted but not yet completely written.
    var pendingRecords: Int { recordEnds.count }

    /// Accepts one record (a line or a batch of lines).
    mutating func append(_ record: [UInt8]) {
        buffer += record
        recordEnds.append(buffer.count)
    }

    /// Writes the buffer to the file; returns the errno when a write failed (what was not written stays
    /// buffered), nil when everything was written.
    mutating func writeBuffer() -> Int32? {
        var written = 0
        defer {
            size += written
            dropWritten(written)
        }
        do throws(FileIOError) {
            try descriptor.writeAll(buffer, written: &written)
        } catch {
            failingWrite = error.errno
            return error.errno
        }
        failingWrite = nil
        return nil
    }

    /// Forgets every buffered record: the file is closing and they cannot be written.
    mutating func discardBuffer() {
        buffer = []
        recordEnds = []
    }

    private mutating func dropWritten(_ count: Int) {
        guard count > 0 else { return }
        if count == buffer.count {
            discardBuffer()
            return
        }
        buffer.removeFirst(count)
        let done = recordEnds.prefix { $0 <= count }.count
        recordEnds.removeFirst(done)
        for index in recordEnds.indices { recordEnds[index] -= count }
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
