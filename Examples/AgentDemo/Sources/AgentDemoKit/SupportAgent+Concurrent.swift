import ExporterRuntime

extension SupportAgent {
    /// Plays `conversations` concurrently (each its own trace, with its own session and user) and returns their
    /// outcomes in the order given. Child tasks inherit the current hub, so every event reaches the current run.
    ///
    /// - Throws: the first error a conversation throws (the others are then cancelled).
    public func answerConcurrently(_ conversations: [Conversation]) async throws -> [ConversationOutcome] {
        try await withThrowingTaskGroup(of: (Int, ConversationOutcome).self) { group in
            for (index, conversation) in conversations.enumerated() {
                group.addTask { (index, try await answer(conversation)) }
            }
            var outcomes = [ConversationOutcome?](repeating: nil, count: conversations.count)
            for try await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
    }
}
