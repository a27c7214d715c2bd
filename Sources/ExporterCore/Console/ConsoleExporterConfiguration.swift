import ExporterDiagnostics
import ExporterYAML
import Logging

/// Configuration of the built-in `console` exporter: a readable tree of each trace's spans, printed when the
/// trace's root scope ends.
///
/// ```yaml
/// console: {_type: console, stream: stderr, color: auto, show_payloads: true}
/// ```
public struct ConsoleExporterConfiguration: Sendable, Hashable, Decodable, YAMLReportsAllProblems {
    /// When to colour the output.
    public enum ColorMode: String, Sendable, Hashable, CaseIterable, Decodable {
        /// On a terminal, unless `NO_COLOR` is set.
        case auto
        /// Always.
        case always
        /// Never.
        case never
    }

    /// Where the trees are printed (`stream`, default stdout).
    public var stream: ConsoleStream = .stdout
    /// Colour (`color`, default auto).
    public var color: ColorMode = .auto
    /// Show a one-line preview of inputs and outputs (`show_payloads`, default false).
    public var showPayloads = false
    /// Text put before every line (`prefix`, default none).
    public var prefix = ""
    /// The exporter's buffer (`buffer_capacity`, `overflow_policy`).
    public var buffer = BufferSettings()

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let section = try ConfigurationSection(decoder)
        var reader = section.reader()
        let stream = reader.value("stream", in: section, as: ConsoleStream.self)
        let color = reader.value("color", in: section, as: ColorMode.self)
        let showPayloads = reader.value("show_payloads", in: section, as: Bool.self)
        let prefix = reader.value("prefix", in: section, as: String.self)
        reader.settle("stream", stream, default: self.stream.rawValue) { $0.rawValue }
        reader.settle("color", color, default: self.color.rawValue) { $0.rawValue }
        reader.settle("show_payloads", showPayloads, default: "\(self.showPayloads)")
        reader.settle("prefix", prefix, default: "none")
        buffer = reader.buffer(in: section)
        try reader.finish()
        self.stream = stream?.value ?? self.stream
        self.color = color?.value ?? self.color
        self.showPayloads = showPayloads?.value ?? self.showPayloads
        self.prefix = prefix?.value ?? self.prefix
    }

    /// Whether output is coloured, given the environment.
    public func usesColor(environment: [String: String]) -> Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: TerminalColor.enabled(fileDescriptor: stream.fileDescriptor, environment: environment)
        }
    }
}

/// The `console` exporter: spans assembled into trees and printed.
public struct ConsoleExporterBlueprint: ExporterBlueprint {
    /// The shared printer.
    public let sink: ConsoleSink
    /// The buffer settings of each instance.
    public let buffer: BufferSettings
    let logger: Logger

    /// Creates the blueprint.
    public init(configuration: ConsoleExporterConfiguration, context: ExporterBuildContext) {
        let renderer = ConsoleRenderer(
            colored: configuration.usesColor(environment: context.environment),
            showPayloads: configuration.showPayloads
        )
        sink = ConsoleSink(renderer: renderer, stream: configuration.stream, prefix: configuration.prefix)
        buffer = configuration.buffer
        logger = context.logger
    }

    public func makeExporter(name: String) throws -> any Exporter {
        ProcessingExporter(
            name: name,
            stages: SpanTreeAssembler().named("trees"),
            sink: sink,
            capacity: buffer.capacity,
            overflowPolicy: buffer.overflowPolicy,
            logger: logger
        )
    }
}
