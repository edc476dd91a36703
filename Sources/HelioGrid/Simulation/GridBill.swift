/// The grid's bill as a run goes (docs/grid.md): each step's imports at its price and exports at its
/// export price, each calendar month's highest import (a step's average kW) and, at the year's end,
/// the demand charge on those peaks and the fixed monthly charges — the utility tariff structure of
/// NREL's REopt (energy rates by period, monthly demand charges, export rates; Cutler et al., "REopt:
/// A Platform for Energy System Integration and Optimization", NREL/TP-7A40-70022, 2017). It also
/// tells the rule-based EMS each step's ``GridSignal``.
struct GridBill {
    private let importPrices: [Double], exportPrices: [Double]
    private let priceClasses: [GridSignal.PriceClass]
    private let monthStarts: [Int]
    private let demandChargePerKWMonth: Double, fixedChargePerMonth: Double
    private var month = 0
    private var peaksKW = [Double](repeating: 0, count: 12)

    /// The bill of `grid` (none: nothing is billed) on `inputs`' prices, or the constants when the
    /// inputs carry none; `battery` decides which prices are worth storing energy at.
    init(grid: GridConfig?, inputs: SimulationInputs, battery: BatteryConfig?) {
        let steps = inputs.axis.stepsPerYear
        importPrices = inputs.gridPricePerKWh.isEmpty ? [Double](repeating: grid?.pricePerKWh ?? 0, count: steps) : inputs.gridPricePerKWh
        exportPrices = inputs.gridExportPricePerKWh.isEmpty ? [Double](repeating: grid?.exportPricePerKWh ?? 0, count: steps)
            : inputs.gridExportPricePerKWh
        priceClasses = GridSignal.priceClasses(importPrices, stepsPerDay: max(1, 1440 / inputs.axis.stepMinutes), battery: battery)
        monthStarts = inputs.axis.monthStartSteps
        demandChargePerKWMonth = grid?.demandChargePerKWMonth ?? 0
        fixedChargePerMonth = grid?.fixedChargePerMonth ?? 0
    }

    /// Starts a year's bill.
    mutating func startYear() {
        month = 0
        for m in peaksKW.indices { peaksKW[m] = 0 }
    }

    /// The signal for step `index` of the year (called before the step is decided).
    @inline(__always)
    mutating func signal(at index: Int) -> GridSignal {
        while index >= monthStarts[month + 1] { month += 1 }
        return GridSignal(priceClass: priceClasses[index], monthPeakKW: peaksKW[month], demandCharged: demandChargePerKWMonth > 0,
                          importPricePerKWh: importPrices[index], exportPricePerKWh: exportPrices[index])
    }

    /// Bills step `index` of the year (after its ``signal(at:)``).
    @inline(__always)
    mutating func record(_ flows: StepFlows, index: Int, hours: Double, into totals: inout EnergyTotals) {
        totals.gridImportCost += flows.importKWh * importPrices[index]
        totals.gridExportRevenue += flows.exportKWh * exportPrices[index]
        peaksKW[month] = max(peaksKW[month], flows.importKWh / hours)
    }

    /// Closes the year: its monthly peaks, demand and fixed charges.
    func finishYear(into totals: inout EnergyTotals) {
        totals.monthlyPeakImportKW = peaksKW
        totals.gridDemandCharge = peaksKW.reduce(0, +) * demandChargePerKWMonth
        totals.gridFixedCharge = 12 * fixedChargePerMonth
    }
}
