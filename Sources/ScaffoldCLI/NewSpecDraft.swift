import ExporterDiagnostics
import ExporterYAML
import ScaffoldGenerator

/// The spec `scaffold new` writes, from its arguments: the fields declared with `--field`, wired into the transport
/// by convention (or by `--auth` and `--header`), and a report of what was wired and what was left for the user.
///
/// Conventions, for the transports that can use a field:
/// - `http`, `otlp`: a `url` (or `string`) field named `endpoint`, else the only `url` field, is
///   `transport.endpoint: ${field}`; two fields named like a user and a password (`user`/`username`/`public_key`
///   and `password`/`secret_key`/`secret`, the second a `secret`) are basic auth; else a single `secret` field is
///   bearer auth;
/// - `file`: a `string` field named `output_path` or `path` is `transport.path: ${field}`.
struct NewSpecDraft {
    /// One `--field name:type[=default]`.
    struct Field: Equatable {
        var name: String
        var type: String
        var defaultValue: String?
    }

    /// `--auth`: what convention cannot guess.
    enum Auth: Equatable {
        case bearer(token: String)
        case basic(user: String, password: String)
    }

    var name: String
    var base: String
    var transport: String
    var fields: [Field]
    var auth: Auth?
    /// `--header NAME=FIELD`, in the order given.
    var headers: [(name: String, field: String)] = []
    var runtime: RuntimeDependency?

    /// Parses `--field` values; `SPEC000` names the bad one.
    static func fields(_ arguments: [String]) throws(DiagnosticError) -> [Field] {
        var fields: [Field] = []
        for argument in arguments {
            let (declaration, defaultValue) = split(argument, at: "=")
            let (name, type) = split(declaration, at: ":")
            guard let type, !name.isEmpty, !type.isEmpty else {
                throw DiagnosticError(
                    .error(
                        .specInvalidFieldOption,
                        "--field '\(argument)' must be name:type[=default]",
                        hint: "for example batch_size:int=50"
                    )
                )
            }
            fields.append(Field(name: name, type: type, defaultValue: defaultValue))
        }
        return fields
    }

    /// Parses `--auth bearer:FIELD` or `--auth basic:USER,PASSWORD`.
    static func auth(_ argument: String?) throws(DiagnosticError) -> Auth? {
        guard let argument else { return nil }
        let (kind, rest) = split(argument, at: ":")
        let names = rest?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
        switch kind {
        case "bearer" where names.count == 1 && !names[0].isEmpty:
            return .bearer(token: names[0])
        case "basic" where names.count == 2 && names.allSatisfy { !$0.isEmpty }:
            return .basic(user: names[0], password: names[1])
        default:
            throw DiagnosticError(
                .error(
                    .specInvalidFieldOption,
                    "--auth '\(argument)' must be bearer:FIELD or basic:USER_FIELD,PASSWORD_FIELD",
                    hint: "name fields declared with --field, for example --auth bearer:api_key"
                )
            )
        }
    }

    /// Parses `--header NAME=FIELD` values.
    static func headers(_ arguments: [String]) throws(DiagnosticError) -> [(name: String, field: String)] {
        try arguments.map { (argument: String) throws(DiagnosticError) -> (name: String, field: String) in
            let (name, field) = split(argument, at: "=")
            guard let field, !name.isEmpty, !field.isEmpty else {
                throw DiagnosticError(
                    .error(
                        .specInvalidFieldOption,
                        "--header '\(argument)' must be NAME=FIELD",
                        hint: "for example --header x-api-key=api_key sends the field api_key as x-api-key"
                    )
                )
            }
            return (name, field)
        }
    }

    /// The transport's lines, by the conventions and the options, and what the command tells the user: each wiring
    /// with its reason, then each field no transport key uses with the line that would use it.
    func transportLines() throws(DiagnosticError) -> (lines: [String], report: [String]) {
        var lines = ["transport:", "  kind: \(quoted(transport))"]
        var report: [String] = []
        var used: Set<String> = []
        let isHTTP = transport == "http" || transport == "otlp"
        if !isHTTP, auth != nil || !headers.isEmpty {
            throw DiagnosticError(
                .error(
                    .specInvalidFieldOption,
                    "--auth and --header apply to the http and otlp transports, not '\(transport)'"
                )
            )
        }
        for header in headers where !fields.contains(where: { $0.name == header.field }) {
            throw undeclared(header.field, option: "--header \(header.name)=\(header.field)")
        }
        switch transport {
        case "file":
            if let field = fields.first(where: { ["output_path", "path"].contains($0.name) && $0.type == "string" }) {
                lines.append("  path: \(quoted("${\(field.name)}"))")
                used.insert(field.name)
                report.append("wired: transport.path: ${\(field.name)}  (a string field named \(field.name))")
            } else {
                lines.append("  path: \(quoted("./\(name).jsonl"))")
            }
        case "http", "otlp":
            let urls = fields.filter { $0.type == "url" }
            if let field = fields.first(where: { $0.name == "endpoint" && ["url", "string"].contains($0.type) })
                ?? (urls.count == 1 ? urls[0] : nil)
            {
                lines.append("  endpoint: \(quoted("${\(field.name)}"))")
                used.insert(field.name)
                let why = field.name == "endpoint" ? "a \(field.type) field named endpoint" : "the only url field"
                report.append("wired: transport.endpoint: ${\(field.name)}  (\(why))")
            } else {
                lines.append("  endpoint: \"http://localhost:4318/v1/traces\"")
            }
            if !headers.isEmpty {
                lines.append("  headers:")
                for header in headers {
                    lines.append("    \(quoted(header.name)): \(quoted("${\(header.field)}"))")
                    used.insert(header.field)
                    report.append("wired: transport.headers.\(header.name): ${\(header.field)}  (--header)")
                }
            }
            if let (auth, why) = try chosenAuth(excluding: used) {
                switch auth {
                case .bearer(let token):
                    lines += ["  auth:", "    kind: \"bearer\"", "    token_field: \(quoted(token))"]
                    used.insert(token)
                    report.append("wired: transport.auth: bearer, token_field: \(token)  (\(why))")
                case .basic(let user, let password):
                    lines += [
                        "  auth:", "    kind: \"basic\"", "    user_field: \(quoted(user))",
                        "    password_field: \(quoted(password))",
                    ]
                    used.formUnion([user, password])
                    report.append(
                        "wired: transport.auth: basic, user_field: \(user), password_field: \(password)  (\(why))"
                    )
                }
            }
        default:
            break
        }
        // A custom transport is the user's code, which reads every field itself; console takes none.
        if transport != "custom" {
            for field in fields where !used.contains(field.name) {
                report.append(
                    "declared, not used by the transport: \(field.name) (\(field.type)); \(suggestion(for: field))"
                )
            }
        }
        return (lines, report)
    }

    /// The auth `--auth` asks for, else the one convention finds, with why; nil for none.
    private func chosenAuth(excluding used: Set<String>) throws(DiagnosticError) -> (Auth, String)? {
        if let auth {
            let names: [String] =
                switch auth {
                case .bearer(let token): [token]
                case .basic(let user, let password): [user, password]
                }
            for name in names where !fields.contains(where: { $0.name == name }) {
                throw undeclared(name, option: "--auth")
            }
            return (auth, "--auth")
        }
        let free = fields.filter { !used.contains($0.name) }
        let users = free.filter {
            ["string", "secret"].contains($0.type) && ["user", "username", "user_name", "public_key"].contains($0.name)
        }
        let passwords = free.filter {
            $0.type == "secret" && ["password", "secret_key", "secret"].contains($0.name)
        }
        if users.count == 1, passwords.count == 1 {
            return (.basic(user: users[0].name, password: passwords[0].name), "a user and a password field")
        }
        let secrets = free.filter { $0.type == "secret" }
        if secrets.count == 1 { return (.bearer(token: secrets[0].name), "the only secret field") }
        return nil
    }

    /// The line to add for a field nothing uses.
    private func suggestion(for field: Field) -> String {
        let reference = "${\(field.name)}"
        if ["batch_size", "flush_interval", "max_queue_size"].contains(field.name) {
            return "to use it, add under processors: - {kind: batch, \(field.name): \(reference)}"
        }
        if field.name == "sample_rate" || field.name == "rate" {
            return "to use it, add under processors: - {kind: sample, rate: \(reference)}"
        }
        switch transport {
        case "http", "otlp":
            let header = field.name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined(separator: "-")
            return "to send it, add under transport.headers: \(header): \"\(reference)\" (or pass --header "
                + "\(header)=\(field.name))"
        default:
            return "reference it as \(reference) in a processor option or a transport string, or read it in your hooks"
        }
    }

    private func undeclared(_ name: String, option: String) -> DiagnosticError {
        DiagnosticError(
            .error(
                .specInvalidFieldOption,
                "\(option) names '\(name)', which no --field declares",
                hint: DidYouMean.hint(for: name, among: fields.map(\.name))
                    ?? "declare it, for example --field \(name):secret"
            )
        )
    }

    /// The whole spec text; every value a YAML double-quoted scalar (`YAMLScalar.doubleQuoted`), so no input can
    /// change the document's shape.
    func text() throws(DiagnosticError) -> String {
        var lines = [
            SpecJSONSchema.modeline,
            "spec_version: 1",
            "name: \(quoted(name))",
            "base: \(quoted(base))",
        ]
        if !fields.isEmpty {
            lines += ["config:", "  fields:"]
            for field in fields {
                lines.append("    - name: \(quoted(field.name))")
                lines.append("      type: \(quoted(field.type))")
                if let value = field.defaultValue {
                    // Numbers and booleans stay plain so the field's type check sees them as written.
                    let plain = Int(value) != nil || Double(value) != nil || ["true", "false"].contains(value)
                    lines.append("      default: \(plain ? value : quoted(value))")
                }
            }
        }
        lines += try transportLines().lines
        switch runtime {
        case .path(let path)?:
            lines += ["runtime:", "  path: \(quoted(path))"]
        case .url(let url, let version)?:
            lines += ["runtime:", "  url: \(quoted(url))", "  from: \(quoted(version))"]
        case nil:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func quoted(_ value: String) -> String { YAMLScalar.doubleQuoted(value) }

    static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
