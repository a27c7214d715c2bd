import ExporterDiagnostics

/// Why the ``ExporterManager`` refused a request.
public enum ExporterManagerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No blueprint is registered under `name`; `available` lists the registered names.
    case unknownExporter(name: String, available: [String])

    public var description: String {
        switch self {
        case .unknownExporter(let name, let available):
            let known = available.isEmpty ? "none are registered" : "registered: \(available.joined(separator: ", "))"
            let hint = DidYouMean.hint(for: name, among: available).map { "; \($0)" } ?? ""
            return "no exporter named '\(name)' (\(known))\(hint)"
        }
    }
}
