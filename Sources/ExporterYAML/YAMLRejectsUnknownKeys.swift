/// Marks a type whose mapping may hold only the keys its `init(from:)` asks about.
///
/// After such a type is decoded from a mapping, every key that was never queried (`decode`, `decodeIfPresent`,
/// `contains`, a nested container or super decoder) is reported as an unknown key at its position, all at once,
/// with a did-you-mean among the queried keys. `YAMLDecoder.ignoredKeys` exempts keys such as `_type`.
///
/// When decoding the value fails before every key was asked about, the keys its `CodingKey` type cannot spell
/// (`init(stringValue:)` returns nil, as for any `enum CodingKeys: String, CodingKey`) are reported with the failure,
/// so a type should read its mapping through the `CodingKey` types that name all of its keys.
public protocol YAMLRejectsUnknownKeys: Decodable {}
