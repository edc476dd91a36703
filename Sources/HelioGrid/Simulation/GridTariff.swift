/// The grid's tariff as the campus runs under it (docs/grid.md), the one home of prices, price
/// classes, month peaks and the bill for the engine, the live EMS and the MPC: each step's import and
/// export prices on the modelled year, its price class against its day (``GridSignal/priceClasses(_:stepsPerDay:battery:)``),
/// each billing month's highest import (``BillingMonths`` of the clock it runs on) and, per year, the
/// demand charge on those peaks and the fixed monthly charges — the utility tariff structure of NREL's
/// REopt (energy rates by period, monthly demand charges, export rates; Cutler et al., "REopt: A
/// Platform for Energy System Integration and Optimization", NREL/TP-7A40-70022, 2017).
public struct GridTariff: Sendable {
    /// The demand charge per kW of a month's peak import, currency.
    public let demandChargePerKWMonth: Double
    /// The fixed charge per month, currency.
    public let fixedChargePerMonth: Double
    /// The billing months of the clock the tariff runs on.
    public let months: BillingMonths
    private let importPrices: SharedConfig<[Double]>, exportPrices: SharedConfig<[Double]>
    private let priceClasses: SharedConfig<[GridSignal.PriceClass]>
    /// The first month with a recorded import and each month's peak from it, kW.
    private var firstMonth = 0
    private var peaksKW: [Double] = []

    /// The tariff of `grid` on `importPrices` and `exportPrices` (one year of steps, `stepsPerDay` a
    /// day, the modelled year's), billed in `months`; `battery` decides which prices are worth
    /// storing energy at.
    public init(grid: GridConfig, importPrices: [Double], exportPrices: [Double], stepsPerDay: Int, battery: BatteryConfig?,
                months: BillingMonths) {
        demandChargePerKWMonth = grid.demandChargePerKWMonth
        fixedChargePerMonth = grid.fixedChargePerMonth
        self.months = months
        self.importPrices = SharedConfig(importPrices)
        self.exportPrices = SharedConfig(exportPrices)
        priceClasses = SharedConfig(GridSignal.priceClasses(importPrices, stepsPerDay: stepsPerDay, battery: battery))
    }

    /// The tariff of `grid` on `inputs`' prices (the constants when they carry none), billed in `months`.
    public init(grid: GridConfig, inputs: SimulationInputs, battery: BatteryConfig?, months: BillingMonths) {
        let steps = inputs.axis.stepsPerYear
        self.init(grid: grid,
                  importPrices: inputs.gridPricePerKWh.isEmpty ? [Double](repeating: grid.pricePerKWh, count: steps) : inputs.gridPricePerKWh,
                  exportPrices: inputs.gridExportPricePerKWh.isEmpty ? [Double](repeating: grid.exportPricePerKWh, count: steps)
                      : inputs.gridExportPricePerKWh,
                  stepsPerDay: max(1, 1440 / inputs.axis.stepMinutes), battery: battery, months: months)
    }

    /// Whether the tariff has a demand charge.
    public var demandCharged: Bool { demandChargePerKWMonth > 0 }

    /// The tariff's word on step `stepOfYear` of the modelled year, in billing month `month`.
    @inline(__always)
    public func signal(atStepOfYear stepOfYear: Int, month: Int) -> GridSignal {
        GridSignal(priceClass: priceClasses.value[stepOfYear], monthPeakKW: peakKW(inMonth: month), demandCharged: demandCharged,
                   importPricePerKWh: importPrices.value[stepOfYear], exportPricePerKWh: exportPrices.value[stepOfYear])
    }

    /// The highest import recorded in `month` so far, kW (0 for a month with none).
    @inline(__always)
    public func peakKW(inMonth month: Int) -> Double {
        let index = month - firstMonth
        return index >= 0 && index < peaksKW.count ? peaksKW[index] : 0
    }

    /// Records an import of `kW` (a step's average) in `month`.
    @inline(__always)
    public mutating func recordImport(_ kW: Double, month: Int) {
        if peaksKW.isEmpty { firstMonth = month }
        let index = month - firstMonth
        guard index >= 0 else { return }
        while peaksKW.count <= index { peaksKW.append(0) }
        peaksKW[index] = max(peaksKW[index], kW)
    }

    /// Bills a step of `hours` at step `stepOfYear` in `month`: its imports and exports at their
    /// prices into `totals`, its import towards the month's peak.
    @inline(__always)
    public mutating func record(_ flows: StepFlows, atStepOfYear stepOfYear: Int, month: Int, hours: Double, into totals: inout EnergyTotals) {
        totals.gridImportCost += flows.importKWh * importPrices.value[stepOfYear]
        totals.gridExportRevenue += flows.exportKWh * exportPrices.value[stepOfYear]
        recordImport(flows.importKWh / hours, month: month)
    }

    /// Closes simulated year `year` (0 from the first) into `totals`: its twelve monthly peaks,
    /// demand and fixed charges.
    public func finishYear(_ year: Int, into totals: inout EnergyTotals) {
        let peaks = (0..<12).map { peakKW(inMonth: year * 12 + $0) }
        totals.monthlyPeakImportKW = peaks
        totals.gridDemandCharge = peaks.reduce(0, +) * demandChargePerKWMonth
        totals.gridFixedCharge = 12 * fixedChargePerMonth
    }
}
