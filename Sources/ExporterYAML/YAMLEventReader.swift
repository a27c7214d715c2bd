import CYAML
import ExporterDiagnostics

/// One libyaml event, copied out of libyaml's memory.
struct YAMLEvent {
    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(YAMLScalar, anchor: String?)
        case sequenceStart(anchor: String?)
        case sequenceEnd
        case mappingStart(anchor: String?)
        case mappingEnd
    }

    var kind: Kind
    var location: SourceLocation
}

/// Pulls events from libyaml's event parser over a UTF-8 buffer that outlives the reader.
///
/// A class so that libyaml's parser state has a stable address and is freed exactly once.
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    private let file: String?

    /// Sets up libyaml over `input` (valid UTF-8 without a BOM; it must stay valid while the reader is used).
    static func make(input: UnsafeBufferPointer<UInt8>, file: String?) throws(DiagnosticError) -> YAMLEventReader {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw DiagnosticError(.error(.yamlParserFailure, "libyaml could not be initialised"))
        }
        return YAMLEventReader(parser: parser, input: input, file: file)
    }

    private init(parser: UnsafeMutablePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>, file: String?) {
        self.parser = parser
        self.input = input
        self.file = file
        // libyaml needs a pointer even for empty input; an empty buffer may have none.
        emptyInput = .allocate(capacity: 1)
        emptyInput.initialize(to: 0)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress ?? UnsafePointer(emptyInput), input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        emptyInput.deallocate()
    }

    private let emptyInput: UnsafeMutablePointer<UInt8>

    /// The next event, or a diagnostic for libyaml's error.
    func next() throws(DiagnosticError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }
        let location = location(of: event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return YAMLEvent(kind: .streamStart, location: location)
        case YAML_STREAM_END_EVENT:
            return YAMLEvent(kind: .streamEnd, location: location)
        case YAML_DOCUMENT_START_EVENT:
            return YAMLEvent(kind: .documentStart, location: location)
        case YAML_DOCUMENT_END_EVENT:
            return YAMLEvent(kind: .documentEnd, location: location)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias(anchor: Self.string(event.data.alias.anchor) ?? ""), location: location)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value =
                data.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
                } ?? ""
            let anchor = Self.string(data.anchor)
            var scalar = YAMLScalar(value, style: Self.style(data.style), tag: Self.string(data.tag))
            try Self.checkScalarTag(scalar, at: location)
            scalar.verbatimColumn = Self.verbatimColumn(
                of: scalar,
                hasProperties: anchor != nil || scalar.tag != nil,
                start: event.start_mark,
                end: event.end_mark
            )
            return YAMLEvent(kind: .scalar(scalar, anchor: anchor), location: location)
        case YAML_SEQUENCE_START_EVENT:
            try Self.checkCollectionTag(Self.string(event.data.sequence_start.tag), kind: "seq", at: location)
            return YAMLEvent(
                kind: .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor)),
                location: location
            )
        case YAML_SEQUENCE_END_EVENT:
            return YAMLEvent(kind: .sequenceEnd, location: location)
        case YAML_MAPPING_START_EVENT:
            try Self.checkCollectionTag(Self.string(event.data.mapping_start.tag), kind: "map", at: location)
            return YAMLEvent(
                kind: .mappingStart(anchor: Self.string(event.data.mapping_start.anchor)),
                location: location
            )
        case YAML_MAPPING_END_EVENT:
            return YAMLEvent(kind: .mappingEnd, location: location)
        default:
            throw DiagnosticError(
                .error(.yamlParserFailure, "libyaml produced an unexpected event", at: location)
            )
        }
    }

    func location(of mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// libyaml's error as a diagnostic: its problem text at its problem mark, its context as the hint.
    private func currentError() -> DiagnosticError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch state.error {
        case YAML_READER_ERROR:
            let location = YAMLSourceText.location(ofByteOffset: state.problem_offset, in: input, file: file)
            var message = problem
            if state.problem_value >= 0 {
                message += " (U+\(String(state.problem_value, radix: 16, uppercase: true)))"
            }
            return DiagnosticError(.error(.yamlInvalidText, message, at: location))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let location = location(of: state.problem_mark)
            let contextMark = state.context_mark
            var hint = state.context.map {
                "\(String(cString: $0)) at \(contextMark.line + 1):\(contextMark.column + 1)"
            }
            if YAMLSourceText.scalar(at: location, in: input) == "\t" {
                hint = "YAML does not allow tabs for indentation; indent with spaces"
            }
            return DiagnosticError(.error(.yamlSyntaxError, problem, at: location, hint: hint))
        default:
            return DiagnosticError(.error(.yamlParserFailure, "libyaml failed: \(problem)", at: nil))
        }
    }

    private static let coreTagPrefix = "tag:yaml.org,2002:"

    /// The tag as written, for messages: `!!int` for a core tag, else the tag itself.
    private static func written(_ tag: String) -> String {
        tag.hasPrefix(coreTagPrefix) ? "!!" + tag.dropFirst(coreTagPrefix.count) : tag
    }

    /// Refuses a scalar tag other than the core schema's (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, and the
    /// non-specific `!`), and a core tag its value does not fit (`!!int abc`): an unknown tag would otherwise be
    /// dropped silently, and the value read as if it were not there.
    private static func checkScalarTag(_ scalar: YAMLScalar, at location: SourceLocation) throws(DiagnosticError) {
        guard let tag = scalar.tag, tag != "!" else { return }
        guard tag.hasPrefix(coreTagPrefix) else {
            throw DiagnosticError(
                .error(
                    .yamlUnsupportedTag,
                    "unsupported tag '\(written(tag))'",
                    at: location,
                    hint: "remove the tag; the core tags !!str, !!int, !!float, !!bool and !!null are understood"
                )
            )
        }
        let type = YAMLScalar.coreType(of: scalar.value)
        let fits: Bool
        switch tag.dropFirst(coreTagPrefix.count) {
        case "str": fits = true
        case "int": fits = type == .int
        case "float": fits = type == .float || type == .int
        case "bool": fits = type == .bool
        case "null": fits = type == .null
        default:
            throw DiagnosticError(
                .error(
                    .yamlUnsupportedTag,
                    "unsupported tag '\(written(tag))'",
                    at: location,
                    hint: "the core tags !!str, !!int, !!float, !!bool and !!null are understood"
                )
            )
        }
        guard fits else {
            throw DiagnosticError(
                .error(.yamlUnsupportedTag, "'\(scalar.value)' is not a valid '\(written(tag))'", at: location)
            )
        }
    }

    /// Refuses a collection tag other than `!!seq` for a sequence and `!!map` for a mapping (or `!`).
    private static func checkCollectionTag(
        _ tag: String?,
        kind: String,
        at location: SourceLocation
    ) throws(DiagnosticError) {
        guard let tag, tag != "!", tag != coreTagPrefix + kind else { return }
        throw DiagnosticError(
            .error(
                .yamlUnsupportedTag,
                "unsupported tag '\(written(tag))' on a \(kind == "seq" ? "sequence" : "mapping")",
                at: location,
                hint: "remove the tag"
            )
        )
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The column of the value's first character when the value is its source text verbatim on one line.
    ///
    /// libyaml's mark index counts characters and a node's start mark is at its anchor or tag when it has one.
    /// A one-line plain scalar is always verbatim and ends at the end mark; a quoted one is verbatim when its
    /// span is exactly the value plus two quotes (no escapes), which can only be told without anchor or tag.
    private static func verbatimColumn(
        of scalar: YAMLScalar,
        hasProperties: Bool,
        start: yaml_mark_t,
        end: yaml_mark_t
    ) -> Int? {
        guard start.line == end.line else { return nil }
        let length = scalar.value.unicodeScalars.count
        switch scalar.style {
        case .plain:
            return Int(end.column) - length + 1
        case .singleQuoted, .doubleQuoted:
            guard !hasProperties, end.index - start.index == length + 2 else { return nil }
            return Int(start.column) + 2
        case .literal, .folded:
            return nil
        }
    }
}
