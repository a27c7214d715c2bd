import ExporterYAML

/// How one config field appears in generated code: types, defaults, decoding and checks.
struct FieldRenderModel {
    let field: ConfigField
    let configType: String
    /// The enum type name for enum fields (or lists of enums).
    let enumType: String?
    /// Enum value → Swift case name.
    let enumCases: [(value: String, name: String)]
    /// Whether the field is the `otlp` transport's endpoint (`endpoint: ${field}`): left out of the workflow YAML
    /// (and of the field's own `env`), it comes from the OpenTelemetry variables, read by the runtime's
    /// `OTelEnvironment.endpoint`, before the spec's default.
    var isOTLPEndpoint = false
    /// The `OTelEnvironment` function (`batchSize`, `maxQueueSize`, `scheduleDelay`) whose `OTEL_BSP_*` variable
    /// the field falls back to: an `otel` package's field that the batch processor's option names.
    var otelBatchFunction: String?

    var key: String { field.name }
    var keyLiteral: String { RenderSyntax.literal(field.name) }
    var property: String { RenderSyntax.identifier(field.swiftName) }
    var reader: String { "ConfigurationReader" }
    var isSecret: Bool { field.type == .secret }
    var isOptional: Bool { field.defaultValue == nil && !field.required }

    /// The Swift type of the property (without optionality).
    var swiftType: String { swiftType(of: field.type) }

    var propertyType: String { isOptional ? swiftType + "?" : swiftType }

    /// The type decoded from YAML.
    var yamlType: String { yamlType(of: field.type) }

    private func swiftType(of type: FieldType) -> String {
        switch type {
        case .string: "String"
        case .secret: "Secret"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .url: "URL"
        case .duration: "Duration"
        case .enumeration: enumType ?? "String"
        case .list(let element): "[\(swiftType(of: element))]"
        case .map: "[String: String]"
        }
    }

    private func yamlType(of type: FieldType) -> String {
        switch type {
        case .string, .secret, .url, .enumeration: "String"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .duration: "ConfigDuration"
        case .list(let element): "[\(yamlType(of: element))]"
        case .map: "[String: String]"
        }
    }

    /// An expression parsing one environment text as the YAML type, or nil for the whole-text parser.
    private func parser(of type: FieldType) -> String {
        switch type {
        case .string, .secret, .url, .enumeration: "{ $0 }"
        case .int: "{ Int($0) }"
        case .double: "{ Double($0) }"
        case .bool: "{ \(reader).bool($0) }"
        case .duration: "{ ConfigDuration(parsing: $0) }"
        case .list(let element): "{ \(reader).list($0, \(parser(of: element))) }"
        case .map: "{ \(reader).map($0) }"
        }
    }

    private func expected(of type: FieldType) -> String {
        switch type {
        case .string, .secret: "text"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "true or false"
        case .url: "an absolute URL"
        case .duration: "a duration such as 5s or 250ms"
        case .enumeration(let values): "one of " + values.joined(separator: ", ")
        case .list(let element): "a comma-separated list of " + expected(of: element)
        case .map: "key=value pairs separated by commas"
        }
    }

    /// A function converting a YAML value to the Swift value (nil when invalid), or nil when the types match.
    private func conversion(of type: FieldType) -> String? {
        switch type {
        case .url: return "\(reader).absoluteURL"
        case .secret: return "{ Secret($0) }"
        case .duration: return "{ $0.duration }"
        case .enumeration: return enumType.map { "{ \($0)(rawValue: $0) }" }
        case .list(let element):
            guard let inner = conversion(of: element) else { return nil }
            return "{ \(reader).all($0, \(inner)) }"
        default: return nil
        }
    }

    /// The statement of `Document.resolve` for this field, laid out at column 12: one expression reading the
    /// written value (or the environment's), requiring, converting and checking it, that leaves an `Entry?` named
    /// after the property.
    var resolveLines: [String] {
        let env = SwiftCode.atom(field.env.map(RenderSyntax.literal) ?? "nil")
        let key = SwiftCode.atom(keyLiteral)
        let expected = SwiftCode.atom(RenderSyntax.literal(expected(of: field.type)))
        var entry = SwiftCode.call(
            "reader.read",
            [
                // The reader parameter hides a field named `reader`.
                (nil, .atom(property == "reader" ? "self.reader" : property)), ("key", key), ("env", env),
                ("expected", expected),
                ("parse", .atom(parser(of: field.type))),
            ]
        )
        if isOTLPEndpoint {
            entry = .call("OTelEnvironment.endpoint", [(nil, entry), (nil, .atom("&reader"))])
        }
        if let otelBatchFunction {
            entry = .call(
                "OTelEnvironment.\(otelBatchFunction)",
                [(nil, entry), ("key", key), (nil, .atom("&reader"))]
            )
        }
        if field.required {
            let hintEnv = isOTLPEndpoint && field.env == nil ? SwiftCode.atom("\"OTEL_EXPORTER_OTLP_ENDPOINT\"") : env
            entry = .call("reader.require", [(nil, entry), ("key", key), ("env", hintEnv)])
        }
        if let conversion = conversion(of: field.type) {
            entry = .call(
                "reader.convert",
                [(nil, entry), ("expected", expected), ("secret", .atom("\(isSecret)")), (nil, .atom(conversion))]
            )
        }
        let name = "\(field.swiftName)Entry"
        let checks = checkExpressions
        guard !checks.isEmpty else { return entry.lines(at: 12, prefix: "let \(name) = ") }
        return SwiftCode.call("reader.check", [(nil, entry)])
            .lines(at: 12, prefix: "let \(name) = ", suffix: " { value -> String? in")
            + checks.map { "    " + $0 } + ["    return nil", "}"]
    }

    /// The statement of `Document.resolve` (at column 12) that records the field's effective value and its source
    /// for `scaffold replay --explain-config`: the spec's default when the entry is absent, a secret masked, a URL
    /// without its password and query.
    var settleLines: [String] {
        var arguments: [(String?, SwiftCode)] = [
            (nil, .atom(keyLiteral)), (nil, .atom("\(field.swiftName)Entry")),
            ("default", .atom(field.defaultValue.map { RenderSyntax.literal(ValueSyntax.display($0)) } ?? "nil")),
        ]
        if isSecret || field.type == .list(.secret) { arguments.append(("secret", .atom("true"))) }
        if field.type == .url { arguments.append(("render", .atom("\(reader).masked"))) }
        return SwiftCode.call("reader.settle", arguments).lines(at: 12)
    }

    /// Statements (inside the check closure) returning a problem message.
    private var checkExpressions: [String] {
        var lines: [String] = []
        if let min = field.min {
            let (expression, shown) = bound(min)
            lines.append(
                "if value < \(expression) { return \(Self.message("must be at least \(shown)")) }"
            )
        }
        if let max = field.max {
            let (expression, shown) = bound(max)
            lines.append(
                "if value > \(expression) { return \(Self.message("must be at most \(shown)")) }"
            )
        }
        if let pattern = field.pattern {
            let message = "must match the pattern \(pattern)"
            let target =
                switch field.type {
                case .url: "value.absoluteString"
                case .secret: "value.revealed"
                default: "value"
                }
            lines.append("if !\(reader).matches(\(target), \(RenderSyntax.literal(pattern))) {")
            if isSecret {
                lines.append("    return \(RenderSyntax.literal(message))")
            } else {
                lines.append("    return \(RenderSyntax.literal(message)) + \", not '\\(\(target))'\"")
            }
            lines.append("}")
        }
        return lines
    }

    /// `text, not \(value)` as one interpolated literal (a bound's text needs no escaping).
    private static func message(_ text: String) -> String {
        let literal = RenderSyntax.literal(text)
        guard literal.hasPrefix("\""), literal.hasSuffix("\"") else { return literal + " + \", not \\(value)\"" }
        return literal.dropLast() + ", not \\(value)\""
    }

    private func bound(_ value: FieldValue) -> (expression: String, shown: String) {
        switch value {
        case .int(let number): ("\(number)", "\(number)")
        case .double(let number): (ValueSyntax.double(number), "\(number)")
        case .duration(let nanoseconds): (ValueSyntax.duration(nanoseconds), ValueSyntax.durationText(nanoseconds))
        default: ("0", "0")
        }
    }

    /// The property's value in `resolve`: the entry's value, else the default.
    var resolvedValue: String {
        let entry = "\(field.swiftName)Entry"
        if let defaultValue = field.defaultValue {
            return "\(entry)?.value ?? \(valueExpression(defaultValue, type: field.type))"
        }
        if field.required {
            // A missing required value has been recorded as a problem and `finish()` threw; this placeholder is
            // never used.
            return "\(entry)?.value ?? \(placeholder(field.type))"
        }
        return "\(entry)?.value"
    }

    private func placeholder(_ type: FieldType) -> String {
        switch type {
        case .string: "\"\""
        case .secret: "Secret(\"\")"
        case .int: "0"
        case .double: "0"
        case .bool: "false"
        case .url: "\(reader).literalURL(\"about:blank\")"
        case .duration: ".zero"
        case .enumeration: enumCases.first.map { ".\($0.name)" } ?? "\"\""
        case .list: "[]"
        case .map: "[:]"
        }
    }

    /// The default in the memberwise initializer.
    var initDefault: String? {
        if let defaultValue = field.defaultValue { return valueExpression(defaultValue, type: field.type) }
        return isOptional ? "nil" : nil
    }

    /// A Swift expression of `value` typed as `type`.
    func valueExpression(_ value: FieldValue, type: FieldType) -> String {
        switch (value, type) {
        case (.string(let text), .url): return "\(reader).literalURL(\(RenderSyntax.literal(text)))"
        case (.string(let text), .secret): return "Secret(\(RenderSyntax.literal(text)))"
        case (.string(let text), .enumeration):
            return enumCases.first { $0.value == text }.map { ".\($0.name)" } ?? RenderSyntax.literal(text)
        case (.string(let text), _): return RenderSyntax.literal(text)
        case (.int(let number), .double): return ValueSyntax.double(Double(number))
        case (.int(let number), _): return "\(number)"
        case (.double(let number), _): return ValueSyntax.double(number)
        case (.bool(let flag), _): return flag ? "true" : "false"
        case (.duration(let nanoseconds), _): return ValueSyntax.duration(nanoseconds)
        case (.list(let elements), .list(let element)):
            return "[" + elements.map { valueExpression($0, type: element) }.joined(separator: ", ") + "]"
        case (.list(let elements), _):
            return "[" + elements.map { valueExpression($0, type: type) }.joined(separator: ", ") + "]"
        case (.map(let map), _): return RenderSyntax.literal(map)
        }
    }

    /// The `description` part: `key: value`, a secret shown as `<redacted>` (or `nil` when unset).
    var describe: String {
        let label = RenderSyntax.literal(key + ": ")
        if isSecret {
            return isOptional
                ? "\(label) + (\(property) == nil ? \"nil\" : \"<redacted>\")" : "\(label) + \"<redacted>\""
        }
        if isOptional { return "\(label) + (\(property).map { \"\\($0)\" } ?? \"nil\")" }
        return "\(label) + \"\\(\(property))\""
    }

    /// Doc comment lines of the property.
    var doc: [String] {
        var lines = field.description.isEmpty ? [] : RenderSyntax.docLines(field.description, column: 4)
        var facts = ["`\(field.name)`", field.type.displayName]
        if field.required { facts.append("required") }
        if let defaultValue = field.defaultValue { facts.append("default " + ValueSyntax.display(defaultValue)) }
        if let env = field.env { facts.append("environment " + env) }
        if !lines.isEmpty { lines.append("") }
        lines.append("(" + RenderSyntax.commentLines(facts.joined(separator: "; ")).joined(separator: " ") + ")")
        return lines
    }
}

/// Swift and display syntax of typed values.
enum ValueSyntax {
    /// A double literal that always reads as a double (`1.0`, not `1`).
    static func double(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// The shortest readable `Duration` expression.
    static func duration(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return ".zero" }
        if nanoseconds % 1_000_000_000 == 0 { return ".seconds(\(nanoseconds / 1_000_000_000))" }
        if nanoseconds % 1_000_000 == 0 { return ".milliseconds(\(nanoseconds / 1_000_000))" }
        if nanoseconds % 1_000 == 0 { return ".microseconds(\(nanoseconds / 1_000))" }
        return ".nanoseconds(\(nanoseconds))"
    }

    /// A duration as the spec writes it (`5s`, `250ms`).
    static func durationText(_ nanoseconds: Int64) -> String {
        if nanoseconds % 1_000_000_000 == 0 { return "\(nanoseconds / 1_000_000_000)s" }
        if nanoseconds % 1_000_000 == 0 { return "\(nanoseconds / 1_000_000)ms" }
        if nanoseconds % 1_000 == 0 { return "\(nanoseconds / 1_000)us" }
        return "\(nanoseconds)ns"
    }

    /// A value as YAML would show it, for docs.
    static func display(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): "\(number)"
        case .double(let number): "\(number)"
        case .bool(let flag): "\(flag)"
        case .duration(let nanoseconds): durationText(nanoseconds)
        case .list(let elements): "[" + elements.map(display).joined(separator: ", ") + "]"
        case .map(let map):
            "{" + map.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// A value as JSON text (valid YAML flow), for generated test sections.
    static func json(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): YAMLScalar.doubleQuoted(text)
        case .int(let number): "\(number)"
        case .double(let number): double(number)
        case .bool(let flag): "\(flag)"
        case .duration(let nanoseconds): YAMLScalar.doubleQuoted(durationText(nanoseconds))
        case .list(let elements): "[" + elements.map(json).joined(separator: ", ") + "]"
        case .map(let map):
            "{"
                + map.sorted { $0.key < $1.key }.map {
                    YAMLScalar.doubleQuoted($0.key) + ": " + YAMLScalar.doubleQuoted($0.value)
                }
                .joined(separator: ", ") + "}"
        }
    }
}
