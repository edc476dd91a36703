/// `[load.flexibility]`: how much GPU work may move in time or be power-capped, used when
/// `[dispatch] compute = "flexible"` (docs/compute.md).
public struct FlexibilityConfig: Sendable, Equatable {
    /// Share of GPU work (IT power above idle) that is deferrable batch work, fraction.
    public var deferrableShare: Double = 0.15
    /// Batch deadline: the longest a batch job may wait after it would have run, hours.
    public var maxDeferralHours: Double = 12
    /// Lowest power cap on training work, fraction of its uncapped power; no lower than
    /// ``lowestPowerCapFloor``.
    public var powerCapFloor: Double = 0.70
    /// What a GPU-hour of throughput lost to a power cap costs the campus, currency per GPU-hour.
    public var throughputCostPerGPUHour: Double = 2.0

    /// The lowest cap the throughput curve is calibrated for (``ThroughputCurve/zeus``'s first point).
    public static let lowestPowerCapFloor = 0.40

    /// Creates limits with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection) throws {
        let defaults = FlexibilityConfig()
        deferrableShare = try section.double("deferrable_share", default: defaults.deferrableShare, in: 0...1)
        maxDeferralHours = try section.double("max_deferral_hours", default: defaults.maxDeferralHours, in: 0...168)
        powerCapFloor = try section.double("power_cap_floor", default: defaults.powerCapFloor, in: Self.lowestPowerCapFloor...1)
        throughputCostPerGPUHour = try section.double("throughput_cost_per_gpu_hour", default: defaults.throughputCostPerGPUHour, in: 0...1000)
        try section.finish()
    }
}
