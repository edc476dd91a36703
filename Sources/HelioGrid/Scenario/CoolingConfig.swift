/// `[load.cooling]`: facility PUE as a function of ambient temperature.
public struct CoolingConfig: Sendable, Equatable {
    /// PUE at or below `tempLowC`.
    public var pueAtLow: Double = 1.10
    /// Temperature of the low point, °C.
    public var tempLowC: Double = 10.0
    /// PUE at or above `tempHighC`.
    public var pueAtHigh: Double = 1.40
    /// Temperature of the high point, °C.
    public var tempHighC: Double = 45.0
    /// Share of the cooling and facility overhead at design IT load that runs whatever the IT load
    /// (fans, pumps, controls, lighting); the rest follows IT power. 0 makes the overhead proportional.
    public var fixedShare: Double = 0.3

    /// Creates a cooling curve with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection) throws {
        let defaults = CoolingConfig()
        pueAtLow = try section.double("pue_at_low", default: defaults.pueAtLow, in: 1...5)
        tempLowC = try section.double("temp_low_c", default: defaults.tempLowC, in: -60...70)
        pueAtHigh = try section.double("pue_at_high", default: defaults.pueAtHigh, in: 1...5)
        tempHighC = try section.double("temp_high_c", default: defaults.tempHighC, in: -60...70)
        guard tempLowC < tempHighC else {
            throw section.error("temp_high_c", "must be above temp_low_c (\(tempLowC))")
        }
        fixedShare = try section.double("fixed_share", default: defaults.fixedShare, in: 0...1)
        try section.finish()
    }
}
