import Foundation
import Testing

@testable import ScaffoldGenerator

/// The typed template contexts: how swift-mustache reads them, and the key list of docs/TEMPLATES.md, generated
/// from their declarations (`SCAFFOLD_RECORD=1` rewrites it).
@Suite("Template contexts")
struct TemplateContextTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Item {
        var label: String
    }

    struct Probe {
        var name: String
        var absent: String?
        var present: String?
        var flag: Bool
        var off: Bool
        var list: [String]
        var empty: [String]
        var items: [Item]
    }

    struct Extra {
        var name: String
        var more: String?
    }

    static func render(_ template: String, _ context: Any) throws -> String {
        let set = try TemplateSet(overrides: ["header": TemplateSet.requiredFirstLine + "\n" + template])
        return try set.render("header", context)
    }

    @Test("swift-mustache reads stored properties: a nil optional is an absent key, Bools and arrays are sections")
    func reflection() throws {
        let probe = Probe(
            name: "n<&>",
            absent: nil,
            present: "p",
            flag: true,
            off: false,
            list: ["a", "b"],
            empty: [],
            items: [Item(label: "x"), Item(label: "y")]
        )
        let template =
            "{{name}}|{{absent}}|{{#absent}}A{{/absent}}{{^absent}}-{{/absent}}|{{#present}}{{.}}{{/present}}"
            + "|{{#flag}}F{{/flag}}{{^off}}O{{/off}}|{{#list}}{{.}},{{/list}}|{{^empty}}E{{/empty}}"
            + "|{{#items}}{{label}}:{{name}};{{/items}}|{{missing}}"
        #expect(try Self.render(template, probe) == "n<&>||-|p|FO|a,b,|E|x:n<&>;y:n<&>;|")
    }

    @Test("a file's own keys come before the shared ones; a nil one falls through")
    func layering() throws {
        let shared = try RenderModel(
            spec: RenderFixtures.httpJSON,
            options: RenderFixtures.options(),
            userSources: UserSources()
        ).context
        let file = FileTemplateContext(file: Extra(name: "own", more: nil), shared: shared)
        #expect(try Self.render("{{name}} {{module}} {{#more}}M{{/more}}", file) == "own \(shared.package.module) ")
        #expect(try Self.render("{{blueprintType}}", shared) == shared.names.exporterType)
    }

    @Test("the shared groups' keys are distinct")
    func distinctKeys() throws {
        for (name, spec) in RenderFixtures.all {
            let context = try RenderModel(spec: spec, options: RenderFixtures.options(), userSources: UserSources())
                .context
            let keys = context.groups.flatMap(TemplateReflection.keys(of:))
            #expect(Set(keys).count == keys.count, "\(name)")
        }
    }

    @Test("an override of a per-file template sees its own keys and every shared one, legacy keys included")
    func overrideKeys() throws {
        var options = RenderFixtures.options()
        options.templateOverrides = [
            "CustomProcessor.swift": TemplateSet.requiredFirstLine
                + "\n{{typeName}} {{{fileLiteral}}} {{blueprintType}} {{stem}} {{transportType}}"
                + " {{#fields}}{{property}}{{/fields}} {{implementedCondition}}\n",
            "CustomTransport.swift": TemplateSet.requiredFirstLine
                + "\n{{{fileLiteral}}} {{exporterType}} {{#hasSecrets}}secrets{{/hasSecrets}}\n",
        ]
        let files = try ExporterRenderer(options: options).render(RenderFixtures.custom)
        let processor = try #require(files.first { $0.path == "Sources/AcmeCustom/ScrubPiiProcessor.swift" })
        #expect(
            processor.contents
                == "ScrubPiiProcessor \"Sources/AcmeCustom/ScrubPiiProcessor.swift\" AcmeCustomSpanExporter AcmeCustom"
                + " AcmeCustomTransport token ScrubPiiProcessor.isImplemented && RenameSpansProcessor.isImplemented\n"
        )
        let transport = try #require(files.first { $0.path == "Sources/AcmeCustom/AcmeCustomTransport.swift" })
        let expected = "\"Sources/AcmeCustom/AcmeCustomTransport.swift\" AcmeCustomSpanExporter secrets\n"
        #expect(transport.contents == expected)
    }

    @Test("every key a built-in template uses is a context key")
    func builtInKeys() throws {
        let declared = Set(try Self.declarations().values.flatMap { $0.map(\.name) })
        for (name, text) in TemplateSet.builtIn {
            var rest = Substring(text)
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                var key = rest[..<close.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
                rest = rest[close.upperBound...]
                if let first = key.first, "#^/".contains(first) { key.removeFirst() }
                guard key != ".", !key.hasPrefix(">"), !key.hasPrefix("%") else { continue }
                #expect(declared.contains(key), "\(name) uses '\(key)', which no context declares")
            }
        }
    }

    /// The context types, in the order docs/TEMPLATES.md lists them.
    static let documentedTypes = [
        "PackageContext", "NamesContext", "ConfigurationContext", "PipelineContext", "TestsContext", "FieldContext",
        "EnumContext", "EnumCaseContext", "DeprecatedTypeContext", "EnvTestContext", "OTLPEndpointTestContext",
        "InvalidTestContext", "SecretCheckContext", "CustomProcessorContext", "UserFileContext",
    ]

    /// Each context type's stored properties as declared: name, type and doc comment.
    static func declarations() throws -> [String: [(name: String, type: String, doc: String)]] {
        let url = repository.appendingPathComponent("Sources/ScaffoldGenerator/Render/TemplateContext.swift")
        let source = try String(contentsOf: url, encoding: .utf8)
        var result: [String: [(name: String, type: String, doc: String)]] = [:]
        var current: String?
        var doc: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("struct "), let name = line.dropFirst(7).split(whereSeparator: { !$0.isLetter }).first {
                current = String(name)
                result[String(name), default: []] = []
                doc = []
            } else if line == "}" {
                current = nil
            } else if text.hasPrefix("/// ") {
                doc.append(String(text.dropFirst(4)))
            } else if let type = current, line.hasPrefix("    var "), let colon = text.firstIndex(of: ":"),
                !text.contains("{")
            {
                let name = String(text[text.index(text.startIndex, offsetBy: 4)..<colon])
                let valueType = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                result[type, default: []].append((name, valueType, doc.joined(separator: " ")))
                doc = []
            } else {
                doc = []
            }
        }
        return result
    }

    /// The generated part of docs/TEMPLATES.md.
    static func keyTables() throws -> String {
        let declarations = try declarations()
        var lines: [String] = []
        for type in documentedTypes {
            lines += ["", "### `\(type)`", "", "| Key | Type | Value |", "|---|---|---|"]
            for property in declarations[type] ?? [] {
                let doc = property.doc.replacingOccurrences(of: "|", with: "\\|")
                lines.append("| `\(property.name)` | `\(property.type)` | \(doc) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("docs/TEMPLATES.md lists every key, as the context types declare them")
    func documentedKeys() throws {
        let declarations = try Self.declarations()
        // The parsed declarations are the reflected ones.
        let context = try RenderModel(
            spec: RenderFixtures.httpJSON,
            options: RenderFixtures.options(),
            userSources: UserSources()
        ).context
        let groups: [(String, Any)] = [
            ("PackageContext", context.package), ("NamesContext", context.names),
            ("ConfigurationContext", context.configuration), ("PipelineContext", context.pipeline),
            ("TestsContext", context.tests),
        ]
        for (type, value) in groups {
            #expect(declarations[type]?.map { $0.name } == TemplateReflection.keys(of: value), "\(type)")
        }
        let declared = Set(declarations.keys).subtracting(["TemplateContext", "FileTemplateContext"])
        #expect(declared == Set(Self.documentedTypes))
        let url = Self.repository.appendingPathComponent("docs/TEMPLATES.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        let marker = "<!-- The tables below are generated from TemplateContext.swift (TemplateContextTests). -->\n"
        let head = try #require(document.range(of: marker)).upperBound
        let tables = try Self.keyTables()
        if ProcessInfo.processInfo.environment["SCAFFOLD_RECORD"] == "1" {
            try Data((document[..<head] + tables).utf8).write(to: url)
        }
        #expect(String(document[head...]) == tables, "docs/TEMPLATES.md is stale; SCAFFOLD_RECORD=1 rewrites it")
    }
}
