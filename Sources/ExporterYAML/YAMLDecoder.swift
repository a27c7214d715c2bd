import ExporterDiagnostics

/// Decodes `Decodable` values from YAML nodes, reporting problems as diagnostics with the key path
/// (`tracing.otel.batch_size`, `exporters[2].name`) and the offending node's file:line:col.
///
/// Scalars follow the core schema: an integer field needs an integer (range-checked), a `Bool` needs
/// `true`/`false`, a `String` accepts any non-null scalar as written. YAML null decodes as `nil` for optionals.
/// A `DiagnosticError` thrown by a type's own `init(from:)` passes through unchanged.
public struct YAMLDecoder: Sendable {
    /// Keys that types conforming to `YAMLRejectsUnknownKeys` accept without asking for them (e.g. `_type`).
    public var ignoredKeys: Set<String>
    /// Limits for the text-parsing conveniences.
    public var parseOptions: YAMLParseOptions
    /// Values handed to `init(from:)` implementations through `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates a decoder.
    public init(
        ignoredKeys: Set<String> = [],
        parseOptions: YAMLParseOptions = .init(),
        userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) {
        self.ignoredKeys = ignoredKeys
        self.parseOptions = parseOptions
        self.userInfo = userInfo
    }

    /// Decodes a value from a node.
    public func decode<T: Decodable>(_ type: T.Type = T.self, from node: YAMLNode) throws(DiagnosticError) -> T {
        let context = YAMLDecodingContext(ignoredKeys: ignoredKeys, userInfo: userInfo)
        return try YAMLNodeDecoder.decode(type, from: node, codingPath: [], context: context)
    }

    /// Parses text, substitutes `${VAR}` references when `environment` is given, and decodes the result.
    ///
    /// An empty document decodes as YAML null (so an optional decodes as nil).
    public func decode<T: Decodable>(
        _ type: T.Type = T.self,
        from text: String,
        file: String? = nil,
        environment: [String: String]? = nil
    ) throws(DiagnosticError) -> T {
        let node = try YAMLParser.parse(text, file: file, options: parseOptions)
        return try decode(type, parsed: node, file: file, environment: environment)
    }

    /// Reads a file, substitutes `${VAR}` references when `environment` is given, and decodes the result.
    public func decode<T: Decodable>(
        _ type: T.Type = T.self,
        contentsOf path: String,
        file: String? = nil,
        environment: [String: String]? = nil
    ) throws(DiagnosticError) -> T {
        let node = try YAMLParser.parse(contentsOf: path, file: file, options: parseOptions)
        return try decode(type, parsed: node, file: file ?? path, environment: environment)
    }

    private func decode<T: Decodable>(
        _ type: T.Type,
        parsed node: YAMLNode?,
        file: String?,
        environment: [String: String]?
    ) throws(DiagnosticError) -> T {
        var root = node ?? YAMLNode(.scalar(YAMLScalar("")), location: SourceLocation(file: file, line: 1, column: 1))
        if let environment { root = try root.interpolatingEnvironment(environment) }
        return try decode(type, from: root)
    }
}

/// What every decoder of one `decode` call shares.
final class YAMLDecodingContext {
    let ignoredKeys: Set<String>
    let userInfo: [CodingUserInfoKey: Any]

    init(ignoredKeys: Set<String>, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.ignoredKeys = ignoredKeys
        self.userInfo = userInfo
    }
}

/// The keys asked about on one mapping, shared by every decoder that reads that mapping.
final class YAMLQueriedKeys {
    var keys: Set<String> = []
}
