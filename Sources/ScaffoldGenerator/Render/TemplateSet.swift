import ExporterDiagnostics
import Mustache

/// The templates the renderer uses: the built-in ones embedded at build time, each replaceable by name.
public struct TemplateSet: Sendable {
    /// The first line every template must start with: swift-mustache escapes for HTML unless told otherwise, and
    /// every partial starts again in HTML mode.
    public static let requiredFirstLine = "{{%CONTENT_TYPE: TEXT}}"

    /// The built-in templates: name → text (`Package.swift` for `Templates/Package.swift.mustache`).
    public static var builtIn: [String: String] { EmbeddedTemplates.all }

    let library: MustacheLibrary

    /// Parses the built-in templates with `overrides` replacing those of the same name.
    ///
    /// - Throws: `GEN001` for a template that does not start with ``requiredFirstLine`` or does not parse, and
    ///   for an override that names no built-in template.
    public init(overrides: [String: String] = [:]) throws(DiagnosticError) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        for name in overrides.keys.sorted() where Self.builtIn[name] == nil {
            diagnostics.append(
                .error(
                    .generatorBadTemplate,
                    "'\(name).mustache' does not replace a built-in template",
                    hint: "built-in templates: \(Self.builtIn.keys.sorted().joined(separator: ", "))"
                )
            )
        }
        for (name, text) in Self.builtIn.merging(overrides, uniquingKeysWith: { _, override in override })
            .sorted(by: { $0.key < $1.key })
        {
            let file = "\(name).mustache"
            guard text.hasPrefix(Self.requiredFirstLine + "\n") else {
                diagnostics.append(
                    .error(
                        .generatorBadTemplate,
                        "template '\(file)' must start with the line \(Self.requiredFirstLine)",
                        at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "without it swift-mustache escapes values for HTML"
                    )
                )
                continue
            }
            do {
                try library.register(text, named: name)
            } catch {
                diagnostics.append(
                    .error(
                        .generatorBadTemplate,
                        "template '\(file)' does not parse: \(error)",
                        at: SourceLocation(file: file, line: 1, column: 1)
                    )
                )
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        self.library = library
    }

    /// `name` rendered with `context` (a ``TemplateContext``, or a ``FileTemplateContext`` over one).
    func render(_ name: String, _ context: Any) throws(DiagnosticError) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw DiagnosticError(.error(.generatorBadTemplate, "no template named '\(name)'"))
        }
        return text
    }
}
