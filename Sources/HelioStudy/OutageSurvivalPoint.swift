/// The estimated probability of carrying the whole load through a grid outage of a given length.
public struct OutageSurvivalPoint: Sendable, Equatable {
    /// Outage length, hours.
    public var hours: Int
    /// Probability of serving the full load for those hours, averaged over start hours.
    public var probability: Double
    /// Half-width of its 95 % confidence interval.
    public var ci95: Double
}
