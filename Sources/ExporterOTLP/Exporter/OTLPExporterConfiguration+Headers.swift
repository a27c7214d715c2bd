import ExporterCore
import ExporterHTTP
import ExporterYAML

extension OTLPExporterConfiguration {
    /// `headers` in the order written. Names must be HTTP tokens and must not be ones the exporter sets itself;
    /// values must be scalars without line breaks. Values never appear in messages: they are often credentials.
    static func headers(
        _ map: ConfigurationEntry<ConfigurationMap<YAMLNode>>?,
        _ reader: inout ConfigurationReader
    )
        -> HTTPHeaders
    {
        var headers = HTTPHeaders()
        for element in map?.value.elements ?? [] {
            let name = element.key.value
            guard isToken(name) else {
                reader.report(
                    "header names must be HTTP tokens (letters, digits and !#$%&'*+-.^_`|~)",
                    at: element.key.location
                )
                continue
            }
            if reservedHeaders.contains(name.lowercased()) {
                reader.report(
                    "header '\(name)' is set by the exporter itself",
                    at: element.key.location,
                    hint: "use 'encoding' for Content-Type and 'compression' for Content-Encoding"
                )
                continue
            }
            let node = element.value.value
            guard let scalar = node.scalar, !node.isNull,
                !scalar.value.unicodeScalars.contains(where: breaksALine)
            else {
                reader.report("the value of header '\(name)' must be text on one line", at: element.value.location)
                continue
            }
            headers.add(name: name, value: scalar.value)
        }
        return headers
    }

    static var reservedHeaders: Set<String> { ["content-type", "content-encoding", "content-length", "host"] }

    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                isAlphanumeric(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
            }
    }
}
