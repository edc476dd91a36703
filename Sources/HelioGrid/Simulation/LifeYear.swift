/// One simulated year of the life model (``ComponentLives``): how the components aged and what was
/// replaced, and their state at the year's end, from which the economics project later years.
public struct LifeYear: Sendable, Equatable {
    /// Project year, from 1.
    public var year: Int
    /// PV output during the year, fraction of new modules.
    public var pvFactor: Double
    /// Whether the PV modules were replaced at the start of the year.
    public var pvReplaced: Bool
    /// PV module age at the year's end, years.
    public var pvAgeYears: Int
    /// Battery capacity during the year, fraction of nameplate.
    public var batteryCapacityFraction: Double
    /// Battery fade accrued during the year, fraction of nameplate.
    public var batteryFadeGain: Double
    /// Battery fade reached at the year's end, before any replacement.
    public var batteryFadeAtEnd: Double
    /// Whether the battery reached end of life and was replaced at the year's end.
    public var batteryReplaced: Bool
    /// Capacity added at the year's end to bring the battery back to nameplate (augmentation
    /// `maintain`), kWh; 0 otherwise.
    public var batteryAugmentedKWh: Double = 0
    /// Cells bought at the year's end to replace worn ones, kWh: the whole battery, or the worn
    /// purchases of a battery that grew; 0 when none.
    public var batteryReplacedKWh: Double = 0
    /// The battery's purchases at the year's end when it grew (``BatteryTranche``); empty otherwise.
    public var batteryTranches: [BatteryTranche] = []
    /// Hours each genset ran during the year.
    public var gensetUnitHours: [Double]
    /// Each genset's engine hours at the year's end, after replacements.
    public var gensetHoursSinceInstall: [Double]
    /// Gensets replaced at the year's end.
    public var gensetUnitsReplaced: Int
    /// Each genset's hours since its last overhaul (or installation) at the year's end.
    public var gensetHoursSinceOverhaul: [Double] = []
    /// Each genset engine's age at the year's end, years (0 when replaced then).
    public var gensetYearsSinceInstall: [Int] = []
    /// Gensets given a major overhaul at the year's end.
    public var gensetOverhauls = 0

    /// Battery fade carried into the next year: 0 after a replacement or an augmentation.
    public var batteryFadeAfter: Double { batteryReplaced || batteryAugmentedKWh > 0 ? 0 : batteryFadeAtEnd }
}
