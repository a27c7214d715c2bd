import ArgumentParser
import ExporterCore
import ExporterDiagnostics
import ExporterYAML
import Foundation
import ScaffoldGenerator

/// `scaffold new exporter NAME [--base B] [--transport T] [--field name:type[=default]]... [--output DIR] [--yes]
/// [--runtime-path DIR | --runtime-url URL]`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an exporter package: write its exporter.yaml and generate it.",
        discussion: """
            `scaffold new exporter acme --base span --transport console --field endpoint:url --field \
            batch_size:int=50` writes acme/exporter.yaml (with a yaml-language-server modeline and the schema in \
            .scaffold/) and generates the package. In a terminal (standard input and output both a TTY) it asks \
            for a missing base, transport and config fields unless --yes; otherwise it never prompts and takes \
            raw, console (otlp for otel) and no fields. --runtime-path (a checkout of exporter-scaffold) or \
            --runtime-url (a Git URL) is recorded as the spec's runtime:, so 'scaffold generate' keeps it; without \
            them the package depends on SCAFFOLD_RUNTIME_URL, else on the published runtime, from this scaffold's \
            version (a line 'runtime: ...' says which and why). Exits 2 for invalid input, an existing spec or a \
            --runtime-path that is not a checkout of exporter-scaffold.
            """
    )

    /// What to create.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case exporter
    }

    @Argument(help: "What to create: exporter.")
    var kind: Kind

    @Argument(help: "The exporter's name, the `_type` ([a-z][a-z0-9_]*).")
    var name: String

    @Option(help: "raw, span or otel.")
    var base: String?

    @Option(help: "console, file, http, otlp or custom.")
    var transport: String?

    @Option(name: .customLong("field"), help: "A config field, name:type[=default] (repeatable).")
    var fields: [String] = []

    @Option(help: "The package directory (default: ./NAME).")
    var output: String?

    @Flag(help: "Never ask; take the defaults for what is missing.")
    var yes = false

    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        let flag: RuntimeFlag?
        do {
            flag = try runtime.flag()
        } catch {
            Terminal.standardError.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        // Questions only when a person can answer them: never with --yes, a redirected input or output.
        let prompter = !yes && isatty(0) == 1 && isatty(1) == 1 ? NewPrompter() : nil
        let base =
            self.base ?? prompter?.choose("base", from: SpecCatalog.bases.map(\.name), default: "raw") ?? "raw"
        let defaultTransport = base == "otel" ? "otlp" : "console"
        let transport =
            self.transport
            ?? prompter?.choose("transport", from: SpecCatalog.transports.map(\.name), default: defaultTransport)
            ?? defaultTransport
        let fields = self.fields.isEmpty ? prompter?.fields() ?? [] : self.fields
        let directory = URL(fileURLWithPath: output ?? name).standardizedFileURL
        let specURL = directory.appendingPathComponent("exporter.yaml")
        let terminal = Terminal.standardError
        if FileManager.default.fileExists(atPath: specURL.path) {
            terminal.write("\(specURL.path) already exists; edit it and run 'scaffold generate' instead\n")
            throw ScaffoldExitCode.invalidInput
        }
        let text: String
        do {
            text = try Self.specText(
                name: name,
                base: base,
                transport: transport,
                fields: fields,
                runtime: flag.map { Self.recorded($0, specDirectory: directory) }
            )
            _ = try SpecLoader.load(text: text, file: specURL.path)
        } catch {
            // The spec is not written yet, so a position in it would point nowhere: the arguments are at fault.
            terminal.print(
                error.diagnostics.map { diagnostic in
                    var diagnostic = diagnostic
                    diagnostic.location = nil
                    diagnostic.message += " (in the arguments of 'scaffold new'; nothing was written)"
                    return diagnostic
                }
            )
            throw ScaffoldExitCode.invalidInput
        }
        do {
            let schema = directory.appendingPathComponent(".scaffold/exporter.schema.json")
            try FileManager.default.createDirectory(
                at: schema.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data((SpecJSONSchema.text + "\n").utf8).write(to: schema, options: .atomic)
            try Data(text.utf8).write(to: specURL, options: .atomic)
        } catch {
            terminal.write("cannot write '\(specURL.path)': \(FileErrorReason.describe(error, path: specURL.path))\n")
            throw ScaffoldExitCode.invalidInput
        }
        do {
            let loaded = try GeneratorWorkspace.load(specPath: specURL.path)
            if let recovered = try GeneratorWorkspace.recover(directory) { terminal.write("note: \(recovered)\n") }
            var choice = GeneratorWorkspace.runtime(for: loaded, output: directory, flag: nil)
            switch flag {
            case .path?: choice.reason = "--runtime-path, recorded as runtime: in exporter.yaml"
            case .url?: choice.reason = "--runtime-url, recorded as runtime: in exporter.yaml"
            case nil: break
            }
            let plan = try GeneratorWorkspace.plan(
                loaded,
                output: directory,
                templates: [:],
                force: false,
                runtime: choice.dependency
            )
            guard plan.refusals.isEmpty else {
                terminal.write("refused: \(plan.refusals.map(\.path).joined(separator: ", ")) already exist\n")
                throw ScaffoldExitCode.problems
            }
            try GeneratorWorkspace.apply(plan, to: directory)
            print(PlanReport.describe(plan, output: directory.path, diff: false))
            print(choice.line)
            print("next: cd \(output ?? name) && swift test")
        } catch let error as DiagnosticError {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
    }

    /// The spec's `runtime:` for `flag`: a URL from this scaffold's version; a path as given when absolute, else
    /// relative to the spec's directory (where a spec's relative `runtime: path` starts).
    static func recorded(_ flag: RuntimeFlag, specDirectory: URL) -> RuntimeDependency {
        switch flag {
        case .path(let path): .path(GeneratorWorkspace.rebased(path, onto: specDirectory))
        case .url(let url): .url(url, from: ScaffoldVersion.current)
        }
    }

    /// The spec text; values are YAML double-quoted scalars (`YAMLScalar.doubleQuoted`), so no input can change the
    /// document's shape.
    static func specText(
        name: String,
        base: String,
        transport: String,
        fields: [String],
        runtime: RuntimeDependency? = nil
    ) throws(DiagnosticError) -> String {
        var lines = [
            "# yaml-language-server: $schema=.scaffold/exporter.schema.json",
            "spec_version: 1",
            "name: \(YAMLScalar.doubleQuoted(name))",
            "base: \(YAMLScalar.doubleQuoted(base))",
        ]
        if !fields.isEmpty {
            lines += ["config:", "  fields:"]
            for field in fields {
                let (declaration, defaultValue) = split(field, at: "=")
                let (fieldName, type) = split(declaration, at: ":")
                guard let type, !fieldName.isEmpty else {
                    throw DiagnosticError(
                        .error(
                            .specInvalidFieldOption,
                            "--field '\(field)' must be name:type[=default]",
                            hint: "for example batch_size:int=50"
                        )
                    )
                }
                lines.append("    - name: \(YAMLScalar.doubleQuoted(fieldName))")
                lines.append("      type: \(YAMLScalar.doubleQuoted(type))")
                if let defaultValue {
                    // Numbers and booleans stay plain so the field's type check sees them as written.
                    let plain =
                        Int(defaultValue) != nil || Double(defaultValue) != nil
                        || ["true", "false"].contains(defaultValue)
                    lines.append("      default: \(plain ? defaultValue : YAMLScalar.doubleQuoted(defaultValue))")
                }
            }
        }
        lines.append("transport:")
        lines.append("  kind: \(YAMLScalar.doubleQuoted(transport))")
        if transport == "file" { lines.append("  path: \(YAMLScalar.doubleQuoted("./\(name).jsonl"))") }
        if transport == "http" || transport == "otlp" {
            lines.append("  endpoint: \"http://localhost:4318/v1/traces\"")
        }
        switch runtime {
        case .path(let path)?:
            lines += ["runtime:", "  path: \(YAMLScalar.doubleQuoted(path))"]
        case .url(let url, let version)?:
            lines += [
                "runtime:", "  url: \(YAMLScalar.doubleQuoted(url))", "  from: \(YAMLScalar.doubleQuoted(version))",
            ]
        case nil:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
