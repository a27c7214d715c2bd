import ExporterDiagnostics
import Foundation

/// The `Decoder` over one node; containers read its node and record the keys they are asked about.
final class YAMLNodeDecoder: Decoder {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    let context: YAMLDecodingContext
    /// Non-nil when the node is a mapping.
    let queriedKeys: YAMLQueriedKeys?

    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

    init(node: YAMLNode, codingPath: [any CodingKey], context: YAMLDecodingContext, queriedKeys: YAMLQueriedKeys?) {
        self.node = node
        self.codingPath = codingPath
        self.context = context
        self.queriedKeys = queriedKeys ?? (node.mapping != nil ? YAMLQueriedKeys() : nil)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let entries = node.mapping else { throw typeMismatch(expected: "a mapping") }
        // Keyed access sees only scalar keys; refusing others keeps a collection key from being silently dropped.
        if let complexKey = entries.first(where: { $0.key.scalar == nil })?.key {
            throw DiagnosticError(
                .error(
                    .yamlUnsupportedKey,
                    "mapping keys\(YAMLDecodingErrors.in(codingPath)) must be scalars, found \(YAMLDecodingErrors.describe(complexKey))",
                    at: complexKey.location
                )
            )
        }
        queriedKeys?.recordKeyType(type)
        return KeyedDecodingContainer(YAMLKeyedDecodingContainer<Key>(decoder: self, entries: entries))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = node.sequence else { throw typeMismatch(expected: "a sequence") }
        return YAMLUnkeyedDecodingContainer(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        YAMLSingleValueDecodingContainer(decoder: self)
    }

    func typeMismatch(expected: String) -> DiagnosticError {
        YAMLDecodingErrors.typeMismatch(expected: expected, node: node, codingPath: codingPath)
    }

    /// Decodes `T` from `node`: the one place every value goes through, so that special types, error
    /// conversion and the unknown-key check apply everywhere.
    static func decode<T: Decodable>(
        _ type: T.Type,
        from node: YAMLNode,
        codingPath: [any CodingKey],
        context: YAMLDecodingContext,
        sharing queriedKeys: YAMLQueriedKeys? = nil
    ) throws(DiagnosticError) -> T {
        if T.self == YAMLNode.self, let node = node as? T { return node }
        if T.self == URL.self, let url = try decodeURL(from: node, codingPath: codingPath) as? T { return url }
        let decoder = YAMLNodeDecoder(node: node, codingPath: codingPath, context: context, queriedKeys: queriedKeys)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as DiagnosticError {
            guard T.self is any YAMLReportsAllProblems.Type else { throw error }
            decoder.queriedKeys?.decodingFinished = true
            throw DiagnosticError(error.diagnostics + decoder.unqueriedKeys())
        } catch {
            throw YAMLDecodingErrors.converting(error, decoding: T.self, decoder: decoder)
        }
        decoder.queriedKeys?.decodingFinished = true
        if T.self is any YAMLRejectsUnknownKeys.Type {
            let unknown = decoder.unqueriedKeys()
            if !unknown.isEmpty { throw DiagnosticError(unknown) }
        }
        return value
    }

    private static func decodeURL(from node: YAMLNode, codingPath: [any CodingKey]) throws(DiagnosticError) -> URL {
        let text = try YAMLScalarUnboxing.string(from: node, codingPath: codingPath)
        guard !text.isEmpty, let url = URL(string: text) else {
            throw DiagnosticError(
                .error(
                    .yamlInvalidValue,
                    "expected a URL\(YAMLDecodingErrors.at(codingPath)), found \(YAMLDecodingErrors.describe(node))",
                    at: node.location
                )
            )
        }
        return url
    }

    /// The problems of every key of the mapping that was never asked about, each at its own position.
    private func unqueriedKeys() -> [Diagnostic] {
        guard let entries = node.mapping, let queried = queriedKeys?.keys else { return [] }
        let candidates = queried.sorted()
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            guard let key = entry.key.scalar?.value else {
                diagnostics.append(
                    .error(
                        .yamlUnsupportedKey,
                        "mapping keys\(YAMLDecodingErrors.in(codingPath)) must be scalars, found \(YAMLDecodingErrors.describe(entry.key))",
                        at: entry.key.location
                    )
                )
                continue
            }
            guard !queried.contains(key), !context.ignoredKeys.contains(key) else { continue }
            diagnostics.append(
                YAMLDecodingErrors.unknownKey(key, at: entry.key.location, codingPath: codingPath, among: candidates)
            )
        }
        return diagnostics
    }
}
