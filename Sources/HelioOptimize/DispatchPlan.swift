import HelioLP

/// The optimal flows over a horizon, per step (kW, step averages), and the plan's cost.
public struct DispatchPlan: Sendable {
    /// PV used, kW.
    public var pvKW: [Double]
    /// Battery charging at the bus, kW.
    public var chargeKW: [Double]
    /// Battery discharging at the bus, kW.
    public var dischargeKW: [Double]
    /// Stored energy at the end of each step, kWh.
    public var energyKWh: [Double]
    /// Genset output, kW.
    public var dieselKW: [Double]
    /// Gensets committed (fractional when commitment was relaxed).
    public var dieselUnits: [Double]
    /// Grid import, kW.
    public var importKW: [Double]
    /// Grid export, kW.
    public var exportKW: [Double]
    /// Unserved demand, kW.
    public var unservedKW: [Double]
    /// Batch GPU work run, kW at full power (empty when the load was given).
    public var batchKW: [Double] = []
    /// Training power drawn, kW (empty when the load was given).
    public var trainingKW: [Double] = []
    /// Objective value: fuel, carbon, O&M, wear, grid energy and unserved penalty, currency.
    public var cost: Double
    /// Solver wall time, seconds.
    public var solveSeconds: Double
    /// With integer commitment, the gap between the plan's cost and the best bound proven (0:
    /// optimal); `nil` for an LP.
    public var relativeGap: Double? = nil
    /// The optimal basis and where the steps lie in the program, to warm-start the next re-plan
    /// (`nil` when branch and cut found the plan).
    public var warmStart: (basis: Basis, layout: PlanLayout)?
}
