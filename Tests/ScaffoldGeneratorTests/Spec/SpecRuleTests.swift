import ExporterDiagnostics
import Foundation
import Testing

@testable import ScaffoldGenerator

/// A spec that breaks one rule, and where the diagnostic must point.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var code: DiagnosticCode
    var line: Int
    var column: Int
    var yaml: String
    var hint: String? = nil

    var testDescription: String { "\(code.rawValue) at \(line):\(column)" }
}

/// Lines 1-4 of most cases; the rule-specific part starts on line 5.
let minimalSpec = """
    spec_version: 1
    name: x_exp
    base: raw
    transport: {kind: console}

    """

/// Lines 1-3 plus a `config:` whose first field starts on line 7 (`    - name:` value at column 13).
func withFields(_ fields: String) -> String {
    minimalSpec + "config:\n  fields:\n" + fields
}

func withProcessors(_ processors: String, fields: String = "") -> String {
    minimalSpec + "processors:\n" + processors + (fields.isEmpty ? "" : "config:\n  fields:\n" + fields)
}

func spec(base: String = "raw", transport: String) -> String {
    "spec_version: 1\nname: x_exp\nbase: \(base)\ntransport:\n" + transport
}

let ruleCases: [RuleCase] = [
    RuleCase(
        code: .specWrongType,
        line: 2,
        column: 7,
        yaml: "spec_version: 1\nname: [a]\nbase: raw\ntransport: {kind: console}\n"
    ),
    RuleCase(
        code: .specUnknownKey,
        line: 5,
        column: 1,
        yaml: minimalSpec + "transprt: x\n",
        hint: "did you mean 'transport'?"
    ),
    RuleCase(code: .specMissingKey, line: 1, column: 1, yaml: "spec_version: 1\nname: x_exp\nbase: raw\n"),
    RuleCase(
        code: .specUnsupportedSpecVersion,
        line: 1,
        column: 15,
        yaml: "spec_version: 2\nname: x_exp\nbase: raw\ntransport: {kind: console}\n"
    ),
    RuleCase(
        code: .specInvalidName,
        line: 2,
        column: 7,
        yaml: "spec_version: 1\nname: Acme\nbase: raw\ntransport: {kind: console}\n"
    ),
    RuleCase(
        code: .specInvalidName,
        line: 2,
        column: 7,
        yaml: "spec_version: 1\nname: console\nbase: raw\ntransport: {kind: console}\n"
    ),
    RuleCase(code: .specInvalidModule, line: 5, column: 9, yaml: minimalSpec + "module: class\n"),
    RuleCase(code: .specInvalidModule, line: 5, column: 9, yaml: minimalSpec + "module: ExporterRuntime\n"),
    RuleCase(
        code: .specInvalidModule,
        line: 2,
        column: 7,
        yaml: "spec_version: 1\nname: self\nbase: raw\ntransport: {kind: console}\n"
    ),
    RuleCase(code: .specInvalidVersion, line: 5, column: 10, yaml: minimalSpec + "version: 1.0\n"),
    RuleCase(
        code: .specUnknownBase,
        line: 3,
        column: 7,
        yaml: "spec_version: 1\nname: x_exp\nbase: spam\ntransport: {kind: console}\n",
        hint: "did you mean 'span'?"
    ),
    RuleCase(
        code: .specInvalidModule,
        line: 3,
        column: 9,
        yaml: "spec_version: 1\nname: x_exp\nmodule: WorkflowExporter\nbase: raw\ntransport: {kind: console}\n",
        hint: "write an UpperCamelCase Swift identifier, such as 'AcmeExporter'"
    ),
    RuleCase(
        code: .specInvalidFieldName,
        line: 7,
        column: 13,
        yaml: withFields("    - name: Bad\n      type: string\n")
    ),
    RuleCase(
        code: .specDuplicateName,
        line: 9,
        column: 13,
        yaml: withFields("    - name: a\n      type: string\n    - name: a\n      type: int\n")
    ),
    RuleCase(
        code: .specSwiftNameCollision,
        line: 9,
        column: 13,
        yaml: withFields("    - name: a_b\n      type: string\n    - name: a__b\n      type: int\n")
    ),
    // `buffer` is renamed `bufferValue` (the configuration has a `buffer`), which `buffer_value` is already.
    RuleCase(
        code: .specSwiftNameCollision,
        line: 9,
        column: 13,
        yaml: withFields("    - name: buffer\n      type: string\n    - name: buffer_value\n      type: int\n"),
        hint: "rename one of them"
    ),
    RuleCase(
        code: .specInvalidFieldName,
        line: 7,
        column: 13,
        yaml: withFields("    - name: overflow_policy\n      type: string\n"),
        hint: "choose another name, such as 'my_overflow_policy'"
    ),
    RuleCase(
        code: .specUnknownFieldType,
        line: 8,
        column: 13,
        yaml: withFields("    - name: a\n      type: strin\n"),
        hint: "did you mean 'string'?"
    ),
    RuleCase(
        code: .specInvalidDefault,
        line: 9,
        column: 16,
        yaml: withFields("    - name: a\n      type: int\n      default: abc\n")
    ),
    RuleCase(
        code: .specInvalidDefault,
        line: 9,
        column: 16,
        yaml: withFields("    - name: a\n      type: duration\n      default: 5 parsecs\n")
    ),
    RuleCase(
        code: .specDefaultViolatesConstraint,
        line: 10,
        column: 16,
        yaml: withFields("    - name: a\n      type: int\n      min: 1\n      default: 0\n")
    ),
    RuleCase(
        code: .specDefaultViolatesConstraint,
        line: 10,
        column: 16,
        yaml: withFields("    - name: a\n      type: string\n      pattern: \"^[a-z]+$\"\n      default: A1\n")
    ),
    RuleCase(
        code: .specDefaultViolatesConstraint,
        line: 10,
        column: 16,
        yaml: withFields("    - name: a\n      type: enum\n      values: [us, eu]\n      default: ue\n"),
        hint: "did you mean 'us'?"
    ),
    RuleCase(
        code: .specRequiredWithDefault,
        line: 10,
        column: 16,
        yaml: withFields("    - name: a\n      type: int\n      required: true\n      default: 3\n")
    ),
    RuleCase(
        code: .specSecretDefault,
        line: 9,
        column: 16,
        yaml: withFields("    - name: a\n      type: secret\n      default: hunter2\n")
    ),
    RuleCase(
        code: .specConstraintNotApplicable,
        line: 9,
        column: 7,
        yaml: withFields("    - name: a\n      type: string\n      min: 1\n")
    ),
    RuleCase(
        code: .specConstraintNotApplicable,
        line: 9,
        column: 7,
        yaml: withFields("    - name: a\n      type: int\n      pattern: x\n")
    ),
    RuleCase(
        code: .specInvalidConstraint,
        line: 9,
        column: 16,
        yaml: withFields("    - name: a\n      type: string\n      pattern: \"(\"\n")
    ),
    RuleCase(
        code: .specInvalidConstraint,
        line: 10,
        column: 12,
        yaml: withFields("    - name: a\n      type: duration\n      min: 5s\n      max: 1s\n")
    ),
    RuleCase(code: .specInvalidEnumValues, line: 8, column: 13, yaml: withFields("    - name: a\n      type: enum\n")),
    RuleCase(
        code: .specInvalidEnumValues,
        line: 9,
        column: 19,
        yaml: withFields("    - name: a\n      type: enum\n      values: [x, x]\n")
    ),
    RuleCase(
        code: .specInvalidListElementType,
        line: 8,
        column: 13,
        yaml: withFields("    - name: a\n      type: list\n")
    ),
    RuleCase(
        code: .specUnknownProcessorKind,
        line: 6,
        column: 11,
        yaml: withProcessors("  - kind: filtr\n"),
        hint: "did you mean 'filter'?"
    ),
    RuleCase(
        code: .specInvalidOptionValue,
        line: 7,
        column: 11,
        yaml: withProcessors("  - kind: sample\n    rate: 2\n")
    ),
    RuleCase(
        code: .specInvalidOptionValue,
        line: 7,
        column: 23,
        yaml: withProcessors("  - kind: filter\n    categories: [llm, tol]\n"),
        hint: "did you mean 'tool'?"
    ),
    RuleCase(
        code: .specMisplacedBatch,
        line: 6,
        column: 5,
        yaml: withProcessors("  - kind: batch\n  - kind: sample\n")
    ),
    RuleCase(code: .specMisplacedBatch, line: 7, column: 5, yaml: withProcessors("  - kind: batch\n  - kind: batch\n")),
    RuleCase(
        code: .specInvalidCustomProcessorName,
        line: 7,
        column: 11,
        yaml: withProcessors("  - kind: custom\n    name: ScrubPII\n")
    ),
    RuleCase(
        code: .specUnknownTransportKind,
        line: 5,
        column: 9,
        yaml: spec(transport: "  kind: htp\n"),
        hint: "did you mean 'http'?"
    ),
    RuleCase(
        code: .specBaseTransportMismatch,
        line: 5,
        column: 9,
        yaml: spec(base: "otel", transport: "  kind: console\n")
    ),
    RuleCase(
        code: .specBaseTransportMismatch,
        line: 5,
        column: 9,
        yaml: spec(base: "span", transport: "  kind: otlp\n  endpoint: http://collector:4318\n")
    ),
    RuleCase(
        code: .specOptionNotApplicable,
        line: 6,
        column: 3,
        yaml: spec(transport: "  kind: console\n  encoding: json\n")
    ),
    RuleCase(
        code: .specOptionNotApplicable,
        line: 6,
        column: 3,
        yaml: spec(transport: "  kind: file\n  headers: {a: b}\n  path: out.jsonl\n")
    ),
    RuleCase(
        code: .specInvalidEndpoint,
        line: 6,
        column: 13,
        yaml: spec(transport: "  kind: http\n  endpoint: ftp://example.com\n")
    ),
    RuleCase(
        code: .specInvalidOptionValue,
        line: 7,
        column: 13,
        yaml: spec(transport: "  kind: http\n  endpoint: http://h\n  headers: {\"Bad Name\": x}\n")
    ),
    RuleCase(
        code: .specInvalidOptionValue,
        line: 7,
        column: 18,
        yaml: spec(transport: "  kind: http\n  endpoint: http://h\n  headers: {X-A: \"a\\r\\nX-B: b\"}\n")
    ),
    RuleCase(
        code: .specUndeclaredField,
        line: 7,
        column: 37,
        yaml: spec(
            base: "otel",
            transport: "  kind: otlp\n  endpoint: http://h\n  auth: {kind: bearer, token_field: nope}\n"
        )
    ),
    RuleCase(
        code: .specUndeclaredField,
        line: 7,
        column: 11,
        yaml: withProcessors(
            "  - kind: sample\n    rate: ${sample_rat}\n",
            fields: "    - name: sample_rate\n      type: double\n"
        ),
        hint: "did you mean 'sample_rate'?"
    ),
    RuleCase(
        code: .specIncompatibleField,
        line: 7,
        column: 17,
        yaml: withProcessors(
            "  - kind: batch\n    batch_size: ${size}\n",
            fields: "    - name: size\n      type: string\n"
        )
    ),
    RuleCase(
        code: .specMalformedTemplate,
        line: 6,
        column: 14,
        yaml: spec(transport: "  kind: file\n  path: \"out/${oops.jsonl\"\n")
    ),
    RuleCase(
        code: .specInvalidRuntime,
        line: 6,
        column: 3,
        yaml: minimalSpec + "runtime:\n  url: https://example.com/x.git\n"
    ),
    RuleCase(
        code: .specWrongType,
        line: 5,
        column: 19,
        yaml: minimalSpec + "tracing: {bridge: maybe}\n"
    ),
    RuleCase(
        code: .specUnknownKey,
        line: 6,
        column: 3,
        yaml: minimalSpec + "tracing:\n  bridges: true\n"
    ),
    RuleCase(
        code: .specInvalidEnvironmentVariable,
        line: 9,
        column: 12,
        yaml: withFields("    - name: a\n      type: string\n      env: 1BAD\n")
    ),
]

@Suite("SpecRules")
struct SpecRuleTests {
    @Test(arguments: ruleCases)
    func eachRuleReportsItsCodeAndPosition(_ rule: RuleCase) throws {
        let error = try #require(throws: DiagnosticError.self) {
            try SpecLoader.load(text: rule.yaml, file: "exporter.yaml")
        }
        let diagnostic = try #require(error.diagnostics.first { $0.code == rule.code }, "\(error)")
        #expect(
            diagnostic.location == SourceLocation(file: "exporter.yaml", line: rule.line, column: rule.column),
            "\(error)"
        )
        if let hint = rule.hint { #expect(diagnostic.hint == hint) }
    }

    /// The codes come from their declaration file: `DiagnosticCode` is open, so it cannot list its members.
    @Test func everyCodeHasACase() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ScaffoldGenerator/Spec/DiagnosticCode+Spec.swift")
        let declared = try String(contentsOf: file, encoding: .utf8).matches(of: /DiagnosticCode\("(SPEC[0-9]{3})"\)/)
            .map { DiagnosticCode(String($0.1)) }
        #expect(!declared.isEmpty)
        #expect(Set(declared).subtracting(ruleCases.map(\.code)).isEmpty)
    }

    @Test("fields named by every keyword and every name the generated code declares are valid")
    func keywordFieldNamesAreValid() throws {
        let fields = RenderFixtures.keywordFieldNames.map { "    - {name: \($0), type: string}\n" }.joined()
        let spec = try SpecLoader.load(text: withFields(fields), file: "exporter.yaml")
        #expect(spec.fields.map(\.name) == RenderFixtures.keywordFieldNames)
        #expect(spec.field(named: "buffer")?.swiftName == "bufferValue")
        #expect(spec.field(named: "default")?.swiftName == "default")
    }

    @Test func minimalSpecIsValid() throws {
        let spec = try SpecLoader.load(text: minimalSpec)
        #expect(spec.module == "XExp")
        #expect(spec.moduleWasDerived)
        #expect(spec.transport == .console(ConsoleTransportSpec(location: SourceLocation(line: 4, column: 12))))
    }

    @Test func allProblemsAreReportedAtOnceInSourceOrder() throws {
        let yaml = """
            spec_version: 1
            name: x_exp
            base: raw
            transport:
              kind: console
              stream: stdrr
            config:
              fields:
                - name: a
                  type: strin
            processors:
              - kind: sample
                rate: ${missing}
            unknown: 1

            """
        let error = try #require(throws: DiagnosticError.self) { try SpecLoader.load(text: yaml) }
        #expect(error.diagnostics.map(\.code) == ["SPEC022", "SPEC012", "SPEC029", "SPEC002"])
        #expect(error.diagnostics.map { $0.location?.line } == [6, 10, 13, 14])
    }

    @Test func yamlSyntaxErrorsKeepTheirCodes() throws {
        let error = try #require(throws: DiagnosticError.self) { try SpecLoader.load(text: "a: [1, 2\n") }
        #expect(error.diagnostics.first?.code.rawValue.hasPrefix("YAML") == true)
    }

    @Test func emptySpecIsReported() throws {
        let error = try #require(throws: DiagnosticError.self) { try SpecLoader.load(text: "", file: "e.yaml") }
        #expect(error.diagnostics.map(\.code) == ["SPEC001"])
    }
}
