/// Marks a ``YAMLRejectsUnknownKeys`` type whose `init(from:)` asks about every key and throws all of its own
/// problems at once (as a configuration read through a problem-collecting reader does).
///
/// When such a type throws, its unknown keys are reported with its problems, and decoding is not retried without
/// the entry read last: the type already found everything, and a retry without an entry could only invent problems
/// (a rule about two keys, broken by leaving one out).
public protocol YAMLReportsAllProblems: YAMLRejectsUnknownKeys {}
