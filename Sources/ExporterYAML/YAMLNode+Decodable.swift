/// Decoding a `YAMLNode` with `YAMLDecoder` yields the raw node with its positions, so that a configuration type
/// can keep a subtree to interpret later.
extension YAMLNode: Decodable {
    /// Takes the decoder's node; fails for decoders other than `YAMLDecoder`'s.
    public init(from decoder: any Decoder) throws {
        guard let node = decoder.yamlNode else {
            throw DecodingError.typeMismatch(
                YAMLNode.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a YAMLNode can only be decoded by YAMLDecoder"
                )
            )
        }
        self = node
    }
}
