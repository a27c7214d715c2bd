import ExporterDiagnostics

extension YAMLDecoder {
    /// The keys a mapping decoded as `type` may hold: those its `init(from:)` asks about when it reads an empty
    /// mapping, and every spelling of the `CaseIterable` coding keys it reads with; sorted.
    ///
    /// The same record the unknown-key check keeps (``YAMLRejectsUnknownKeys``), so the keys an editor is offered
    /// are the keys the decoder accepts. A type that stops at its first missing key reveals only the keys it asked
    /// about before; ``YAMLReportsAllProblems`` types (every built-in configuration) ask about all of theirs.
    package func keys<T: Decodable>(of type: T.Type) -> [String] {
        let context = YAMLDecodingContext(ignoredKeys: ignoredKeys, lenientScalars: lenientScalars, userInfo: userInfo)
        let queried = YAMLQueriedKeys()
        let empty = YAMLNode(.mapping([]), location: SourceLocation(line: 1, column: 1))
        _ = try? YAMLNodeDecoder.decode(type, from: empty, codingPath: [], context: context, sharing: queried)
        return queried.keys.union(queried.spelledNames).subtracting(ignoredKeys).sorted()
    }
}
