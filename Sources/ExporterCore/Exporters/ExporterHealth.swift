/// How an exporter is doing, from its counters since it started: what an application's health endpoint reports.
///
/// - ``failing(reason:)``: it lost telemetry (events or items dropped, exports failed for good);
/// - ``degraded(reason:)``: nothing lost, but it had to retry, or gave up on items whose delivery is unconfirmed;
/// - ``healthy``: neither.
public enum ExporterHealth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nothing lost, nothing retried.
    case healthy
    /// Nothing lost, but the transport retried or items went unconfirmed; `reason` counts them.
    case degraded(reason: String)
    /// Telemetry was lost (dropped or failed); `reason` counts it.
    case failing(reason: String)

    /// The health the counters show; `retries` are the transport's retried requests (0 for a sink that never
    /// retries).
    public init(statistics: ExporterStatistics, retries: Int) {
        var losses: [String] = []
        if statistics.dropped > 0 { losses.append("dropped \(statistics.dropped)") }
        if statistics.failed > 0 { losses.append("failed \(statistics.failed)") }
        if !losses.isEmpty {
            self = .failing(reason: losses.joined(separator: ", "))
            return
        }
        var troubles: [String] = []
        if retries > 0 { troubles.append("retried \(retries) requests") }
        if statistics.unconfirmed > 0 { troubles.append("unconfirmed \(statistics.unconfirmed)") }
        self = troubles.isEmpty ? .healthy : .degraded(reason: troubles.joined(separator: ", "))
    }

    /// `healthy`, `degraded: REASON` or `failing: REASON`.
    public var description: String {
        switch self {
        case .healthy: "healthy"
        case .degraded(let reason): "degraded: \(reason)"
        case .failing(let reason): "failing: \(reason)"
        }
    }

    /// healthy < degraded < failing: the worst of several is their maximum.
    public static func < (lhs: ExporterHealth, rhs: ExporterHealth) -> Bool {
        lhs.severity < rhs.severity
    }

    private var severity: Int {
        switch self {
        case .healthy: 0
        case .degraded: 1
        case .failing: 2
        }
    }
}
