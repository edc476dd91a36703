/// Meters the genset duty figures of ``GensetDutyCheck`` step by step: hours in which the load
/// exceeds the fleet less its largest unit (at the step's derated output), and days whose genset energy exceeds 70 % of the running
/// units' rated energy (ISO 8528-1 PRP).
struct GensetDutyMeter {
    /// Fleet rating less its largest unit, kW (`nil` without gensets).
    private var firmKW: Double?
    private let unitKW: Double
    private let stepsPerDay: Int
    private var dayDieselKWh = 0.0
    private var dayRatedKWh = 0.0

    /// A meter for `diesel` on steps of `stepMinutes`.
    init(diesel: DieselConfig?, stepMinutes: Int) {
        firmKW = diesel.map { Double($0.units - 1) * $0.unitKW }
        unitKW = diesel?.unitKW ?? 0
        stepsPerDay = 1440 / stepMinutes
    }

    /// The fleet grew to `diesel` (an expansion).
    mutating func expand(to diesel: DieselConfig) {
        firmKW = Double(diesel.units - 1) * diesel.unitKW
    }

    /// Records step `index` of the year (load and genset output in kW held for `hours`, units
    /// derated to `ratingFactor` of their rating).
    @inline(__always)
    mutating func record(index: Int, loadKW: Double, dieselKW: Double, units: Int, ratingFactor: Double, hours: Double,
                         into totals: inout EnergyTotals) {
        guard let firmKW else { return }
        if loadKW > firmKW * ratingFactor { totals.nMinusOneShortHours += hours }
        dayDieselKWh += dieselKW * hours
        dayRatedKWh += Double(units) * unitKW * hours
        guard (index + 1) % stepsPerDay == 0 else { return }
        // A day run at exactly the limit is within it (a relative 1e-9 for the sum's rounding).
        if dayRatedKWh > 0 && dayDieselKWh > GensetRating.primeAverageLoading * dayRatedKWh * (1 + 1e-9) { totals.dieselDaysOverPrimeLimit += 1 }
        dayDieselKWh = 0
        dayRatedKWh = 0
    }
}
