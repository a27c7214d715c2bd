#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole records (a line or lines, each ending in a newline) through one descriptor, so that what a
/// failed write leaves behind is never half a record: the one mechanism every sink that appends records writes
/// through (file, console and stream sinks).
///
/// A record is written when its last byte has been handed to the operating system by `write(2)`. When a write
/// fails part way (`ENOSPC`, `EFBIG`, `EPIPE`), the bytes of the record it tore are cut off again with
/// `ftruncate` when the descriptor is a regular file whose end the sink wrote last; when they cannot be (a pipe, a
/// terminal, a device, or another process appended since), the next write starts with a newline, so the next
/// record still starts on a line of its own.
package struct RecordWriter: Sendable {
    /// Where the records go.
    package private(set) var descriptor: FileDescriptor
    /// True when a failed write left part of a record that could not be cut off: the next write starts with a
    /// newline.
    package private(set) var tornTail = false

    /// Writes through `descriptor`, which its opener closes.
    package init(descriptor: FileDescriptor) {
        self.descriptor = descriptor
    }

    /// Writes to `descriptor` from now on (a rolled file, which starts empty).
    package mutating func replaceDescriptor(with descriptor: FileDescriptor) {
        self.descriptor = descriptor
        tornTail = false
    }

    /// Writes `bytes`, whole records, across short writes and signals.
    ///
    /// - Parameter wholeRecords: given a count of bytes from the start of `bytes`, the end of the last record
    ///   that lies wholly within them (0 when none does).
    /// - Returns: how many bytes from the start of `bytes` are in the file as whole records, and the error that
    ///   stopped the rest (nil when everything was written). Bytes of a torn record are cut off or fenced off by
    ///   a newline (see the type's documentation).
    package mutating func write(_ bytes: [UInt8], wholeRecords: (Int) -> Int) -> RecordWrite {
        guard !bytes.isEmpty else { return RecordWrite(written: 0, error: nil) }
        if tornTail {
            do throws(FileIOError) {
                try descriptor.writeAll(Self.newline)
                tornTail = false
            } catch {
                return RecordWrite(written: 0, error: error)
            }
        }
        var written = 0
        do throws(FileIOError) {
            try descriptor.writeAll(bytes, written: &written)
            return RecordWrite(written: written, error: nil)
        } catch {
            let whole = min(wholeRecords(written), written)
            if written > whole { cutTornTail(written - whole) }
            return RecordWrite(written: whole, error: error)
        }
    }

    /// Writes `record`, one whole record.
    package mutating func write(record: [UInt8]) -> RecordWrite {
        write(record) { $0 == record.count ? $0 : 0 }
    }

    /// Removes the last `count` bytes written, or, where that cannot be done safely, makes the next write start
    /// on a fresh line.
    private mutating func cutTornTail(_ count: Int) {
        var info = stat()
        let position = lseek(descriptor.rawValue, 0, SEEK_CUR)
        // Only a regular file whose end is where this descriptor wrote last: cutting anywhere else would remove
        // what someone else wrote.
        guard fstat(descriptor.rawValue, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            position >= 0, off_t(position) == info.st_size, position >= off_t(count)
        else {
            tornTail = true
            return
        }
        let end = position - off_t(count)
        var result: Int32
        repeat { result = ftruncate(descriptor.rawValue, end) } while result != 0 && errno == EINTR
        // Without O_APPEND the next write goes where the offset is: back to the new end, or there would be a hole.
        guard result == 0, lseek(descriptor.rawValue, end, SEEK_SET) == end else {
            tornTail = true
            return
        }
    }

    private static let newline: [UInt8] = [UInt8(ascii: "\n")]
}

/// What ``RecordWriter/write(_:wholeRecords:)`` achieved.
package struct RecordWrite: Sendable {
    /// Bytes from the start that are in the file as whole records.
    package var written: Int
    /// What stopped the rest; nil when everything was written.
    package var error: FileIOError?
}

/// Records accepted but not yet written, each with the ``ExportReceipt`` that says what became of it: the buffer
/// of a sink that writes in blocks (the file sink), so that a record counts as exported only once all its bytes
/// are written and one that a failed write did not finish counts as failed.
package struct PendingRecords: Sendable {
    /// The records' bytes, in order.
    package private(set) var bytes: [UInt8] = []
    /// Where each record ends in ``bytes``, with its receipt.
    private var records: [Entry] = []

    private struct Entry: Sendable {
        var end: Int
        var receipt: ExportReceipt
    }

    package init() {}

    /// How many records wait.
    package var count: Int { records.count }

    /// True when nothing waits.
    package var isEmpty: Bool { records.isEmpty }

    /// Adds one record.
    package mutating func append(_ record: [UInt8], receipt: ExportReceipt) {
        bytes += record
        records.append(Entry(end: bytes.count, receipt: receipt))
    }

    /// Writes every record through `writer` and empties the buffer: the records wholly written are delivered,
    /// the others (after a failure) lost, and counted as such through their receipts.
    package mutating func write(through writer: inout RecordWriter) -> PendingWrite {
        guard !records.isEmpty else { return PendingWrite(written: 0, error: nil, lostRecords: 0, lostBytes: 0) }
        let records = self.records
        let outcome = writer.write(bytes) { prefix in
            // The records are few (a 64 KiB block) and this runs only after a failure.
            records.last { $0.end <= prefix }?.end ?? 0
        }
        let delivered = outcome.error == nil ? records.count : records.prefix { $0.end <= outcome.written }.count
        settle(records[..<delivered], delivered: true)
        settle(records[delivered...], delivered: false)
        let lost = PendingWrite(
            written: outcome.written,
            error: outcome.error,
            lostRecords: records.count - delivered,
            lostBytes: bytes.count - outcome.written
        )
        clear()
        return lost
    }

    /// Gives up on every record: they are lost (the sink closed without being able to write them).
    package mutating func discard() {
        settle(records[...], delivered: false)
        clear()
    }

    private mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
    }

    /// Settles the receipts, one counter update per run of records from the same exporter.
    private func settle(_ entries: ArraySlice<Entry>, delivered: Bool) {
        var index = entries.startIndex
        while index < entries.endIndex {
            let first = entries[index].receipt
            var items = 0
            while index < entries.endIndex, entries[index].receipt.sharesLedger(with: first) {
                items += entries[index].receipt.itemCount
                index += 1
            }
            first.settle(items: items, delivered: delivered)
        }
    }
}

/// What ``PendingRecords/write(through:)`` achieved.
package struct PendingWrite: Sendable {
    /// Bytes written as whole records.
    package var written: Int
    /// What stopped the rest; nil when everything was written.
    package var error: FileIOError?
    /// Records lost to the failure.
    package var lostRecords: Int
    /// Their bytes (a torn record's included).
    package var lostBytes: Int
}
