import HelioGrid

/// What the capacity-expansion LP (``CapacityExpansion``) sizes against: the scenario with its
/// `[size]` section and the year's hourly demand, PV per kWdc and genset derating, with the peak
/// demand and the worst derating the N + 1 rule uses.
public struct CapacityExpansionYear: Sendable {
    /// The scenario (costs, plant data, limits).
    public var scenario: Scenario
    /// The `[size]` section.
    public var config: SizeConfig
    /// Demand per hour of the year, kW.
    public var loadKW: [Double]
    /// PV output per kWdc per hour, kW.
    public var pvPerKW: [Double]
    /// Genset rating factor per hour (ambient derating).
    public var ratingFactor: [Double]
    /// The year's peak demand, kW.
    public var peakLoadKW: Double
    /// The year's lowest rating factor.
    public var lowestRatingFactor: Double
    /// Sizes the LP must take (kWdc, kWh, kW, units), to price one design under its cost model;
    /// `nil` lets it choose within the `[size]` lists' spans.
    public var fixedSizes: (pvKW: Double, batteryKWh: Double, batteryKW: Double, dieselUnits: Int)?

    /// A year; see the properties.
    public init(scenario: Scenario, config: SizeConfig, loadKW: [Double], pvPerKW: [Double], ratingFactor: [Double], peakLoadKW: Double,
                lowestRatingFactor: Double) {
        self.scenario = scenario
        self.config = config
        self.loadKW = loadKW
        self.pvPerKW = pvPerKW
        self.ratingFactor = ratingFactor
        self.peakLoadKW = peakLoadKW
        self.lowestRatingFactor = lowestRatingFactor
    }
}
