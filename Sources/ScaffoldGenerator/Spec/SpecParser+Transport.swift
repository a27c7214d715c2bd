import ExporterDiagnostics
import ExporterYAML

extension SpecParser {
    /// `transport`: its kind's options, and the rule that `base: otel` and `kind: otlp` go together.
    mutating func parseTransport(_ node: YAMLNode) -> TransportSpec? {
        guard
            let kinded = kindedEntries(
                of: node,
                SpecGrammar.transports,
                what: "transport",
                unknownCode: .specUnknownTransportKind
            ),
            let kind = TransportKind(rawValue: kinded.kind)
        else { return nil }
        let entries = kinded.entries
        let at = location(node)
        if let base, (base == .otel) != (kind == .otlp), let kindNode = node["kind"] {
            report(
                .specBaseTransportMismatch,
                base == .otel
                    ? "base 'otel' needs the 'otlp' transport, not '\(kind.rawValue)'"
                    : "the 'otlp' transport needs base 'otel', not '\(base.rawValue)'",
                at: location(kindNode),
                hint: base == .otel ? "use 'kind: otlp', or base 'span' for other transports" : "set 'base: otel'"
            )
        }
        switch kind {
        case .console:
            let stream = entries["stream"].flatMap {
                choice($0, ConsoleTransportSpec.Stream.allCases.map(\.rawValue), .specInvalidOptionValue, "stream")
            }
            return .console(
                ConsoleTransportSpec(
                    stream: stream.flatMap(ConsoleTransportSpec.Stream.init(rawValue:)) ?? .stdout,
                    location: at
                )
            )
        case .file:
            guard let pathNode = entries["path"], let path = template(pathNode, "path", .scalar) else { return nil }
            var format = FileTransportSpec.Format.jsonl
            if let formatNode = entries["format"],
                let chosen = choice(
                    formatNode,
                    FileTransportSpec.Format.allCases.map(\.rawValue),
                    .specInvalidOptionValue,
                    "file format"
                )
                .flatMap(FileTransportSpec.Format.init(rawValue:))
            {
                format = chosen
                if chosen != .jsonl, let base, base != .raw {
                    report(
                        .specInvalidOptionValue,
                        "file format '\(chosen.rawValue)' writes events and needs base 'raw'",
                        at: location(formatNode),
                        hint: "use 'format: jsonl' for spans"
                    )
                }
            }
            return .file(FileTransportSpec(path: path, format: format, location: at))
        case .http:
            let endpoint = entries["endpoint"].flatMap { parseEndpoint($0) }
            let method = entries["method"].flatMap {
                choice($0, HTTPTransportSpec.Method.allCases.map(\.rawValue), .specInvalidOptionValue, "method")
            }
            let encoding = entries["encoding"].flatMap {
                choice($0, HTTPTransportSpec.Encoding.allCases.map(\.rawValue), .specInvalidOptionValue, "encoding")
            }
            let headers = entries["headers"].map { templateEntries($0, "headers") } ?? []
            let auth = entries["auth"].flatMap { parseAuth($0) } ?? HTTPAuthSpec.none
            let common = parseCommon(entries)
            guard let endpoint else { return nil }
            return .http(
                HTTPTransportSpec(
                    endpoint: endpoint,
                    method: method.flatMap(HTTPTransportSpec.Method.init(rawValue:)) ?? .post,
                    headers: headers,
                    auth: auth,
                    encoding: encoding.flatMap(HTTPTransportSpec.Encoding.init(rawValue:)) ?? .jsonl,
                    compression: common.compression,
                    timeout: common.timeout,
                    retry: common.retry,
                    deadLetter: common.deadLetter,
                    location: at
                )
            )
        case .otlp:
            let endpoint = entries["endpoint"].flatMap { parseEndpoint($0) }
            let encoding = entries["encoding"].flatMap {
                choice($0, OTLPTransportSpec.Encoding.allCases.map(\.rawValue), .specInvalidOptionValue, "encoding")
            }
            let headers = entries["headers"].map { templateEntries($0, "headers") } ?? []
            let attributes = entries["resource_attributes"].map { templateEntries($0, "resource_attributes") } ?? []
            let auth = entries["auth"].flatMap { parseAuth($0) } ?? HTTPAuthSpec.none
            let common = parseCommon(entries)
            guard let endpoint else { return nil }
            var otlp = OTLPTransportSpec(
                endpoint: endpoint,
                encoding: encoding.flatMap(OTLPTransportSpec.Encoding.init(rawValue:)) ?? .protobuf,
                headers: headers,
                resourceAttributes: attributes,
                auth: auth,
                compression: common.compression,
                timeout: common.timeout,
                retry: common.retry,
                deadLetter: common.deadLetter,
                location: at
            )
            otlp.encodingIsWritten = encoding != nil
            otlp.compressionIsWritten = entries["compression"] != nil
            return .otlp(otlp)
        case .custom:
            return .custom(CustomTransportSpec(location: at))
        }
    }

    /// An endpoint: an absolute http(s) URL, or exactly one reference to a url or string field.
    private mutating func parseEndpoint(_ node: YAMLNode) -> StringTemplate? {
        guard let endpoint = template(node, "endpoint", .endpoint) else { return nil }
        if endpoint.singleField != nil { return endpoint }
        if let literal = endpoint.literalValue {
            guard SpecSyntax.isHTTPURL(literal) else {
                report(
                    .specInvalidEndpoint,
                    "endpoint '\(literal)' is not an http or https URL",
                    at: location(node),
                    hint: "write 'https://host/path' or '${field}'"
                )
                return nil
            }
            return endpoint
        }
        report(
            .specInvalidEndpoint,
            "endpoint mixes text and field references",
            at: location(node),
            hint: "declare one url field with the whole endpoint and write '${field}'"
        )
        return nil
    }

    private mutating func templateEntries(_ node: YAMLNode, _ what: String) -> [TemplateEntry] {
        guard let pairs = node.mapping else {
            report(.specWrongType, "'\(what)' must be a mapping", at: location(node))
            return []
        }
        return pairs.compactMap { pair in
            guard let name = text(pair.key, "\(what) name"),
                let value = template(pair.value, "\(what).\(name)", .scalar)
            else { return nil }
            if what == "headers", !Self.isHeaderName(name) {
                report(
                    .specInvalidOptionValue,
                    "'\(name)' is not a valid HTTP header name",
                    at: location(pair.key),
                    hint: "use letters, digits and !#$%&'*+-.^_`|~ only"
                )
                return nil
            }
            if what == "headers",
                value.parts.contains(where: { part in
                    guard case .literal(let text) = part else { return false }
                    return text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
                })
            {
                report(
                    .specInvalidOptionValue,
                    "the value of header '\(name)' contains a control character (a line break?)",
                    at: location(pair.value),
                    hint: "header values are one line of text"
                )
                return nil
            }
            return TemplateEntry(name: name, value: value, location: location(pair.key))
        }
    }

    private mutating func parseCommon(
        _ entries: SpecEntries
    ) -> (
        compression: TransportCompression, timeout: OptionValue<Duration>?, retry: RetrySpec?,
        deadLetter: StringTemplate?
    ) {
        let compression = entries["compression"].flatMap {
            choice($0, TransportCompression.allCases.map(\.rawValue), .specInvalidOptionValue, "compression")
        }
        let timeout = option(entries["timeout"], .duration, "timeout") { parser, node in
            parser.duration(node, "timeout").map(Duration.nanoseconds)
        }
        var retry: RetrySpec?
        if let node = entries["retry"], let retryEntries = self.entries(of: node, SpecGrammar.retry) {
            retry = RetrySpec(
                maxAttempts: option(retryEntries["max_attempts"], .int, "max_attempts") {
                    $0.atLeast(1, $1, "max_attempts")
                },
                deadline: option(retryEntries["deadline"], .duration, "deadline") { parser, node in
                    parser.duration(node, "deadline").map(Duration.nanoseconds)
                },
                location: location(node)
            )
        }
        let deadLetter = entries["dead_letter"].flatMap { template($0, "dead_letter", .scalar) }
        return (compression.flatMap(TransportCompression.init(rawValue:)) ?? .none, timeout, retry, deadLetter)
    }

    /// `auth`: a kind word (only `none` needs nothing more) or a mapping with `kind` and the kind's keys.
    private mutating func parseAuth(_ node: YAMLNode) -> HTTPAuthSpec? {
        let kinds = HTTPAuthKind.allCases.map(\.rawValue)
        var entries = SpecEntries()
        let kindNode: YAMLNode
        if node.scalar != nil {
            kindNode = node
        } else {
            guard let parsed = self.entries(of: node, SpecGrammar.auth), let written = parsed["kind"] else {
                return nil
            }
            entries = parsed
            kindNode = written
        }
        guard
            let kind = choice(kindNode, kinds, .specInvalidOptionValue, "auth kind").flatMap(
                HTTPAuthKind.init(rawValue:)
            )
        else {
            return nil
        }
        let needed: [String] =
            switch kind {
            case .none: []
            case .bearer: ["token_field"]
            case .basic: ["user_field", "password_field"]
            case .apiKeyHeader: ["header", "token_field"]
            }
        for (key, keyNode) in entries.keys.sorted(by: { $0.key < $1.key }) where key != "kind" && !needed.contains(key)
        {
            report(
                .specOptionNotApplicable,
                "'\(key)' does not apply to auth '\(kind.rawValue)'",
                at: location(keyNode)
            )
        }
        var values: [String: String] = [:]
        for key in needed {
            guard let valueNode = entries[key] else {
                report(
                    .specMissingKey,
                    "auth '\(kind.rawValue)' needs '\(key)'",
                    at: location(node),
                    hint: "write auth: {kind: \(kind.rawValue), \(needed.map { "\($0): ..." }.joined(separator: ", "))}"
                )
                continue
            }
            guard let value = text(valueNode, key) else { continue }
            if key != "header" {
                checkReference(value, at: location(valueNode), .credential, "auth.\(key)")
            }
            values[key] = value
        }
        switch kind {
        case .none:
            return HTTPAuthSpec.none
        case .bearer:
            return values["token_field"].map { .bearer(tokenField: $0) }
        case .basic:
            guard let user = values["user_field"], let password = values["password_field"] else { return nil }
            return .basic(userField: user, passwordField: password)
        case .apiKeyHeader:
            guard let header = values["header"], let token = values["token_field"] else { return nil }
            return .apiKeyHeader(header: header, tokenField: token)
        }
    }

    /// Whether `name` is an HTTP field name: a non-empty token (RFC 9110 §5.6.2).
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                let value = scalar.value
                let alphanumeric =
                    (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                    || (0x61...0x7A).contains(value)
                return alphanumeric || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
            }
    }
}
