import ArgumentParser
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// `--runtime-path DIR` / `--runtime-url URL` of `new` and `generate`: the runtime the generated package depends on
/// when its spec has no `runtime:`.
struct RuntimeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A checkout of exporter-scaffold the package depends on by path (when the spec has no runtime:).",
            valueName: "dir"
        ),
        completion: .directory
    )
    var runtimePath: String?

    @Option(
        help: ArgumentHelp(
            "A Git URL of exporter-scaffold the package depends on, from this scaffold's version (when the spec has "
                + "no runtime:).",
            valueName: "url"
        )
    )
    var runtimeUrl: String?

    /// Usage errors (exit 64): both flags, or a URL that is not one.
    func validate() throws {
        if runtimePath != nil, runtimeUrl != nil {
            throw ValidationError(
                "--runtime-path and --runtime-url cannot be used together: the package depends on one runtime"
            )
        }
        if let runtimeUrl, !Self.isGitURL(runtimeUrl) {
            throw ValidationError(
                "--runtime-url '\(runtimeUrl)' is not a Git URL (for example https://host/owner/exporter-scaffold.git, "
                    + "file:///path/to/repo.git or git@host:owner/exporter-scaffold.git)"
            )
        }
    }

    /// The checked flag, nil when neither is given; a `--runtime-path` that does not exist or is not a checkout of
    /// exporter-scaffold is an error (exit 2).
    func flag() throws(DiagnosticError) -> RuntimeFlag? {
        if let runtimeUrl { return .url(runtimeUrl) }
        guard let runtimePath else { return nil }
        try InputFile.check(
            runtimePath,
            role: .runtime,
            hint: "pass the root of a checkout of exporter-scaffold (the directory holding its Package.swift)"
        )
        guard RuntimeCheckout.isRuntimeCheckout(URL(fileURLWithPath: runtimePath)) else {
            throw DiagnosticError(
                .error(
                    .generatorIO,
                    "--runtime-path '\(runtimePath)' is not a checkout of exporter-scaffold: it has no Package.swift "
                        + "declaring the package 'exporter-scaffold'",
                    hint: "pass the root of a checkout of exporter-scaffold, or --runtime-url for a Git URL"
                )
            )
        }
        return .path(runtimePath)
    }

    /// A URL Git can clone: `scheme://rest` (https, ssh, git, file, ...) or scp-like `user@host:path`; no spaces.
    static func isGitURL(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        if let separator = text.range(of: "://") {
            let scheme = text[..<separator.lowerBound]
            let rest = text[separator.upperBound...]
            guard let first = scheme.first, first.isLetter, !rest.isEmpty else { return false }
            return scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
                && URL(string: text) != nil
        }
        guard let at = text.firstIndex(of: "@"), let colon = text[at...].firstIndex(of: ":") else { return false }
        let user = text[..<at]
        let host = text[text.index(after: at)..<colon]
        let path = text[text.index(after: colon)...]
        return !user.isEmpty && !host.isEmpty && !path.isEmpty && !host.contains("/")
    }
}
