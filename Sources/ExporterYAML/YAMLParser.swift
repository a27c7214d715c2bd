import ExporterDiagnostics
import Foundation

/// Parses YAML text into a `YAMLNode` tree with 1-based positions, using libyaml's event parser.
///
/// A stream must hold at most one document. Aliases are expanded under `YAMLParseOptions`' limits, duplicate
/// keys are errors, merge keys (`<<`) are applied. Every problem is a `DiagnosticError` with a
/// `YAML` code (`DiagnosticCode+YAML.swift`), never a crash.
public enum YAMLParser {
    /// Parses text.
    ///
    /// - Parameter file: the name used in diagnostics and node locations.
    /// - Returns: the document's root, or nil when there is no document or it is empty (`null` and `~` give a
    ///   null node).
    public static func parse(
        _ text: String,
        file: String? = nil,
        options: YAMLParseOptions = .init()
    )
        throws(DiagnosticError) -> YAMLNode?
    {
        var text = text
        // `withUTF8` only rethrows untyped errors, so the typed error travels in a Result.
        let result = text.withUTF8 { bytes in
            Result { () throws(DiagnosticError) in try parse(validUTF8: bytes, file: file, options: options) }
        }
        return try result.get()
    }

    /// Parses bytes that should be UTF-8 (a UTF-8 byte order mark is allowed); invalid UTF-8 is a diagnostic.
    public static func parse(
        utf8 bytes: [UInt8],
        file: String? = nil,
        options: YAMLParseOptions = .init()
    )
        throws(DiagnosticError) -> YAMLNode?
    {
        try bytes.withUnsafeBufferPointer { buffer throws(DiagnosticError) in
            if let offset = YAMLSourceText.firstInvalidUTF8Offset(buffer) {
                throw DiagnosticError(
                    .error(
                        .yamlInvalidText,
                        "the text is not valid UTF-8 (byte 0x\(String(buffer[offset], radix: 16, uppercase: true)))",
                        at: YAMLSourceText.location(ofByteOffset: offset, in: buffer, file: file),
                        hint: "save the file as UTF-8"
                    )
                )
            }
            return try parse(validUTF8: buffer, file: file, options: options)
        }
    }

    /// Reads and parses a file; a missing or unreadable file is a diagnostic naming it.
    ///
    /// - Parameter file: the name used in diagnostics; defaults to `path`.
    public static func parse(
        contentsOf path: String,
        file: String? = nil,
        options: YAMLParseOptions = .init()
    )
        throws(DiagnosticError) -> YAMLNode?
    {
        let name = file ?? path
        var isDirectory: ObjCBool = false
        let problem: String
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            problem = "no such file '\(path)'"
        } else if isDirectory.boolValue {
            problem = "'\(path)' is a directory, not a YAML file"
        } else if let data = FileManager.default.contents(atPath: path) {
            return try parse(utf8: [UInt8](data), file: name, options: options)
        } else {
            problem = "cannot read '\(path)'"
        }
        throw DiagnosticError(
            .error(.yamlUnreadableFile, problem, at: nil)
        )
    }

    private static func parse(
        validUTF8 bytes: UnsafeBufferPointer<UInt8>,
        file: String?,
        options: YAMLParseOptions
    ) throws(DiagnosticError) -> YAMLNode? {
        var input = bytes
        if input.starts(with: YAMLSourceText.byteOrderMark) {
            input = UnsafeBufferPointer(rebasing: input.dropFirst(YAMLSourceText.byteOrderMark.count))
        }
        let reader = try YAMLEventReader.make(input: input, file: file)
        return try YAMLTreeBuilder.build(from: reader, options: options)
    }
}
