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

extension DispatchPlan {
    /// The step-by-step mean of equally likely member plans (at least one, of one length); cost and
    /// solve time are the first member's until the caller sets them.
    init(mean plans: [DispatchPlan]) {
        func mean(_ values: KeyPath<DispatchPlan, [Double]>) -> [Double] {
            var sum = plans[0][keyPath: values]
            for plan in plans.dropFirst() {
                for (index, value) in plan[keyPath: values].enumerated() { sum[index] += value }
            }
            return sum.map { $0 / Double(plans.count) }
        }
        self.init(pvKW: mean(\.pvKW), chargeKW: mean(\.chargeKW), dischargeKW: mean(\.dischargeKW), energyKWh: mean(\.energyKWh),
                  dieselKW: mean(\.dieselKW), dieselUnits: mean(\.dieselUnits), importKW: mean(\.importKW), exportKW: mean(\.exportKW),
                  unservedKW: mean(\.unservedKW), batchKW: mean(\.batchKW), trainingKW: mean(\.trainingKW),
                  cost: plans[0].cost, solveSeconds: plans[0].solveSeconds)
    }
}
