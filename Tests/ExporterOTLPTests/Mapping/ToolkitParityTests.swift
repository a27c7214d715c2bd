import ExporterRuntime
import Foundation
import Testing

@testable import ExporterOTLP

/// Toolkit attribute parity: the steps of real toolkit runs, replayed with `toolkit_attributes: true`, give every
/// span the attributes the toolkit's own `otelcollector` exporter sent for the same runs, with the same values.
///
/// Both fixtures come from one recording with the toolkit (`Scripts/toolkit-parity-fixture.py`, nvidia-nat-core and
/// nvidia-nat-opentelemetry 1.9.0): `steps.jsonl` is what its `file` exporter wrote, `spans.json` the OTLP spans its
/// `otelcollector` exporter posted, decoded. Nothing here is written by hand.
@Suite struct ToolkitParityTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/toolkit-parity")

    /// Attributes whose value the recorded steps cannot give: the toolkit reads the user id from the request's
    /// context, and no step records it. The instrumentation API sets it for a run (`Instrument.agent(userID:)`).
    static let notInTheSteps: Set<String> = ["user.id", "nat.user.id"]

    /// The differences `docs/span-mapping.md` and README's migration table document, as (key, toolkit's value,
    /// ours): a run's root is an AGENT, and a SPAN step a CHAIN, not UNKNOWN.
    static let documented: Set<[String]> = [
        ["openinference.span.kind", "CHAIN", "AGENT"],
        ["openinference.span.kind", "UNKNOWN", "CHAIN"],
    ]

    @Test func everyToolkitAttributeIsPresentWithTheToolkitsValue() async throws {
        let comparison = try await Self.compare()
        let report = comparison.mismatches.joined(separator: "\n")
        #expect(comparison.unmatchedSpans.isEmpty, "toolkit spans with no span of ours: \(comparison.unmatchedSpans)")
        #expect(comparison.mismatches.isEmpty, "\(comparison.equal) of \(comparison.compared) equal:\n\(report)")
        // Each documented difference is still real, so the documentation stays true.
        #expect(comparison.documentedSeen == Self.documented)
        // The recording has 29 spans over five runs; an empty comparison would prove nothing.
        #expect(comparison.compared > 600)
    }

    @Test func traceIDsAndParentsAreTheToolkits() async throws {
        let comparison = try await Self.compare()
        #expect(comparison.structureMismatches.isEmpty, "\(comparison.structureMismatches.joined(separator: "\n"))")
    }

    struct Comparison {
        var compared = 0
        var equal = 0
        var mismatches: [String] = []
        var structureMismatches: [String] = []
        var unmatchedSpans: [String] = []
        var documentedSeen: Set<[String]> = []
    }

    /// Ours for every toolkit span (same name, same start to the microsecond), attribute by attribute.
    static func compare() async throws -> Comparison {
        let theirs = try toolkitSpans()
        let ours = try await ourSpans()
        var comparison = Comparison()
        var ourSpanIDByTheirs: [String: String] = [:]
        var matched: [(their: JSONObject, our: OTLPSpan)] = []
        for span in theirs {
            let name = span["name"]?.stringValue ?? ""
            let start = span["start_time_unix_nano"]?.doubleValue ?? 0
            guard
                let our = ours.first(where: {
                    $0.name == name && abs(Double($0.startTimeUnixNano) - start) < 1_000
                })
            else {
                comparison.unmatchedSpans.append("\(name) @ \(start)")
                continue
            }
            ourSpanIDByTheirs[span["span_id"]?.stringValue ?? ""] = hex(our.spanID)
            matched.append((span, our))
        }
        for (their, our) in matched {
            let name = their["name"]?.stringValue ?? ""
            if their["trace_id"]?.stringValue != hex(our.traceID) {
                comparison.structureMismatches.append(
                    "\(name): trace id \(hex(our.traceID)), toolkit \(their["trace_id"]?.stringValue ?? "")"
                )
            }
            let theirParent = their["parent_span_id"]?.stringValue ?? ""
            // A parent the toolkit never exported (the workflow span of a failed run) cannot be matched.
            if let expected = theirParent.isEmpty ? "" : ourSpanIDByTheirs[theirParent],
                expected != hex(our.parentSpanID)
            {
                comparison.structureMismatches.append("\(name): parent \(hex(our.parentSpanID)), toolkit's \(expected)")
            }
            let attributes = Dictionary(
                our.attributes.compactMap { keyValue in
                    OTLPAttributeValue(keyValue.value).map { (keyValue.key, $0) }
                },
                uniquingKeysWith: { first, _ in first }
            )
            for (key, value) in their["attributes"]?.objectValue ?? [:] where !notInTheSteps.contains(key) {
                comparison.compared += 1
                if let mine = attributes[key], same(mine, value) {
                    comparison.equal += 1
                } else if case .string(let mine)? = attributes[key], let their = value.stringValue,
                    documented.contains([key, their, mine])
                {
                    comparison.documentedSeen.insert([key, their, mine])
                } else {
                    let mine = attributes[key].map { "\($0)" } ?? "missing"
                    comparison.mismatches.append("\(name) [\(key)]: ours \(mine), toolkit \(value)")
                }
            }
        }
        return comparison
    }

    static func toolkitSpans() throws -> [JSONObject] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("spans.json"))
        return try JSONValue(parsing: data).arrayValue?.compactMap(\.objectValue) ?? []
    }

    static func ourSpans() async throws -> [OTLPSpan] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("steps.jsonl"), encoding: .utf8)
        let events = try text.split(separator: "\n").map { line in
            try IntermediateStepCodec.decode(line: Array(line.utf8))
        }
        let mapper = OTLPSpanMapper(options: .init(toolkitAttributes: true))
        return try await OTLPMappingSupport.spans(from: events).map(mapper.otlpSpan(for:))
    }

    /// Equal values: the same string, number or bool; JSON text compared as the value it encodes (the toolkit's
    /// Python writes `", "` separators and `\u` escapes, we write compact UTF-8).
    static func same(_ mine: OTLPAttributeValue, _ theirs: JSONValue) -> Bool {
        switch (mine, theirs) {
        case (.string(let a), .string(let b)):
            if a == b { return true }
            guard let left = try? JSONValue(parsing: a), let right = try? JSONValue(parsing: b) else { return false }
            return canonical(left) == canonical(right)
        case (.int(let a), .object(let b)): return b["int_value"]?.doubleValue == Double(a)
        case (.double(let a), .object(let b)):
            guard let b = b["double_value"]?.doubleValue else { return false }
            return abs(a - b) <= abs(b) * 1e-15
        case (.bool(let a), .bool(let b)): return a == b
        case (.stringArray(let a), .array(let b)): return a == b.compactMap(\.stringValue)
        default: return false
        }
    }

    /// A JSON value with numbers as doubles and objects as sorted dictionaries, for equality regardless of form.
    static func canonical(_ value: JSONValue) -> AnyHashable {
        switch value {
        case .null: return AnyHashable("null")
        case .bool(let bool): return AnyHashable(bool)
        case .int, .double, .largeInteger: return AnyHashable(value.doubleValue ?? .nan)
        case .string(let string): return AnyHashable(string)
        case .array(let items): return AnyHashable(items.map(canonical))
        case .object(let object):
            return AnyHashable(
                Dictionary(object.map { ($0.key, canonical($0.value)) }, uniquingKeysWith: { a, _ in a })
            )
        }
    }

    static func hex(_ data: Data) -> String {
        data.map { String(format: "%02x", $0) }.joined()
    }
}
