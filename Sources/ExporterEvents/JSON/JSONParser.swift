import ExporterDiagnostics

/// A strict, allocation-frugal JSON reader: bytes in, ``JSONValue`` out.
///
/// It accepts RFC 8259 JSON plus the three non-standard numbers Python's `json` module writes (`NaN`, `Infinity`,
/// `-Infinity`), so files written by the toolkit read back. Integers that fit `Int64` become `.int`, larger ones
/// `.largeInteger` with their digits kept; fractions and exponents become `.double`. String escapes are decoded
/// in full. Raw bytes must be valid UTF-8.
///
/// A lone UTF-16 surrogate escape (`"\ud800"` without its pair) becomes U+FFFD: a Swift `String` cannot hold a
/// lone surrogate, so such a string cannot be written back as read. Neither source of traces writes one: the
/// toolkit's `file` exporter serialises with pydantic-core, which refuses to encode a lone surrogate (the line is
/// never written as JSON), and Relay's serde_json rejects one when it parses. Keeping them would need a string
/// type of UTF-16 code units in every payload, for input no producer makes; so they are replaced, as Python's
/// `bytes.decode("utf-8", "replace")` would.
///
/// Errors are ``DiagnosticError``s located at the offending byte (line and column, columns counting Unicode
/// scalars), with the `JSON` codes of `DiagnosticCode+JSON.swift`.
public struct JSONParser: Sendable {
    /// The nesting limit used unless one is given.
    public static let defaultMaximumDepth = 512

    /// How deeply arrays and objects may nest; deeper input is rejected with `JSON007` instead of exhausting the
    /// stack.
    public var maximumDepth: Int

    /// Creates a parser.
    public init(maximumDepth: Int = JSONParser.defaultMaximumDepth) {
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON document that fills `bytes` (surrounding whitespace allowed).
    public func parse(_ bytes: some Collection<UInt8>) throws(DiagnosticError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(DiagnosticError) -> JSONValue in try parse(buffer) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        let copyResult = copy.withUnsafeBufferPointer { buffer in
            Result { () throws(DiagnosticError) -> JSONValue in try parse(buffer) }
        }
        return try copyResult.get()
    }

    /// Parses one JSON document from raw memory.
    public func parse(_ buffer: UnsafeRawBufferPointer) throws(DiagnosticError) -> JSONValue {
        try parse(buffer.bindMemory(to: UInt8.self))
    }

    /// Parses one JSON document from text.
    public func parse(_ text: String) throws(DiagnosticError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(DiagnosticError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON document from a typed buffer: the entry point all others funnel into.
    public func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(DiagnosticError) -> JSONValue {
        var scanner = JSONScanner(bytes: buffer, maximumDepth: maximumDepth)
        scanner.skipWhitespace()
        let value = try scanner.parseValue()
        scanner.skipWhitespace()
        if scanner.index < buffer.count {
            throw scanner.failure(
                .jsonTrailingContent,
                "unexpected \(scanner.describeByte(at: scanner.index)) after the JSON value",
                at: scanner.index
            )
        }
        return value
    }
}

extension JSONValue {
    /// Parses JSON text with the default ``JSONParser``.
    public init(parsing text: String) throws(DiagnosticError) {
        self = try JSONParser().parse(text)
    }

    /// Parses JSON bytes with the default ``JSONParser``.
    public init(parsing bytes: some Collection<UInt8>) throws(DiagnosticError) {
        self = try JSONParser().parse(bytes)
    }
}
