import Foundation

/// Where every step's carbon goes: the per-step ledger of a run, with the battery as a carbon pool.
///
/// Each step, the carbon of the energy supplied to the bus — genset fuel (Scope 1) and grid imports
/// (Scope 2, location-based) plus what the battery releases — is shared over the energy taken from
/// the bus (campus load, battery charging, export) in proportion to energy: every kWh leaving the
/// bus in a step carries that step's supply intensity. Energy charged carries its intensity into the
/// pool; energy discharged carries the pool's running average (carbon over stored energy, losses
/// and self-discharge keeping their carbon in the pool), the average-cost pooling of the GHG Protocol
/// Scope 2 Guidance (2015) applied to storage. So, exactly, every step:
/// carbon in (fuel + imports) = carbon attributed (load + export) + change in the pool's carbon.
/// The same pooling tracks the fossil share of stored energy for the hourly carbon-free-energy
/// score. The battery starts with no carbon in it (its first charge is unknown).
public struct CarbonLedger: Sendable {
    /// Carbon emitted into the bus per step (fuel and imports), kgCO₂e.
    public var emittedKg: [Double]
    /// Carbon attributed to the campus load per step, kgCO₂e.
    public var loadKg: [Double]
    /// Carbon attributed to exported energy per step, kgCO₂e.
    public var exportKg: [Double]
    /// Carbon in the battery pool at the end of each step, kgCO₂e.
    public var poolKg: [Double]
    /// Intensity of the power the campus used per step, gCO₂e/kWh (0 when nothing was served).
    public var loadIntensityGPerKWh: [Double]
    /// Carbon-free energy served to the load per step, kWh.
    public var carbonFreeKWh: [Double]
    /// Energy served to the load per step, kWh.
    public var servedKWh: [Double]

    /// Builds the ledger of a run's step series (`result.series` must be recorded).
    public init(series: StepSeries, scenario: Scenario, stepHours: Double) {
        var pool = BatteryCarbonPool(battery: scenario.battery, stepHours: stepHours)
        self.init(series: series, stepHours: stepHours, pool: &pool)
    }

    /// Builds the ledger of `series` — a stretch of a run, one year of many — continuing the battery
    /// carbon `pool` as the stretch before left it, and leaving it as this one ends.
    public init(series: StepSeries, stepHours: Double, pool: inout BatteryCarbonPool) {
        let count = series.count
        emittedKg = series.co2Kg
        loadKg = Array(repeating: 0, count: count)
        exportKg = Array(repeating: 0, count: count)
        poolKg = Array(repeating: 0, count: count)
        loadIntensityGPerKWh = Array(repeating: 0, count: count)
        carbonFreeKWh = Array(repeating: 0, count: count)
        servedKWh = Array(repeating: 0, count: count)
        for t in 0..<count {
            let flows = series.flows(at: t, stepHours: stepHours)
            let carbon = pool.attribute(flows, emittedKg: series.co2Kg[t])
            loadKg[t] = carbon.loadKg
            exportKg[t] = carbon.exportKg
            poolKg[t] = carbon.poolKg
            loadIntensityGPerKWh[t] = carbon.intensityGPerKWh
            servedKWh[t] = flows.servedKWh
            carbonFreeKWh[t] = carbon.carbonFreeKWh
        }
    }

    /// Hourly-matched 24/7 carbon-free-energy score: Σ carbon-free energy served / Σ energy served,
    /// each step matched on its own (surplus in one step never counts in another; Google, "24/7
    /// Carbon-Free Energy: Methodologies and Metrics", 2021).
    public var carbonFreeScore: Double {
        let served = servedKWh.reduce(0, +)
        return served > 0 ? carbonFreeKWh.reduce(0, +) / served : 0
    }
}
