import ExporterDiagnostics

// `JSONParser`, located at the offending byte; trace files (`TRACE`) report them for lines that are not JSON.
extension DiagnosticCode {
    /// Unexpected end: the input ended inside a value, or was empty.
    public static let jsonUnexpectedEnd = DiagnosticCode("JSON001")

    /// Unexpected character: a character that cannot start a value, or breaks a `true`, `false` or `null`.
    public static let jsonUnexpectedCharacter = DiagnosticCode("JSON002")

    /// Malformed number: leading zeros, a missing digit, or a number that does not read.
    public static let jsonMalformedNumber = DiagnosticCode("JSON003")

    /// Invalid escape: an escape sequence in a string that JSON does not define, or a bad `\u` escape.
    public static let jsonInvalidEscape = DiagnosticCode("JSON004")

    /// Control character: an unescaped control character in a string.
    public static let jsonControlCharacter = DiagnosticCode("JSON005")

    /// Invalid UTF-8: a byte that is not valid UTF-8, or a truncated sequence.
    public static let jsonInvalidUTF8 = DiagnosticCode("JSON006")

    /// Nesting too deep: arrays and objects nest deeper than the parser's `maximumDepth`.
    public static let jsonNestingTooDeep = DiagnosticCode("JSON007")

    /// Trailing content: something other than whitespace follows the value.
    public static let jsonTrailingContent = DiagnosticCode("JSON008")

    /// Missing delimiter: a `,` `:` `]` `}` or an object key is missing where one is needed.
    public static let jsonMissingDelimiter = DiagnosticCode("JSON009")
}
