/// The `http` and `otlp` transports as Swift: the body of the blueprint's `transportConfiguration` (endpoint,
/// method, headers, authentication, compression, timeout, retry) and, for `otlp`, of its `otlpEncoding`.
struct HTTPTransportRenderModel {
    /// Statements returning the `HTTPExportSink.Configuration`, at column 8.
    var configurationLines: [String] = []
    /// Statements returning the `OTLPTraceEncoding`, at column 8 (otlp only).
    var otlpEncodingLines: [String] = []
    /// The request method, as a Swift literal.
    var methodLiteral = "\"POST\""
    /// Checks of the decoded resource attributes in the generated OTLP test, at column 8.
    var resourceChecks: [String] = []
    /// Whether `OTEL_SERVICE_NAME` names the service (otlp whose spec leaves `service.name` out).
    var serviceNameFromEnvironment = false
    /// The statement computing the dead-letter path, at column 8; nil without `dead_letter`.
    var deadLetterPathLines: [String]?

    private mutating func setDeadLetter(_ template: StringTemplate?, options: OptionRenderer) {
        guard let template else { return }
        deadLetterPathLines = SwiftCode.atom(options.template(template, configuration: "configuration"))
            .lines(indent: 8, prefix: "let path = ")
    }

    init(http: HTTPTransportSpec, options: OptionRenderer) {
        methodLiteral = RenderSyntax.literal(http.method.rawValue)
        configurationLines = Self.configurationLines(
            endpoint: http.endpoint,
            method: http.method.rawValue,
            headers: http.headers,
            auth: http.auth,
            compression: .atom("." + http.compression.rawValue),
            timeout: http.timeout,
            retry: http.retry,
            options: options
        )
        setDeadLetter(http.deadLetter, options: options)
    }

    init(otlp: OTLPTransportSpec, serviceName: String, options: OptionRenderer) {
        configurationLines = Self.configurationLines(
            endpoint: otlp.endpoint,
            method: "POST",
            headers: otlp.headers,
            auth: otlp.auth,
            compression: otlp.compressionIsWritten
                ? .atom("." + otlp.compression.rawValue)
                : .atom("configuration.otelEnvironment.compression ?? ." + otlp.compression.rawValue),
            timeout: otlp.timeout,
            retry: otlp.retry,
            otelEnvironment: true,
            options: options
        )
        setDeadLetter(otlp.deadLetter, options: options)
        let indent = 8
        let pad = String(repeating: " ", count: indent)
        // The environment's attributes (OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME) under the spec's.
        let keyword = otlp.resourceAttributes.isEmpty ? "let" : "var"
        otlpEncodingLines.append(pad + "\(keyword) attributes = configuration.otelEnvironment.resourceAttributes")
        for attribute in otlp.resourceAttributes {
            otlpEncodingLines += options.binding(attribute.value.referencedFields, indent: indent) { inner, indent in
                SwiftCode.call(
                    ".string",
                    [(nil, .atom(inner.template(attribute.value, configuration: "configuration")))]
                )
                .lines(indent: indent, prefix: "attributes[\(RenderSyntax.literal(attribute.name))] = ")
            }
            if let literal = attribute.value.literalValue {
                resourceChecks += Self.expectation(
                    "summary.resourceAttributes[\(RenderSyntax.literal(attribute.name))] == \(RenderSyntax.literal(literal))"
                )
            }
        }
        serviceNameFromEnvironment = !otlp.resourceAttributes.contains { $0.name == "service.name" }
        if serviceNameFromEnvironment {
            resourceChecks += Self.expectation(
                "summary.resourceAttributes[\"service.name\"] == \(RenderSyntax.literal(serviceName))"
            )
        }
        let builder = SwiftCode.call(
            "OTLPRequestBuilder",
            [("serviceName", .atom(RenderSyntax.literal(serviceName))), ("resourceAttributes", .atom("attributes"))]
        )
        otlpEncodingLines += SwiftCode.call(
            "OTLPTraceEncoding",
            [("encoding", .atom(Self.encoding(otlp))), ("builder", builder)]
        ).lines(indent: indent, prefix: "return ")
    }

    /// The OTLP encoding expression: the spec's when it writes one, else `OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL`'s
    /// over the default.
    static func encoding(_ otlp: OTLPTransportSpec) -> String {
        let spec = "." + otlp.encoding.rawValue
        return otlp.encodingIsWritten ? spec : "configuration.otelEnvironment.encoding ?? \(spec)"
    }

    /// `#expect(condition)` inside the generated test's request loop (column 12), wrapped when too long.
    private static func expectation(_ condition: String) -> [String] {
        SwiftCode.call("#expect", [(nil, .atom(condition))]).lines(indent: 12)
    }

    private static func configurationLines(
        endpoint: StringTemplate,
        method: String,
        headers: [TemplateEntry],
        auth: HTTPAuthSpec,
        compression: SwiftCode,
        timeout: OptionValue<Duration>?,
        retry: RetrySpec?,
        otelEnvironment: Bool = false,
        options: OptionRenderer
    ) -> [String] {
        let indent = 8
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        lines.append(pad + (headers.isEmpty ? "let headers = HTTPHeaders()" : "var headers = HTTPHeaders()"))
        for header in headers {
            lines += options.binding(header.value.referencedFields, indent: indent) { inner, indent in
                SwiftCode.call(
                    "headers.add",
                    [
                        ("name", .atom(RenderSyntax.literal(header.name))),
                        ("value", .atom(inner.template(header.value, configuration: "configuration"))),
                    ]
                ).lines(indent: indent)
            }
        }
        let authFields: [String]
        switch auth {
        case .none: authFields = []
        case .bearer(let token): authFields = [token]
        case .basic(let user, let password): authFields = [user, password]
        case .apiKeyHeader(_, let token): authFields = [token]
        }
        func authExpression(_ renderer: OptionRenderer) -> String {
            switch auth {
            case .none: ".none"
            case .bearer(let token): ".bearer(\(renderer.secret(of: token)))"
            case .basic(let user, let password):
                ".basic(user: \(renderer.text(of: user)), password: \(renderer.secret(of: password)))"
            case .apiKeyHeader(let header, let token):
                ".apiKeyHeader(name: \(RenderSyntax.literal(header)), value: \(renderer.secret(of: token)))"
            }
        }
        let needsBinding = authFields.contains { options.field($0)?.isOptional == true }
        let authArgument: String
        if needsBinding {
            lines.append(pad + "var auth = HTTPAuth.none")
            lines += options.binding(authFields, indent: indent) { inner, indent in
                SwiftCode.atom(authExpression(inner)).lines(indent: indent, prefix: "auth = ")
            }
            authArgument = "auth"
        } else {
            authArgument = authExpression(options)
        }
        let endpointKey = endpoint.singleField ?? "endpoint"
        let endpointCode = SwiftCode.call(
            "try ConfigurationReader.endpoint",
            [
                (nil, .atom(options.template(endpoint, configuration: "configuration"))),
                ("key", .atom(RenderSyntax.literal(endpointKey))), ("context", .atom("context")),
            ]
        )
        var retryArguments: [(label: String?, value: SwiftCode)] = []
        if let attempts = retry?.maxAttempts { retryArguments.append(("maxAttempts", .atom(options.int(attempts)))) }
        if let deadline = retry?.deadline { retryArguments.append(("deadline", .atom(options.duration(deadline)))) }
        var arguments: [(label: String?, value: SwiftCode)] = [
            ("endpoint", endpointCode),
            ("method", .atom(RenderSyntax.literal(method))),
            ("headers", .atom("headers")),
            ("auth", .atom(authArgument)),
            ("compression", compression),
            (
                "requestTimeout",
                .atom(
                    timeout.map { options.duration($0) }
                        ?? (otelEnvironment ? "configuration.otelEnvironment.timeout ?? .seconds(10)" : ".seconds(10)")
                )
            ),
            ("retry", .call("RetryPolicy", retryArguments)),
        ]
        if let secrets = secretsExpression(options.fields) { arguments.append(("secrets", .atom(secrets))) }
        guard otelEnvironment else {
            lines += SwiftCode.call("HTTPExportSink.Configuration", arguments).lines(indent: indent, prefix: "return ")
            return lines
        }
        // The environment's headers (OTEL_EXPORTER_OTLP_[TRACES_]HEADERS) under the spec's and its authorization.
        lines += SwiftCode.call("HTTPExportSink.Configuration", arguments)
            .lines(indent: indent, prefix: "var transport = ")
        lines += SwiftCode.call(
            "configuration.otelEnvironment.headers",
            [("under", .atom("transport.headers")), ("auth", .atom("transport.auth"))]
        ).lines(indent: indent, prefix: "transport.headers = ")
        lines.append(pad + "return transport")
        return lines
    }

    /// Every `secret` field of the configuration as `[Secret]`, for the sink's scrubber (whether or not the spec
    /// sends it in a header); nil when there is none.
    private static func secretsExpression(_ fields: [FieldRenderModel]) -> String? {
        var scalars: [String] = []
        var lists: [String] = []
        var anyOptional = false
        for field in fields {
            let access = "configuration.\(field.property)"
            switch field.field.type {
            case .secret:
                scalars.append(access)
                anyOptional = anyOptional || field.isOptional
            case .list(.secret):
                lists.append(field.isOptional ? "(\(access) ?? [])" : access)
            default:
                continue
            }
        }
        var parts: [String] = []
        if !scalars.isEmpty {
            let array = "[" + scalars.joined(separator: ", ") + "]"
            parts.append(anyOptional ? array + ".compactMap { $0 }" : array)
        }
        parts += lists
        return parts.isEmpty ? nil : parts.joined(separator: " + ")
    }
}
