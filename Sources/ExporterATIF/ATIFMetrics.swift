/// A step's `metrics`: what one LLM call cost.
import ExporterEvents

public struct ATIFMetrics: Sendable, Hashable {
    /// `prompt_tokens`, cached ones included.
    public var promptTokens: Int?
    /// `completion_tokens`.
    public var completionTokens: Int?
    /// `cached_tokens`: the part of `prompt_tokens` served from a cache.
    public var cachedTokens: Int?
    /// `cost_usd`.
    public var costUSD: Double?
    /// `prompt_token_ids`.
    public var promptTokenIDs: [Int]?
    /// `completion_token_ids`.
    public var completionTokenIDs: [Int]?
    /// `logprobs`: one per generated token.
    public var logprobs: [Double]?
    /// `extra`: other metrics (the builder writes `reasoning_tokens` here).
    public var extra: JSONObject?

    /// Creates metrics.
    public init(
        promptTokens: Int? = nil,
        completionTokens: Int? = nil,
        cachedTokens: Int? = nil,
        costUSD: Double? = nil,
        promptTokenIDs: [Int]? = nil,
        completionTokenIDs: [Int]? = nil,
        logprobs: [Double]? = nil,
        extra: JSONObject? = nil
    ) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cachedTokens = cachedTokens
        self.costUSD = costUSD
        self.promptTokenIDs = promptTokenIDs
        self.completionTokenIDs = completionTokenIDs
        self.logprobs = logprobs
        self.extra = extra
    }
}

/// A trajectory's `final_metrics`: totals over every step.
public struct ATIFFinalMetrics: Sendable, Hashable {
    /// `total_prompt_tokens`, cached ones included.
    public var totalPromptTokens: Int?
    /// `total_completion_tokens`.
    public var totalCompletionTokens: Int?
    /// `total_cached_tokens`.
    public var totalCachedTokens: Int?
    /// `total_cost_usd`.
    public var totalCostUSD: Double?
    /// `total_steps`: equals the number of steps unless the trajectory's `notes` say why not.
    public var totalSteps: Int?
    /// `extra`: custom aggregate metrics.
    public var extra: JSONObject?

    /// Creates final metrics.
    public init(
        totalPromptTokens: Int? = nil,
        totalCompletionTokens: Int? = nil,
        totalCachedTokens: Int? = nil,
        totalCostUSD: Double? = nil,
        totalSteps: Int? = nil,
        extra: JSONObject? = nil
    ) {
        self.totalPromptTokens = totalPromptTokens
        self.totalCompletionTokens = totalCompletionTokens
        self.totalCachedTokens = totalCachedTokens
        self.totalCostUSD = totalCostUSD
        self.totalSteps = totalSteps
        self.extra = extra
    }

    /// Sums the metrics of `steps`; `total_steps` is the number of steps.
    public init(summing steps: [ATIFStep]) {
        var prompt = 0, completion = 0, cached = 0
        var cost: Double?
        for metrics in steps.lazy.compactMap(\.metrics) {
            prompt += metrics.promptTokens ?? 0
            completion += metrics.completionTokens ?? 0
            cached += metrics.cachedTokens ?? 0
            if let stepCost = metrics.costUSD { cost = (cost ?? 0) + stepCost }
        }
        self.init(
            totalPromptTokens: prompt,
            totalCompletionTokens: completion,
            totalCachedTokens: cached,
            totalCostUSD: cost,
            totalSteps: steps.count
        )
    }
}
