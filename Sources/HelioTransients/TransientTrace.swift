/// One transient run at its step (the `transients.csv` contract, docs/output-contract.md): every
/// column has one value per step and the bus balances on every row,
/// `loadKW = pvKW + bessKW + gensetKW`.
public struct TransientTrace: Sendable {
    /// Step, s.
    public var stepSeconds: Double
    /// IT power the jobs draw before GPU-side smoothing, and after it, kW.
    public var itRawKW: [Double], itKW: [Double]
    /// Facility demand, kW.
    public var loadKW: [Double]
    /// PV delivered, kW.
    public var pvKW: [Double]
    /// Battery at the bus, kW (positive discharging).
    public var bessKW: [Double]
    /// Gensets' electrical output, kW.
    public var gensetKW: [Double]
    /// Bus frequency, Hz, and the frequency the droop settles at for the gensets' output.
    public var frequencyHz: [Double], steadyHz: [Double]
    /// State of charge at the end of each step.
    public var soc: [Double]
    /// Gensets running.
    public var gensetUnits: [Int]
    /// Energy the GPU-side smoothing burned above the jobs' own power, kWh.
    public var gpuBurnedKWh: Double
    /// Genset starts the run commanded, and when each unit joined the bus, s.
    public var startsJoinedS: [Double]

    /// Number of steps.
    public var count: Int { loadKW.count }
}
