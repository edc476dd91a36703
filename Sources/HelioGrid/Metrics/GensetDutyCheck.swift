/// Whether a run uses its gensets as their rating allows (``GensetRating``, ISO 8528-1:2018 §13.3)
/// and whether the fleet is firm with its largest unit out (N + 1).
///
/// - Standby (ESP) units may run at most 200 hours a year each: the check compares each unit's
///   mean run hours per simulated year.
/// - Prime (PRP) units may average at most 70 % of their rating over 24 hours: the check compares
///   each simulated day's genset energy with 70 % of the running units' rated energy that day (the
///   days on which the gensets ran).
/// - N + 1: the hours in which the facility load exceeded the fleet's rating less its largest unit,
///   so that losing one unit would leave load unserved without the battery.
public struct GensetDutyCheck: Sendable, Equatable {
    /// The fleet's rating.
    public var rating: GensetRating
    /// Mean run hours per unit per simulated year.
    public var runHoursPerUnitYear: Double
    /// Days whose average loading while running exceeded the prime limit (0 unless prime-rated).
    public var daysOverPrimeLimit: Int
    /// Hours in which the load exceeded the fleet less its largest unit.
    public var nMinusOneShortHours: Double

    /// The check of a run (0 hours and no warnings without gensets).
    public init(result: SimulationResult) {
        let diesel = result.scenario.diesel
        rating = diesel?.rating ?? .prime
        let units = Double(diesel == nil ? 1 : result.gensetUnits.count)
        runHoursPerUnitYear = result.totals.dieselUnitRunHours / units / Double(max(1, result.yearly.count))
        daysOverPrimeLimit = rating == .prime ? result.totals.dieselDaysOverPrimeLimit : 0
        nMinusOneShortHours = result.totals.nMinusOneShortHours
    }

    /// Plain-words warnings, empty when the fleet is used within its rating and firm at N + 1.
    public var warnings: [String] {
        var lines: [String] = []
        if rating == .standby && runHoursPerUnitYear > GensetRating.standbyHoursPerYear {
            lines.append("standby-rated gensets run \(Int(runHoursPerUnitYear.rounded())) h a year each; ISO 8528-1 ESP allows 200 h")
        }
        if daysOverPrimeLimit > 0 {
            lines.append("prime-rated gensets average above 70 % of their rating on \(daysOverPrimeLimit) day(s); ISO 8528-1 PRP allows 70 % over 24 h")
        }
        if nMinusOneShortHours > 0 {
            lines.append("load exceeds the fleet less its largest unit in \(Int(nMinusOneShortHours.rounded())) h (not firm at N + 1)")
        }
        return lines
    }
}
