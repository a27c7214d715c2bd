import ExporterDiagnostics
import ExporterYAML
import Logging

/// Configuration of the built-in `console` exporter: a readable tree of each trace's spans, printed when the
/// trace's root scope ends.
///
/// ```yaml
/// console: {_type: console, stream: stderr, color: auto, show_payloads: true}
/// ```
public struct ConsoleExporterConfiguration: Sendable, Hashable, Decodable, YAMLRejectsUnknownKeys {
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

    enum CodingKeys: String, CodingKey {
        case stream, color, prefix
        case showPayloads = "show_payloads"
        case bufferCapacity = "buffer_capacity"
        case overflowPolicy = "overflow_policy"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stream = try container.decodeIfPresent(ConsoleStream.self, forKey: .stream) ?? .stdout
        color = try container.decodeIfPresent(ColorMode.self, forKey: .color) ?? .auto
        showPayloads = try container.decodeIfPresent(Bool.self, forKey: .showPayloads) ?? false
        prefix = try container.decodeIfPresent(String.self, forKey: .prefix) ?? ""
        buffer = try BufferSettings.decode(
            from: container,
            capacityKey: .bufferCapacity,
            policyKey: .overflowPolicy,
            decoder: decoder
        )
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
