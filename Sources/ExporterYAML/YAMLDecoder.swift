import ExporterDiagnostics

/// Decodes `Decodable` values from YAML nodes, reporting problems as diagnostics with the key path
/// (`tracing.otel.batch_size`, `exporters[2].name`) and the offending node's file:line:col.
///
/// Scalars follow the core schema: an integer field needs an integer (range-checked), a `Bool` needs
/// `true`/`false`, a `String` accepts any non-null scalar as written. YAML null decodes as `nil` for optionals.
/// A `DiagnosticError` thrown by a type's own `init(from:)` passes through unchanged.
///
/// Problems of one mapping are reported together where possible: when decoding the top-level value fails, the
/// keys its `CodingKey` type cannot spell are reported as unknown at once (for `YAMLRejectsUnknownKeys` types),
/// and decoding is retried without the entry that failed so that the problems of later entries surface too (except
/// for `YAMLReportsAllProblems` types, which find all of theirs in one go).
public struct YAMLDecoder: Sendable {
    /// Keys that types conforming to `YAMLRejectsUnknownKeys` accept without asking for them (e.g. `_type`).
    public var ignoredKeys: Set<String>
    /// Whether scalars are read as leniently as the toolkit reads them (PyYAML's YAML 1.1 booleans `yes`/`no`/
    /// `on`/`off`, pydantic's lax `"5"` for a number); off by default, so that a spec stays strict.
    public var lenientScalars = false
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

    /// The most attempts at decoding a mapping with its failing entries left out, to report later problems too.
    static let maxRecoveryAttempts = 8

    /// Decodes a value from a node.
    ///
    /// - Parameter keyPath: where the node sits in its document (`["general", "telemetry", "tracing", "otel"]`);
    ///   key paths in diagnostics start there.
    public func decode<T: Decodable>(
        _ type: T.Type = T.self,
        from node: YAMLNode,
        at keyPath: [String] = []
    ) throws(DiagnosticError) -> T {
        let context = YAMLDecodingContext(ignoredKeys: ignoredKeys, lenientScalars: lenientScalars, userInfo: userInfo)
        let codingPath: [any CodingKey] = keyPath.map { YAMLCodingKey(stringValue: $0) }
        guard let entries = node.mapping else {
            return try YAMLNodeDecoder.decode(type, from: node, codingPath: codingPath, context: context)
        }
        var found = YAMLDiagnosticCollection()
        var remaining = entries
        var withheld: Set<String> = []
        for attempt in 0..<Self.maxRecoveryAttempts {
            let keys = YAMLQueriedKeys()
            keys.withheld = withheld
            let mapping = YAMLNode(.mapping(remaining), location: node.location)
            do {
                let value = try YAMLNodeDecoder.decode(
                    type,
                    from: mapping,
                    codingPath: codingPath,
                    context: context,
                    sharing: keys
                )
                if found.isEmpty { return value }
                break
            } catch {
                var reported = error.diagnostics.filter { $0.code != YAMLDecodingErrors.withheldKeyCode }
                // Without the left-out entries, a problem of the mapping as a whole (a missing key, a rule about
                // several keys) may be a consequence of leaving them out: only problems at entries count, and
                // recovery ends there.
                let isRetry = attempt > 0
                let atEntries = reported.filter { $0.location != nil && $0.location != node.location }
                let endsHere = isRetry && atEntries.count < reported.count
                if isRetry { reported = atEntries }
                found.add(reported)
                guard !keys.decodingFinished, !reported.isEmpty, !endsHere else { break }
                if T.self is any YAMLRejectsUnknownKeys.Type {
                    found.add(keys.unspellableKeys(of: entries, codingPath: codingPath, context: context))
                }
                guard let failed = keys.lastKey, withheld.insert(failed).inserted else { break }
                remaining.removeAll { $0.key.scalar?.value == failed }
            }
        }
        throw DiagnosticError(found.sorted)
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
    let lenientScalars: Bool
    let userInfo: [CodingUserInfoKey: Any]

    init(ignoredKeys: Set<String>, lenientScalars: Bool, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.ignoredKeys = ignoredKeys
        self.lenientScalars = lenientScalars
        self.userInfo = userInfo
    }
}
