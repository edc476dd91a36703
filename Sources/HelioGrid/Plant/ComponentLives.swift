import Foundation

/// When each component of the plant wears out — the one life model the simulator replaces
/// components by and the lifetime economics pay for.
///
/// - PV: modules degrade by `degradation_per_year`, compounded from installation (the PVWatts/SAM
///   lifetime mode), and are replaced after ``pvYears``.
/// - Battery: replaced when its capacity fade (calendar plus rainflow cycle damage since
///   installation, ``Battery/age(toYears:)``) reaches ``batteryEndOfLifeFade``, the 80 %-capacity
///   end of life HOMER's lifetime model and battery warranties use; or, under `augmentation =
///   "maintain"`, brought back to nameplate each year; or never (`"none"`). Its power electronics
///   last ``inverterLifeYears``.
/// - Gensets: each unit replaced when its run hours since installation reach `diesel_life_hours`,
///   HOMER's generator lifetime in operating hours (HOMER Pro manual, "Generator Lifetime"), or its
///   engine is `diesel_life_years` old, whichever comes first; given a major overhaul every
///   `diesel_overhaul_hours` in between.
public struct ComponentLives: Sendable, Equatable {
    /// PV module life, years (NREL Annual Technology Baseline 2024 assumes 30; 25 is the common
    /// warranty term, used here conservatively).
    public static let pvYears = 25

    /// PV output lost per year, fraction.
    public var pvDegradationPerYear: Double
    /// Battery fade at end of life, fraction of nameplate.
    public var batteryEndOfLifeFade: Double
    /// Genset life, run hours per unit.
    public var gensetHours: Double
    /// Genset calendar life, years.
    public var gensetYears: Double
    /// Run hours between a genset's major overhauls.
    public var gensetOverhaulHours: Double
    /// How the battery's cells are kept: replaced at end of life, augmented yearly, or left to fade.
    public var batteryAugmentation: BatteryAugmentation
    /// Life of the battery's power electronics, years.
    public var inverterLifeYears: Double

    /// The lives of `scenario`'s plant.
    public init(scenario: Scenario) {
        pvDegradationPerYear = scenario.pv?.degradationPerYear ?? 0
        batteryEndOfLifeFade = Battery.endOfLifeFade
        gensetHours = scenario.economics.dieselLifeHours
        gensetYears = scenario.economics.dieselLifeYears
        gensetOverhaulHours = scenario.economics.dieselOverhaulHours
        batteryAugmentation = scenario.battery?.augmentation ?? .replace
        inverterLifeYears = scenario.battery?.inverterLifeYears ?? BatteryConfig(energyKWh: 1, powerKW: 1).inverterLifeYears
    }

    /// Age of the PV modules in project year `yearIndex` (from 0): replaced every ``pvYears``.
    @inline(__always)
    public static func pvAgeYears(yearIndex: Int) -> Int { yearIndex % pvYears }

    /// PV output of modules `ageYears` old, fraction of new.
    @inline(__always)
    public func pvFactor(ageYears: Int) -> Double { pow(1 - pvDegradationPerYear, Double(ageYears)) }
}
