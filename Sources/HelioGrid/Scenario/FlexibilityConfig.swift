/// `[load.flexibility]`: how much GPU work may move in time or be power-capped.
///
/// The rule-based EMS does not defer work; optimal and live dispatch use these limits.
public struct FlexibilityConfig: Sendable, Equatable {
    /// Share of IT energy that may be deferred, fraction.
    public var deferrableShare: Double = 0.15
    /// Longest deferral, hours.
    public var maxDeferralHours: Double = 12
    /// Lowest GPU power cap in an emergency, fraction of TDP.
    public var powerCapFloor: Double = 0.70

    /// Creates limits with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection) throws {
        let defaults = FlexibilityConfig()
        deferrableShare = try section.double("deferrable_share", default: defaults.deferrableShare, in: 0...1)
        maxDeferralHours = try section.double("max_deferral_hours", default: defaults.maxDeferralHours, in: 0...168)
        powerCapFloor = try section.double("power_cap_floor", default: defaults.powerCapFloor, in: 0...1)
        try section.finish()
    }
}
