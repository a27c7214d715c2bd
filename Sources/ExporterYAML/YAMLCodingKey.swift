/// The coding keys the decoder makes itself: sequence indices and the `super` key.
struct YAMLCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    /// Whether the key is a sequence index, shown as `[n]` in key paths.
    let isIndex: Bool

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
        self.isIndex = false
    }

    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
        self.isIndex = true
    }

    static let superKey = YAMLCodingKey(stringValue: "super")
}
