import ArgumentParser
import ExporterCore
import ExporterDiagnostics
import ExporterYAML
import Foundation
import ScaffoldGenerator

/// `scaffold new exporter NAME [--base B] [--transport T] [--field name:type[=default]]... [--auth KIND:FIELDS]
/// [--header NAME=FIELD]... [--output DIR] [--yes] [--runtime-path DIR | --runtime-url URL]`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an exporter package: write its exporter.yaml and generate it.",
        discussion: """
            `scaffold new exporter acme --base otel --transport otlp --field endpoint:url=https://acme.example/v1/\
            traces --field api_key:secret` writes acme/exporter.yaml (with a yaml-language-server modeline; the \
            schema goes to .scaffold/) and generates the package. Fields are wired into the transport by \
            convention, and each wiring is printed: a url field named endpoint (or the only url field) is \
            transport.endpoint; output_path or path is the file transport's path; a user and a password field \
            (user/username/public_key, password/secret_key/secret) are basic auth, else a single secret field is \
            bearer auth; --auth bearer:FIELD or basic:USER,PASSWORD and --header NAME=FIELD say what convention \
            cannot guess. A field nothing uses is listed with the line that would use it.

            In a terminal (standard input and output both a TTY) it asks for a missing base, transport (only those \
            the base allows) and config fields unless --yes, checks each answer as it is given, and shows the spec \
            before writing it; otherwise it never prompts and takes raw, console (otlp for otel) and no fields. \
            --runtime-path (a checkout of exporter-scaffold) or --runtime-url (a Git URL) is recorded as the \
            spec's runtime:, so 'scaffold generate' keeps it; without them the package depends on \
            SCAFFOLD_RUNTIME_URL, else on the published runtime, from this scaffold's version (a line \
            'runtime: ...' says which and why). Exits 2 for invalid input, an existing spec or a --runtime-path \
            that is not a checkout of exporter-scaffold; 1 when the spec shown was not confirmed.
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

    @Option(help: "raw, span or otel.", completion: .list(SpecCatalog.bases.map(\.name)))
    var base: String?

    @Option(
        help: "console, file, http, otlp or custom (otlp goes with base otel).",
        completion: .list(SpecCatalog.transports.map(\.name))
    )
    var transport: String?

    @Option(name: .customLong("field"), help: "A config field, name:type[=default] (repeatable).")
    var fields: [String] = []

    @Option(
        help: ArgumentHelp(
            "The transport's auth: bearer:FIELD or basic:USER_FIELD,PASSWORD_FIELD (http, otlp).",
            valueName: "kind:fields"
        )
    )
    var auth: String?

    @Option(
        name: .customLong("header"),
        help: ArgumentHelp("A header sending a field, NAME=FIELD (http, otlp; repeatable).", valueName: "name=field")
    )
    var headers: [String] = []

    @Option(help: "The package directory (default: ./NAME).", completion: .directory)
    var output: String?

    @Flag(help: "Never ask; take the defaults for what is missing.")
    var yes = false

    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        let terminal = Terminal.standardError
        let flag: RuntimeFlag?
        do {
            flag = try runtime.flag()
        } catch {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        // Questions only when a person can answer them: never with --yes, a redirected input or output.
        let prompter = !yes && isatty(0) == 1 && isatty(1) == 1 ? NewPrompter() : nil
        let base =
            self.base ?? prompter?.choose("base", from: SpecCatalog.bases.map(\.name), default: "raw") ?? "raw"
        let transport = self.transport ?? Self.transport(for: base, asking: prompter)
        let directory = URL(fileURLWithPath: output ?? name).standardizedFileURL
        let specURL = directory.appendingPathComponent("exporter.yaml")
        if FileManager.default.fileExists(atPath: specURL.path) {
            terminal.write("\(specURL.path) already exists; edit it and run 'scaffold generate' instead\n")
            throw ScaffoldExitCode.invalidInput
        }
        var draft: NewSpecDraft
        let text: String
        let report: [String]
        do {
            draft = NewSpecDraft(
                name: name,
                base: base,
                transport: transport,
                fields: try NewSpecDraft.fields(fields),
                auth: try NewSpecDraft.auth(auth),
                headers: try NewSpecDraft.headers(headers),
                runtime: flag.map { Self.recorded($0, specDirectory: directory) }
            )
            // Fields are asked for only when the rest is valid: otherwise every answer would be refused for a
            // problem no answer can fix (a transport the base does not take), reported below instead.
            if fields.isEmpty, let prompter, Self.problem(of: draft, with: []) == nil {
                draft.fields = try NewSpecDraft.fields(prompter.fields { Self.problem(of: draft, with: $0) })
            }
            text = try draft.text()
            report = try draft.transportLines().report
            _ = try SpecLoader.load(text: text, file: specURL.path)
        } catch {
            terminal.print(Self.fromArguments(error.diagnostics))
            throw ScaffoldExitCode.invalidInput
        }
        if let prompter {
            prompter.show("\n\(specURL.path):\n\(text)\n" + report.map { $0 + "\n" }.joined())
            guard prompter.confirm("write it and generate the package?") else {
                terminal.write("nothing was written\n")
                throw ScaffoldExitCode.problems
            }
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: specURL, options: .atomic)
        } catch {
            terminal.write("cannot write '\(specURL.path)': \(FileErrorReason.describe(error, path: specURL.path))\n")
            throw ScaffoldExitCode.invalidInput
        }
        if prompter == nil { for line in report { print(line) } }
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

    /// The transport for `base`: asked among those the base allows, or the default without a terminal; a base with
    /// one transport (otel) is not asked about.
    static func transport(for base: String, asking prompter: NewPrompter?) -> String {
        let choices = SpecCatalog.transports(forBase: base).map(\.name)
        let fallback = base == ExporterBase.otel.rawValue ? TransportKind.otlp.rawValue : TransportKind.console.rawValue
        guard let prompter, choices.count > 1 else {
            if let prompter, let only = choices.first {
                prompter.show("transport: \(only) (the only one for base \(base))\n")
            }
            return choices.count == 1 ? choices[0] : fallback
        }
        return prompter.choose("transport", from: choices, default: choices.contains(fallback) ? fallback : choices[0])
    }

    /// What is wrong with `draft` holding `fields` (as answered), or nil: the spec's own checks, so an answer is
    /// refused for exactly what would make the spec invalid.
    static func problem(of draft: NewSpecDraft, with fields: [String]) -> String? {
        var draft = draft
        // --auth and --header may name fields not answered yet; the whole spec is checked before it is shown.
        draft.auth = nil
        draft.headers = []
        do {
            draft.fields = try NewSpecDraft.fields(fields)
            _ = try SpecLoader.load(text: try draft.text(), file: "exporter.yaml")
            return nil
        } catch {
            return error.diagnostics.map { $0.message + ($0.hint.map { " (\($0))" } ?? "") }.joined(separator: "; ")
        }
    }

    /// Diagnostics of a spec not written yet: a position in it would point nowhere, the arguments are at fault.
    static func fromArguments(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location = nil
            diagnostic.message += " (in the arguments of 'scaffold new'; nothing was written)"
            return diagnostic
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

    /// The spec text of a draft without `--auth` or `--header`; values are YAML double-quoted scalars
    /// (`YAMLScalar.doubleQuoted`), so no input can change the document's shape.
    static func specText(
        name: String,
        base: String,
        transport: String,
        fields: [String],
        runtime: RuntimeDependency? = nil
    ) throws(DiagnosticError) -> String {
        try NewSpecDraft(
            name: name,
            base: base,
            transport: transport,
            fields: NewSpecDraft.fields(fields),
            runtime: runtime
        ).text()
    }
}
