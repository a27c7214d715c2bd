/// A name pattern where `*` matches any run of characters (possibly empty); everything else matches itself.
///
/// The pattern is split at its stars once, so a match is a prefix test, a suffix test and an in-order search for
/// the pieces between, over UTF-8 bytes and without allocating.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let pieces: [[UInt8]]

    /// Compiles `pattern`.
    public init(_ pattern: String) {
        self.pattern = pattern
        pieces = pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// True when `pattern` contains a `*` and therefore is not an exact name.
    public var hasWildcard: Bool { pieces.count > 1 }

    public var description: String { pattern }

    /// True when `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        if let result = name.utf8.withContiguousStorageIfAvailable({ matches(bytes: $0) }) { return result }
        return Array(name.utf8).withUnsafeBufferPointer { matches(bytes: $0) }
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pieces.first, let last = pieces.last else { return bytes.isEmpty }
        if pieces.count == 1 { return bytes.elementsEqual(first) }
        guard bytes.count >= first.count + last.count,
            bytes.starts(with: first),
            bytes[(bytes.count - last.count)...].elementsEqual(last)
        else { return false }
        var position = first.count
        let end = bytes.count - last.count
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = Self.find(piece, in: bytes, from: position, to: end) else { return false }
            position = found + piece.count
        }
        return true
    }

    private static func find(
        _ piece: [UInt8],
        in bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int
    )
        -> Int?
    {
        guard end - start >= piece.count else { return nil }
        var index = start
        while index + piece.count <= end {
            if bytes[index..<(index + piece.count)].elementsEqual(piece) { return index }
            index += 1
        }
        return nil
    }
}
