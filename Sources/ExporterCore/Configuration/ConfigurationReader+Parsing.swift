import ExporterDiagnostics
import Foundation

extension ConfigurationReader {
    /// `text` as an absolute URL (with a scheme), or nil.
    public static func absoluteURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme, !scheme.isEmpty else { return nil }
        return url
    }

    /// `text` as an absolute http or https URL with a host, or nil.
    public static func httpURL(_ text: String) -> URL? {
        guard let url = absoluteURL(text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    /// A URL written in a spec and checked when the package was generated; never fails (text that is not an
    /// absolute URL becomes a file URL).
    public static func literalURL(_ text: String) -> URL {
        absoluteURL(text) ?? URL(fileURLWithPath: text)
    }

    /// The http or https URL an exporter sends to, from a configuration value or a spec literal.
    ///
    /// - Parameters:
    ///   - text: the URL's text; empty when the field it comes from is not set.
    ///   - key: the configuration key it comes from, for the message.
    ///   - context: the exporter being built: its name and section position go into the message.
    /// - Throws: `CFG004` at the section when `text` is empty or not an http(s) URL.
    public static func endpoint(
        _ text: String,
        key: String,
        context: ExporterBuildContext
    ) throws(DiagnosticError) -> URL {
        if let url = httpURL(text) { return url }
        let problem = text.isEmpty ? "is not set" : "is not an http or https URL: '\(text)'"
        throw DiagnosticError(
            .error(
                .configurationInvalidValue,
                "exporter '\(context.name)': the endpoint ('\(key)') \(problem)",
                at: context.location,
                hint: "set '\(key)' to a URL such as https://host/v1/traces"
            )
        )
    }

    /// `url` with its password and query (where credentials hide) shown as ``Secret/redacted``: how an effective
    /// setting shows a URL.
    public static func masked(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return Secret.redacted }
        if components.password != nil { components.password = Secret.redacted }
        if components.query != nil { components.percentEncodedQuery = Secret.redacted }
        return components.string ?? Secret.redacted
    }

    /// `a,b,c` from an environment variable, each element (trimmed of spaces) parsed; nil when one does not
    /// parse.
    public static func list<Element>(_ text: String, _ parse: (String) -> Element?) -> [Element]? {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let parsed = items.compactMap(parse)
        return parsed.count == items.count ? parsed : nil
    }

    /// Every element of `values` converted; nil when one does not convert (a list of enum values, of URLs).
    public static func all<Element, Result>(_ values: [Element], _ convert: (Element) -> Result?) -> [Result]? {
        let converted = values.compactMap(convert)
        return converted.count == values.count ? converted : nil
    }

    /// `key=value,key2=value2` from an environment variable; nil when an entry has no `=`.
    public static func map(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        for item in text.split(separator: ",") {
            guard let equals = item.firstIndex(of: "=") else { return nil }
            let key = item[..<equals].trimmingCharacters(in: .whitespaces)
            result[key] = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// Whether `value` matches the regular expression `pattern` as a whole; false for an invalid pattern.
    public static func matches(_ value: String, _ pattern: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return value.wholeMatch(of: regex) != nil
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`, any case) from an environment variable.
    public static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }
}
