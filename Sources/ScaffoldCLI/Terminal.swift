import ExporterDiagnostics
import Foundation

/// Writes diagnostics and messages to a standard stream, coloured only on a terminal without `NO_COLOR`.
struct Terminal {
    static let standardError = Terminal(fileDescriptor: 2)
    static let standardOutput = Terminal(fileDescriptor: 1)

    let fileDescriptor: Int32

    var colored: Bool { TerminalColor.enabled(fileDescriptor: fileDescriptor) }

    func write(_ text: String) {
        let handle = fileDescriptor == 2 ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    /// Prints diagnostics compiler-style, with the source line and a caret when the file can be read.
    func print(_ diagnostics: [Diagnostic]) {
        let renderer = DiagnosticRenderer(colored: colored)
        var sources: [String: String] = [:]
        let text = renderer.render(diagnostics) { file in
            if let cached = sources[file] { return cached }
            let source = try? String(contentsOfFile: file, encoding: .utf8)
            sources[file] = source
            return source
        }
        write(text + "\n")
    }
}
