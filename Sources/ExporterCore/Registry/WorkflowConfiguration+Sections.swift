import ExporterDiagnostics
import ExporterYAML

extension WorkflowConfiguration {
    /// Where the exporters are configured.
    static let tracingPath = ["general", "telemetry", "tracing"]

    /// The entries of `general.telemetry.tracing` (exporter name → section), not interpolated: the rest of the
    /// file is not ours, so its `${VAR}` references are never looked at.
    static func tracingSections(of parsed: YAMLNode?, file: String?) throws(DiagnosticError) -> [YAMLMappingEntry] {
        guard let parsed else {
            throw DiagnosticError(
                .error(
                    .configurationNoExporters,
                    "the workflow configuration is empty",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "add exporters under 'general.telemetry.tracing'"
                )
            )
        }
        var node = parsed
        var path: [String] = []
        for key in tracingPath {
            guard node.mapping != nil else {
                let what =
                    path.isEmpty ? "the top level of the workflow configuration" : "'\(path.joined(separator: "."))'"
                throw DiagnosticError(
                    .error(
                        .configurationNotAMapping,
                        "\(what) must be a mapping, found \(describe(node))",
                        at: node.location,
                        hint: "exporters are configured under 'general.telemetry.tracing'"
                    )
                )
            }
            guard let next = node[key] else {
                throw DiagnosticError(
                    .error(
                        .configurationNoExporters,
                        "the workflow configuration has no 'general.telemetry.tracing' section",
                        at: node.location,
                        hint:
                            "missing key '\(key)' under '\(path.isEmpty ? "the top level" : path.joined(separator: "."))'"
                    )
                )
            }
            path.append(key)
            node = next
        }
        guard let sections = node.mapping else {
            if node.isNull {
                throw DiagnosticError(
                    .error(
                        .configurationNoExporters,
                        "'general.telemetry.tracing' configures no exporter",
                        at: node.location
                    )
                )
            }
            throw DiagnosticError(
                .error(
                    .configurationNotAMapping,
                    "'general.telemetry.tracing' must map exporter names to their settings, found \(describe(node))",
                    at: node.location
                )
            )
        }
        return sections
    }

    private static func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar: node.isNull ? "null" : "the scalar '\(node.scalar?.value.prefix(40) ?? "")'"
        }
    }
}

/// The text of one exporter section: from its name to the next exporter's name.
///
/// A problem outside it belongs to an anchor the section uses through an alias or a merge key (`<<: *defaults`);
/// several exporters can share that anchor, so such a diagnostic says which exporter it is about.
struct SectionText {
    private let start: SourceLocation
    private let end: SourceLocation?

    init(sections: [YAMLMappingEntry], index: Int) {
        start = sections[index].key.location
        end = index + 1 < sections.count ? sections[index + 1].key.location : nil
    }

    func contains(_ location: SourceLocation) -> Bool {
        guard location.file == start.file else { return false }
        let position = (location.line, location.column)
        guard position >= (start.line, start.column) else { return false }
        guard let end else { return true }
        return position < (end.line, end.column)
    }

    /// The diagnostic, naming the exporter when it points outside the section and does not name it already.
    func attributing(_ diagnostic: Diagnostic, toExporter name: String) -> Diagnostic {
        guard let location = diagnostic.location, !contains(location),
            !diagnostic.message.contains((WorkflowConfiguration.tracingPath + [name]).joined(separator: "."))
        else { return diagnostic }
        var attributed = diagnostic
        attributed.message += " (for exporter '\(name)', which uses this through an alias or merge key)"
        return attributed
    }
}
