import ExporterEvents

/// The JSON Schema (draft 2020-12) of `exporter.yaml`, written from `SpecGrammar` so that editors accept exactly
/// the keys the parser accepts. Semantic rules (references, batch placement, base/transport) stay with the parser.
public enum SpecJSONSchema {
    /// The schema's `$id`.
    public static let identifier =
        "https://github.com/exporter-scaffold/exporter-scaffold/schemas/exporter-spec-v1.json"

    /// Where a package keeps the schema, relative to its root: the path `modeline` names.
    public static let packagePath = ".scaffold/exporter.schema.json"

    /// The first line of every spec `scaffold new` writes and of every example: editors that read it (the YAML
    /// language server) complete and check the spec against the package's copy of the schema.
    public static let modeline = "# yaml-language-server: $schema=\(packagePath)"

    /// The schema as pretty-printed JSON text.
    public static let text: String = {
        var root = mappingSchema(SpecGrammar.root)
        root.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
        root.insert(("$id", .string(identifier)), at: 1)
        root.insert(("title", .string("exporter.yaml (spec_version 1)")), at: 2)
        return JSONText.object(root).rendered(indent: "")
    }()

    private static func mappingSchema(_ mapping: SpecMapping) -> [(String, JSONText)] {
        var properties: [(String, JSONText)] = []
        if let kind = mapping.kind { properties.append(("kind", .object([("const", .string(kind))]))) }
        for key in mapping.keys {
            var schema = schema(for: key.shape)
            schema.append(("description", .string(key.summary)))
            properties.append((key.name, .object(schema)))
        }
        let required = (mapping.kind == nil ? [] : ["kind"]) + mapping.requiredKeys
        var result: [(String, JSONText)] = [("type", .string("object"))]
        if mapping.kind != nil { result.append(("title", .string(mapping.title))) }
        result.append(("properties", .object(properties)))
        if !required.isEmpty { result.append(("required", .array(required.map(JSONText.string)))) }
        result.append(("additionalProperties", .bool(false)))
        return result
    }

    private static func schema(for shape: SpecShape) -> [(String, JSONText)] {
        switch shape {
        case .string, .template:
            return [("type", .string("string"))]
        case .integer:
            return [("type", .string("integer"))]
        case .number:
            return [("type", .string("number"))]
        case .boolean:
            return [("type", .string("boolean"))]
        case .duration:
            return [
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("number")), ("minimum", .number("0"))]),
                        .object([
                            ("type", .string("string")),
                            ("pattern", .string("^[0-9]+(\\.[0-9]*)?(ns|us|µs|ms|s|m|h)?$")),
                        ]),
                    ])
                )
            ]
        case .choice(let words):
            return [("enum", .array(words.map(JSONText.string)))]
        case .any:
            return []
        case .list(let element):
            return [("type", .string("array")), ("items", .object(schema(for: element)))]
        case .map(let value):
            return [("type", .string("object")), ("additionalProperties", .object(schema(for: value)))]
        case .mapping(let mapping):
            return mappingSchema(mapping)
        case .kinds(let mappings):
            return [("oneOf", .array(mappings.map { .object(mappingSchema($0)) }))]
        case .referable(let inner):
            let reference: [(String, JSONText)] = [
                ("type", .string("string")), ("pattern", .string("^\\$\\{[a-z][a-z0-9_]*\\}$")),
            ]
            return [("anyOf", .array([.object(schema(for: inner)), .object(reference)]))]
        case .either(let first, let second):
            return [("anyOf", .array([.object(schema(for: first)), .object(schema(for: second))]))]
        }
    }
}

/// A minimal ordered JSON value for writing the schema (key order is kept for readable output).
private indirect enum JSONText {
    case string(String)
    case number(String)
    case bool(Bool)
    case array([JSONText])
    case object([(String, JSONText)])

    func rendered(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .string(let text): return JSONWriter.quoted(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .array(let elements):
            guard !elements.isEmpty else { return "[]" }
            if elements.allSatisfy({ if case .string = $0 { true } else { false } }) {
                return "[" + elements.map { $0.rendered(indent: inner) }.joined(separator: ", ") + "]"
            }
            return "[\n" + elements.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { inner + JSONWriter.quoted($0.0) + ": " + $0.1.rendered(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        }
    }
}
