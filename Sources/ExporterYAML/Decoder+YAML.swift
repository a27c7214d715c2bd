import ExporterDiagnostics

/// Access to the YAML being decoded from inside a custom `init(from:)`, e.g. to report a validation error at
/// the right position.
extension Decoder {
    /// The node being decoded when the decoder is a `YAMLDecoder`'s; nil for other decoders.
    public var yamlNode: YAMLNode? { (self as? YAMLNodeDecoder)?.node }

    /// Where the node being decoded starts, when the decoder is a `YAMLDecoder`'s.
    public var yamlLocation: SourceLocation? { yamlNode?.location }
}
