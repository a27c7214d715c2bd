import ExporterDiagnostics
import ExporterYAML

/// Rewrites the `runtime:` entry of a spec's text, leaving every other line byte for byte as written (comments,
/// order, quoting), so a vendored copy's spec says where its runtime now is and `scaffold check` agrees with it.
public enum SpecRuntimeRewriter {
    /// `text` with its root `runtime:` entry replaced by `runtime` (appended when absent, removed when nil).
    ///
    /// - Parameter file: names the spec in diagnostics.
    /// - Throws: the spec's diagnostics when `text` is not a valid spec, or `GEN004` when the rewritten text does
    ///   not read back with the requested runtime (a layout this line-based edit cannot handle).
    public static func rewrite(
        _ text: String,
        runtime: RuntimeDependency?,
        file: String
    ) throws(DiagnosticError) -> String {
        let original = try SpecLoader.load(text: text, file: file)
        guard original.runtime != runtime else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        let replacement = runtime.map(entryLines) ?? []
        if let block = runtimeBlock(in: lines) {
            lines.replaceSubrange(block, with: replacement)
        } else {
            lines += replacement
        }
        let rewritten = lines.joined(separator: "\n") + (endsWithNewline || runtime != nil ? "\n" : "")
        let reread = try? SpecLoader.load(text: rewritten, file: file)
        guard let reread, reread.runtime == runtime else {
            throw DiagnosticError(
                .error(
                    .generatorIO,
                    "cannot rewrite the runtime entry of '\(file)'",
                    at: original.runtimeLocation,
                    hint: "write `runtime:` as a block mapping at the top level of the spec"
                )
            )
        }
        return rewritten
    }

    /// The lines of a `runtime` entry in block style, values as double-quoted (JSON-compatible) strings.
    static func entryLines(_ runtime: RuntimeDependency) -> [String] {
        switch runtime {
        case .path(let path): ["runtime:", "  path: \(YAMLScalar.doubleQuoted(path))"]
        case .url(let url, let version):
            ["runtime:", "  url: \(YAMLScalar.doubleQuoted(url))", "  from: \(YAMLScalar.doubleQuoted(version))"]
        }
    }

    /// The lines of the root `runtime:` entry: its key line and every following line that is indented or blank,
    /// trailing blank lines excluded (they separate it from the next entry).
    static func runtimeBlock(in lines: [String]) -> Range<Int>? {
        guard let start = lines.firstIndex(where: isRuntimeKey) else { return nil }
        var end = start + 1
        var lastContent = start
        while end < lines.count {
            let line = lines[end]
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                end += 1
                continue
            }
            guard line.first == " " || line.first == "\t" else { break }
            lastContent = end
            end += 1
        }
        return start..<(lastContent + 1)
    }

    private static func isRuntimeKey(_ line: String) -> Bool {
        for key in ["runtime", "\"runtime\"", "'runtime'"] where line.hasPrefix(key) {
            let rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
            if rest.first == ":" { return true }
        }
        return false
    }
}
