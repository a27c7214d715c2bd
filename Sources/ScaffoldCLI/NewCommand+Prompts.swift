import Foundation
import ScaffoldGenerator

/// The questions `scaffold new` asks in a terminal for what the command line left out.
struct NewPrompter {
    /// Reads one line of the answer; nil at the end of input.
    var readAnswer: () -> String? = { readLine() }
    /// Shows a question or a complaint.
    var show: (String) -> Void = { text in
        print(text, terminator: "")
        fflush(nil)
    }

    /// One of `choices`; the default for an empty answer or the end of input; asks again after anything else.
    func choose(_ question: String, from choices: [String], default value: String) -> String {
        while true {
            show("\(question) (\(choices.joined(separator: ", "))) [\(value)]: ")
            guard let answer = readAnswer()?.trimmingCharacters(in: .whitespaces) else {
                show("\n")
                return value
            }
            if answer.isEmpty { return value }
            if choices.contains(answer) { return answer }
            show("'\(answer)' is not one of \(choices.joined(separator: ", "))\n")
        }
    }

    /// Config fields as `name:type[=default]`, one per answer, until an empty answer or the end of input.
    func fields() -> [String] {
        var fields: [String] = []
        while true {
            show("config field, name:type[=default] (empty to finish): ")
            guard let answer = readAnswer()?.trimmingCharacters(in: .whitespaces) else {
                show("\n")
                return fields
            }
            if answer.isEmpty { return fields }
            let declaration = answer.split(separator: "=", maxSplits: 1).first.map(String.init) ?? answer
            let parts = declaration.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                fields.append(answer)
            } else {
                show("'\(answer)' is not name:type[=default], for example batch_size:int=50\n")
            }
        }
    }
}
