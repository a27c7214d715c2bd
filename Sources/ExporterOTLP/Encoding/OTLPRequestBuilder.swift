import ExporterEvents

/// Groups a batch of spans into one `ExportTraceServiceRequest`: one resource (the service), one instrumentation
/// scope (this library), the spans in batch order.
///
/// The resource carries `service.name` (the service name, else the project, else `unknown_service`),
/// `openinference.project.name` (the project, when there is one: Phoenix routes spans by it), and
/// `telemetry.sdk.name`/`language`/`version`; user-supplied resource attributes come after them in key order and
/// replace a built-in one of the same key in place.
public struct OTLPRequestBuilder: Sendable {
    /// The instrumentation scope name of every span.
    public static let scopeName = "exporter-scaffold"
    /// The version of this library, as the scope version and `telemetry.sdk.version`.
    public static let version = "0.1.0"

    /// How each span is mapped.
    public let mapper: OTLPSpanMapper
    /// The resource attributes of every request, in the order they are sent.
    public let resourceAttributes: [(key: String, value: OTLPAttributeValue)]
    private let resource: OTLPResource
    private let scope: OTLPInstrumentationScope

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - project: the project (toolkit `project`): `openinference.project.name`, and `service.name` unless
    ///     `serviceName` is given.
    ///   - serviceName: `service.name` when it should differ from the project.
    ///   - resourceAttributes: extra resource attributes (toolkit `resource_attributes`); they win over the built-in
    ///     ones.
    ///   - mapper: how spans are mapped.
    public init(
        project: String? = nil,
        serviceName: String? = nil,
        resourceAttributes: [String: OTLPAttributeValue] = [:],
        mapper: OTLPSpanMapper = OTLPSpanMapper()
    ) {
        var attributes: [(key: String, value: OTLPAttributeValue)] = [
            ("service.name", .string(serviceName ?? project ?? "unknown_service"))
        ]
        if let project { attributes.append(("openinference.project.name", .string(project))) }
        attributes += [
            ("telemetry.sdk.name", .string(Self.scopeName)),
            ("telemetry.sdk.language", .string("swift")),
            ("telemetry.sdk.version", .string(Self.version)),
        ]
        for key in resourceAttributes.keys.sorted() {
            guard let value = resourceAttributes[key] else { continue }
            if let index = attributes.firstIndex(where: { $0.key == key }) {
                attributes[index].value = value
            } else {
                attributes.append((key, value))
            }
        }
        self.resourceAttributes = attributes
        self.mapper = mapper

        var list = OTLPAttributeList(reservingCapacity: attributes.count)
        for (key, value) in attributes { list.add(key, value) }
        var resource = OTLPResource()
        resource.attributes = list.keyValues
        self.resource = resource
        var scope = OTLPInstrumentationScope()
        scope.name = Self.scopeName
        scope.version = Self.version
        self.scope = scope
    }

    /// The request carrying `spans`.
    package func request(for spans: some Collection<Span>) -> OTLPTraceRequest {
        var scopeSpans = OTLPScopeSpans()
        scopeSpans.scope = scope
        scopeSpans.spans.reserveCapacity(spans.count)
        for span in spans { scopeSpans.spans.append(mapper.otlpSpan(for: span)) }
        var resourceSpans = OTLPResourceSpans()
        resourceSpans.resource = resource
        resourceSpans.scopeSpans = [scopeSpans]
        var request = OTLPTraceRequest()
        request.resourceSpans = [resourceSpans]
        return request
    }
}
