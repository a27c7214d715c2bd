import ExporterCore
import ExporterDiagnostics
import ExporterRuntime
import Foundation

/// What `scaffold replay --explain-config` prints: every exporter's effective configuration, each value with where
/// it came from (the workflow file's line, an environment variable, the default), secrets masked. The settings are
/// the ones the configuration reader recorded while the exporter's type read its section
/// (`WorkflowConfiguration.effectiveSettings`); a type that records none is listed by name only.
struct ConfigurationExplanation {
    struct Entry {
        var name: String
        /// The blueprint's type, for exporters that record no settings.
        var kind: String
        /// Nil when the type records no settings.
        var settings: [EffectiveSetting]?
    }

    var exporters: [Entry]

    init(_ workflow: WorkflowConfiguration) {
        exporters = workflow.exporters.map { entry in
            var blueprint = entry.blueprint
            while let wrapped = blueprint as? EventProcessingBlueprint { blueprint = wrapped.base }
            return Entry(
                name: entry.name,
                kind: String(describing: type(of: blueprint)),
                settings: workflow.effectiveSettings[entry.name]
            )
        }
    }

    /// `exporter 'NAME'` and one aligned line per setting: key, value, source.
    var text: String {
        var lines: [String] = []
        for exporter in exporters {
            guard let settings = exporter.settings else {
                lines.append(
                    "exporter '\(exporter.name)' (\(exporter.kind)): does not record where its values come from"
                )
                continue
            }
            lines.append("exporter '\(exporter.name)'")
            let keyWidth = settings.map(\.key.count).max() ?? 0
            let valueWidth = settings.map(\.value.count).max() ?? 0
            for setting in settings {
                let key = setting.key.padding(toLength: keyWidth, withPad: " ", startingAt: 0)
                let value = setting.value.padding(toLength: valueWidth, withPad: " ", startingAt: 0)
                lines.append("  \(key)  \(value)  \(Self.describe(setting.source))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `{"exporters": [{"name", "type", "settings": [{"key", "value", "source", "variable"|"location"}]}]}`.
    var json: String {
        let list: [JSONValue] = exporters.map { exporter in
            .object([
                "name": .string(exporter.name),
                "type": .string(exporter.kind),
                "settings": exporter.settings.map { .array($0.map(Self.json)) } ?? .null,
            ])
        }
        var buffer: [UInt8] = []
        JSONWriter.write(JSONValue.object(["exporters": .array(list)]), to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    static func describe(_ source: ConfigurationSource) -> String {
        switch source {
        case .workflow(let location): location.map { "\($0)" } ?? "workflow file"
        case .environment(let variable): "environment variable \(variable)"
        case .default: "default"
        }
    }

    static func json(_ setting: EffectiveSetting) -> JSONValue {
        var members: [(String, JSONValue)] = [("key", .string(setting.key)), ("value", .string(setting.value))]
        switch setting.source {
        case .workflow(let location):
            members += [("source", .string("workflow")), ("location", location.map { .string("\($0)") } ?? .null)]
        case .environment(let variable):
            members += [("source", .string("environment")), ("variable", .string(variable))]
        case .default:
            members.append(("source", .string("default")))
        }
        return .object(JSONObject(members))
    }
}
