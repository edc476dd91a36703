import HelioGrid

/// One span of project years a staged capacity-expansion LP (``StagedCapacityExpansion``) runs on
/// one representative year: between two changes of the campus (a stage where plant may be added, a
/// load phase), so its load and installed plant hold throughout.
public struct StagedCapacityYear: Sendable {
    /// Project years the span covers, from 1.
    public var years: ClosedRange<Int>
    /// Demand per hour of the span's representative year, kW (the load phase in force).
    public var loadKW: [Double]
    /// PV output per kWdc per hour, kW.
    public var pvPerKW: [Double]
    /// Genset rating factor per hour.
    public var ratingFactor: [Double]
    /// The span's design-day demand (N + 1), kW, and the lowest rating factor.
    public var peakLoadKW, lowestRatingFactor: Double

    /// A span; see the properties.
    public init(years: ClosedRange<Int>, loadKW: [Double], pvPerKW: [Double], ratingFactor: [Double], peakLoadKW: Double, lowestRatingFactor: Double) {
        self.years = years
        self.loadKW = loadKW
        self.pvPerKW = pvPerKW
        self.ratingFactor = ratingFactor
        self.peakLoadKW = peakLoadKW
        self.lowestRatingFactor = lowestRatingFactor
    }
}
