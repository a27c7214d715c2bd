import Foundation
import ScaffoldGenerator

/// The questions `scaffold new` asks in a terminal for what the command line left out; every answer is checked when
/// it is given, and a bad one is asked again with the reason.
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

    /// Config fields as `name:type[=default]`, one per answer, until an empty answer or the end of input; `check`
    /// says what is wrong with the fields so far plus a new one (nil when nothing), and a refused answer is asked
    /// again.
    func fields(check: ([String]) -> String?) -> [String] {
        var fields: [String] = []
        while true {
            show("config field, name:type[=default] (empty to finish): ")
            guard let answer = readAnswer()?.trimmingCharacters(in: .whitespaces) else {
                show("\n")
                return fields
            }
            if answer.isEmpty { return fields }
            if let problem = check(fields + [answer]) {
                show("'\(answer)': \(problem)\n")
            } else {
                fields.append(answer)
            }
        }
    }

    /// Yes for an empty answer, `y` or `yes`; no for `n`, `no` or the end of input; asks again after anything else.
    func confirm(_ question: String) -> Bool {
        while true {
            show("\(question) [Y/n]: ")
            guard let answer = readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased() else {
                show("\n")
                return false
            }
            if ["", "y", "yes"].contains(answer) { return true }
            if ["n", "no"].contains(answer) { return false }
            show("answer y or n\n")
        }
    }
}
