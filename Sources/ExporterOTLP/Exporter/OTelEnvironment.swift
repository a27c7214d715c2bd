import ExporterCore
import ExporterDiagnostics
import Foundation

/// The OpenTelemetry SDK environment variables every `otel` exporter reads the same way: the built-in
/// `otelcollector` type and the configurations of generated `otel`-base packages call these, so both follow one
/// precedence (the workflow YAML, then the environment, then the defaults) and report one set of errors.
public enum OTelEnvironment {
    /// The variable that switches the SDK off.
    public static let sdkDisabledVariable = "OTEL_SDK_DISABLED"

    /// Whether `OTEL_SDK_DISABLED` switches export off: `true` in any case does; `false` in any case, an empty
    /// value or no variable does not. Any other value is recorded as a problem naming the variable (the
    /// specification only asks for a warning, but a typo such as `ture` would otherwise leave export on unseen).
    /// A value that switches export off is settled as `enabled: false` from the variable.
    public static func sdkDisabled(_ reader: inout ConfigurationReader) -> Bool {
        guard let text = reader.environment[sdkDisabledVariable] else { return false }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true":
            reader.settle("enabled", value: "false", source: .environment(sdkDisabledVariable))
            return true
        case "false", "":
            return false
        default:
            reader.report(
                "environment variable \(sdkDisabledVariable) must be true or false (in any case)",
                at: reader.section,
                hint: "unset it, or set it to true to export nothing"
            )
            return false
        }
    }

    /// `written` (from the workflow YAML, or a variable of the exporter's own), else ``endpoint(_:)``: what a
    /// generated `otel` package's endpoint field reads before it takes the spec's default.
    public static func endpoint(
        _ written: ConfigurationEntry<String>?,
        _ reader: inout ConfigurationReader
    ) -> ConfigurationEntry<String>? {
        written ?? endpoint(&reader)
    }

    /// A ``DisabledExporterBlueprint`` when `OTEL_SDK_DISABLED` (in the build context's environment) switches
    /// export off, after saying so once in the context's log; nil when export stays on. What the registration of a
    /// generated `otel` package calls before it builds its exporter.
    ///
    /// - Throws: `CFG004` at the section when the variable is neither true nor false.
    public static func disabledBlueprint(
        context: ExporterBuildContext
    ) throws(DiagnosticError) -> (any ExporterBlueprint)? {
        var reader = ConfigurationReader(section: context.location, environment: context.environment)
        let disabled = sdkDisabled(&reader)
        try reader.finish()
        guard disabled else { return nil }
        noteDisabled(context)
        return DisabledExporterBlueprint()
    }

    /// The one log line of an exporter switched off.
    static func noteDisabled(_ context: ExporterBuildContext) {
        context.logger.notice("exporter '\(context.name)': \(sdkDisabledVariable) is true, so it exports nothing")
    }

    /// The traces endpoint from `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as is), else `OTEL_EXPORTER_OTLP_ENDPOINT`
    /// with `v1/traces` appended to its path; nil when neither is set. The entry names its variable.
    public static func endpoint(_ reader: inout ConfigurationReader) -> ConfigurationEntry<String>? {
        if reader.environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] != nil {
            return reader.read(
                nil,
                key: "endpoint",
                env: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                expected: "a URL",
                parse: { $0 }
            )
        }
        return reader.read(nil, key: "endpoint", env: "OTEL_EXPORTER_OTLP_ENDPOINT", expected: "a URL") { base in
            base.hasSuffix("/") ? base + "v1/traces" : base + "/v1/traces"
        }
    }

    /// `url` with its password and query (where credentials hide) shown as ``Secret/redacted``.
    public static func masked(_ url: URL) -> String {
        ConfigurationReader.masked(url)
    }
}
