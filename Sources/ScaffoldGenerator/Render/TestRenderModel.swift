import ExporterYAML

/// The generated tests' values: a minimal valid section, the expected defaults, environment fallbacks and one
/// invalid section per constraint, all derived from the spec.
struct TestRenderModel {
    let model: RenderModel

    static let matchingCandidates = [
        "example", "a", "abc", "example-value", "example_value", "Example", "A", "ABC", "1", "123", "abc123",
        "x@example.com", "https://example.com", "v1.0.0", "a-b", "a.b", "us",
    ]
    static let failingCandidates = ["", " ", "!!", "\u{1}", "not matching zz", "0"]

    /// The tests' keys of the templates' context.
    var context: TestsContext {
        let secrets = model.fields.filter(\.isSecret)
        var conditions = model.customProcessors.map { "\($0.typeName).isImplemented" }
        if let encoder = model.pipeline.customEncoder { conditions.append("\(encoder).isImplemented") }
        return TestsContext(
            implementedCondition: conditions.isEmpty ? "true" : conditions.joined(separator: " && "),
            minimalEntries: minimalEntries,
            hasMinimalEntries: !minimalEntries.isEmpty,
            defaultChecks: defaultChecks,
            envTests: envTests,
            invalidTests: invalidTests,
            hasSecrets: !secrets.isEmpty,
            secretChecks: secrets.map { SecretCheckContext(keyLiteral: $0.keyLiteral) }
        )
    }

    /// Statements filling `entries` with every required key.
    private var minimalEntries: [String] {
        model.fields.filter { $0.field.required }.flatMap { field in
            if let pattern = field.field.pattern {
                let candidates =
                    field.field.type == .url
                    ? ["https://example.com", "http://localhost", "https://example.com/path"] : Self.matchingCandidates
                return Self.sampleCall(pattern: pattern, matching: true, candidates: candidates)
                    .lines(indent: 8, prefix: "entries[\(field.keyLiteral)] = ")
            }
            return SwiftCode.atom(RenderSyntax.literal(Self.sampleJSON(field)))
                .lines(indent: 8, prefix: "entries[\(field.keyLiteral)] = ")
        }
    }

    /// `TestSections.json(TestSections.sample(pattern, matching:, candidates:))`.
    static func sampleCall(pattern: String, matching: Bool, candidates: [String]) -> SwiftCode {
        let prefix = "TestSections."
        return .call(
            prefix + "json",
            [
                (
                    nil,
                    .call(
                        prefix + "sample",
                        [
                            (nil, .atom(RenderSyntax.literal(pattern))), ("matching", .atom("\(matching)")),
                            ("candidates", .array(candidates.map { .atom(RenderSyntax.literal($0)) })),
                        ]
                    )
                )
            ]
        )
    }

    /// A valid value of `field` as JSON text (not regarding its pattern).
    static func sampleJSON(_ field: FieldRenderModel) -> String {
        switch field.field.type {
        case .string, .secret: "\"example\""
        case .url: "\"https://example.com\""
        case .int: "\(sampleInt(field.field))"
        case .double: ValueSyntax.double(sampleDouble(field.field))
        case .bool: "true"
        case .duration: YAMLScalar.doubleQuoted(ValueSyntax.durationText(sampleDuration(field.field)))
        case .enumeration(let values): YAMLScalar.doubleQuoted(values.first ?? "")
        case .list: "[]"
        case .map: "{}"
        }
    }

    static func sampleInt(_ field: ConfigField) -> Int {
        if case .int(let min)? = field.min { return min }
        if case .int(let max)? = field.max, max < 1 { return max }
        return 1
    }

    static func sampleDouble(_ field: ConfigField) -> Double {
        if case .double(let min)? = field.min { return min }
        if case .int(let min)? = field.min { return Double(min) }
        if case .double(let max)? = field.max, max < 1 { return max }
        return 1
    }

    static func sampleDuration(_ field: ConfigField) -> Int64 {
        if case .duration(let min)? = field.min { return min }
        if case .duration(let max)? = field.max, max < 1_000_000_000 { return max }
        return 1_000_000_000
    }

    private var defaultChecks: [String] {
        model.fields.compactMap { field in
            if let defaultValue = field.field.defaultValue {
                return Self.expectation(
                    "configuration.\(field.property)",
                    equals: field.valueExpression(defaultValue, type: field.field.type)
                )
            }
            return field.isOptional ? "#expect(configuration.\(field.property) == nil)" : nil
        }
    }

    /// `#expect(actual == expected)` at the template's indentation (8), wrapped as `swift format` wraps it when
    /// it does not fit on one line (a long URL default, say); continuation lines carry their own indentation.
    static func expectation(_ actual: String, equals expected: String) -> String {
        let indent = 8
        let flat = "#expect(\(actual) == \(expected))"
        if indent + flat.count <= SwiftCode.lineLength { return flat }
        let pad = String(repeating: " ", count: indent)
        if indent + 4 + actual.count + 4 + expected.count <= SwiftCode.lineLength {
            return "#expect(\n\(pad)    \(actual) == \(expected)\n\(pad))"
        }
        return "#expect(\n\(pad)    \(actual)\n\(pad)        == \(expected)\n\(pad))"
    }

    private func functionName(_ prefix: String, _ field: FieldRenderModel) -> String {
        prefix + (field.field.swiftName.prefix(1).uppercased() + field.field.swiftName.dropFirst())
    }

    private var envTests: [EnvTestContext] {
        model.fields.compactMap { field -> EnvTestContext? in
            guard let env = field.field.env, field.field.pattern == nil else { return nil }
            let text: String
            let expected: String
            switch field.field.type {
            case .string:
                (text, expected) = ("from-env", "\"from-env\"")
            case .secret:
                (text, expected) = ("from-env", "Secret(\"from-env\")")
            case .int:
                let value = Self.sampleInt(field.field)
                (text, expected) = ("\(value)", "\(value)")
            case .double:
                let value = Self.sampleDouble(field.field)
                (text, expected) = ("\(value)", ValueSyntax.double(value))
            case .bool:
                (text, expected) = ("true", "true")
            case .url:
                (text, expected) = (
                    "https://env.example.com", "\(field.reader).literalURL(\"https://env.example.com\")"
                )
            case .duration:
                let value = Self.sampleDuration(field.field)
                (text, expected) = (ValueSyntax.durationText(value), ValueSyntax.duration(value))
            case .enumeration(let values):
                guard let last = values.last, let name = field.enumCases.last?.name else { return nil }
                (text, expected) = (last, ".\(name)")
            case .list, .map:
                return nil
            }
            return EnvTestContext(
                title: "'\(field.key)' falls back to the environment variable",
                functionName: functionName("environmentFallback", field),
                keyLiteral: field.keyLiteral,
                envLiteral: RenderSyntax.literal(env),
                envValue: RenderSyntax.literal(text),
                property: field.property,
                expected: expected
            )
        }
    }

    private var invalidTests: [InvalidTestContext] {
        var tests: [InvalidTestContext] = []
        func add(_ title: String, _ name: String, _ field: FieldRenderModel, value: String, message: String) {
            add(title, name, field, code: .atom(value), message: message)
        }
        func add(_ title: String, _ name: String, _ field: FieldRenderModel, code: SwiftCode, message: String) {
            tests.append(
                InvalidTestContext(
                    title: title,
                    functionName: name,
                    assignLines: code.lines(indent: 8, prefix: "entries[\(field.keyLiteral)] = "),
                    messageLiteral: RenderSyntax.literal(message)
                )
            )
        }
        for field in model.fields {
            let key = field.key
            if field.field.required {
                add(
                    "a missing '\(key)' is an error",
                    functionName("missing", field),
                    field,
                    value: "nil",
                    message: "missing required key '\(key)'"
                )
            }
            switch (field.field.min, field.field.type) {
            case (.int(let min)?, .int) where min > Int.min:
                add(
                    "'\(key)' below its minimum is an error",
                    functionName("belowMinimum", field),
                    field,
                    value: RenderSyntax.literal("\(min - 1)"),
                    message: "must be at least"
                )
            case (.double(let min)?, .double):
                add(
                    "'\(key)' below its minimum is an error",
                    functionName("belowMinimum", field),
                    field,
                    value: RenderSyntax.literal(ValueSyntax.double(min - 1)),
                    message: "must be at least"
                )
            case (.int(let min)?, .double):
                add(
                    "'\(key)' below its minimum is an error",
                    functionName("belowMinimum", field),
                    field,
                    value: RenderSyntax.literal(ValueSyntax.double(Double(min) - 1)),
                    message: "must be at least"
                )
            case (.duration(let min)?, .duration) where min > 0:
                add(
                    "'\(key)' below its minimum is an error",
                    functionName("belowMinimum", field),
                    field,
                    value: RenderSyntax.literal("\"0s\""),
                    message: "must be at least"
                )
            default: break
            }
            switch (field.field.max, field.field.type) {
            case (.int(let max)?, .int) where max < Int.max:
                add(
                    "'\(key)' above its maximum is an error",
                    functionName("aboveMaximum", field),
                    field,
                    value: RenderSyntax.literal("\(max + 1)"),
                    message: "must be at most"
                )
            case (.double(let max)?, .double):
                add(
                    "'\(key)' above its maximum is an error",
                    functionName("aboveMaximum", field),
                    field,
                    value: RenderSyntax.literal(ValueSyntax.double(max + 1)),
                    message: "must be at most"
                )
            case (.int(let max)?, .double):
                add(
                    "'\(key)' above its maximum is an error",
                    functionName("aboveMaximum", field),
                    field,
                    value: RenderSyntax.literal(ValueSyntax.double(Double(max) + 1)),
                    message: "must be at most"
                )
            case (.duration(let max)?, .duration) where max < Int64.max - 1_000_000_000:
                add(
                    "'\(key)' above its maximum is an error",
                    functionName("aboveMaximum", field),
                    field,
                    value: RenderSyntax.literal(YAMLScalar.doubleQuoted(ValueSyntax.durationText(max + 1_000_000_000))),
                    message: "must be at most"
                )
            default: break
            }
            if case .enumeration(let values) = field.field.type {
                var bad = "not_a_value_zz"
                while values.contains(bad) { bad += "z" }
                add(
                    "'\(key)' outside its values is an error",
                    functionName("unknownValue", field),
                    field,
                    value: RenderSyntax.literal(YAMLScalar.doubleQuoted(bad)),
                    message: "must be one of"
                )
            }
            if let pattern = field.field.pattern {
                let code = Self.sampleCall(
                    pattern: pattern,
                    matching: false,
                    candidates: Self.failingCandidates
                )
                add(
                    "'\(key)' not matching its pattern is an error",
                    functionName("patternMismatch", field),
                    field,
                    code: code,
                    message: "must match the pattern"
                )
            }
        }
        return tests
    }
}
