/// Diagnostic codes of the HTTP transport.
public enum TransportCode {
    /// A ``Secret`` decoded from an empty string.
    public static let emptySecret = "HTTP001"
    /// A dead-letter line that is not valid JSON.
    public static let deadLetterMalformedJSON = "HTTP002"
    /// A dead-letter line that is JSON but not a dead-letter record (missing or mistyped field, bad base64,
    /// unknown version).
    public static let deadLetterInvalidRecord = "HTTP003"
    /// A dead-letter file that cannot be read or rewritten.
    public static let deadLetterUnusableFile = "HTTP004"
}
