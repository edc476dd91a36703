/// The MPC's latest plan laid out on its plan steps from the step it was solved in, look-ahead
/// blocks spread over the steps they cover (flows held at the block's mean, stored energy
/// interpolated across it): what the live EMS shows as its forward plan and places flexible GPU
/// jobs on (docs/compute.md). Powers are plan-step averages at the bus, kW.
public struct MPCPlanView: Sendable, Equatable {
    /// Index of the first plan step (the clock's plan steps since its origin; clock hours live).
    public var firstStep: Int
    /// Plan step length, hours.
    public var stepHours: Double
    /// Load the plan was solved for (measured for the first step, then forecast), kW.
    public var loadKW: [Double]
    /// PV available the plan was solved for, kW.
    public var pvAvailableKW: [Double]
    /// PV used, kW.
    public var pvKW: [Double]
    /// Battery charging, kW.
    public var chargeKW: [Double]
    /// Battery discharging, kW.
    public var dischargeKW: [Double]
    /// Genset output, kW.
    public var dieselKW: [Double]
    /// Gensets committed (a relaxed step's fraction of a unit rounded up to the unit).
    public var dieselUnits: [Int]
    /// Grid import, kW.
    public var importKW: [Double]
    /// Unserved demand, kW.
    public var unservedKW: [Double]
    /// Stored energy at the start of each step, kWh.
    public var startEnergyKWh: [Double]
    /// Battery capacity the plan used, kWh (0 without a battery).
    public var capacityKWh: Double

    /// Plan steps laid out.
    public var count: Int { loadKW.count }

    /// `plan` of `horizon`, solved in plan step `firstStep`.
    public init(plan: DispatchPlan, horizon: DispatchHorizon, firstStep: Int) {
        self.firstStep = firstStep
        stepHours = horizon.stepHours
        capacityKWh = horizon.capacityKWh
        (loadKW, pvAvailableKW, pvKW, chargeKW, dischargeKW, dieselKW, importKW, unservedKW) = ([], [], [], [], [], [], [], [])
        (dieselUnits, startEnergyKWh) = ([], [])
        for t in 0..<horizon.count {
            let steps = max(1, Int((horizon.hours(at: t) / horizon.stepHours).rounded()))
            let startKWh = t == 0 ? horizon.initialEnergyKWh : plan.energyKWh[t - 1]
            for j in 0..<steps {
                loadKW.append(horizon.loadKW[t])
                pvAvailableKW.append(horizon.pvAvailableKW[t])
                pvKW.append(plan.pvKW[t])
                chargeKW.append(plan.chargeKW[t])
                dischargeKW.append(plan.dischargeKW[t])
                dieselKW.append(plan.dieselKW[t])
                dieselUnits.append(max(0, Int((plan.dieselUnits[t] - 1e-6).rounded(.up))))
                importKW.append(plan.importKW[t])
                unservedKW.append(plan.unservedKW[t])
                startEnergyKWh.append(startKWh + (plan.energyKWh[t] - startKWh) * Double(j) / Double(steps))
            }
        }
    }

    /// Facility power the plan carries without gensets or the grid in step `index`, counting the PV it
    /// curtails: PV available less battery charging plus discharging, kW.
    public func cleanKW(at index: Int) -> Double {
        pvAvailableKW[index] - chargeKW[index] + dischargeKW[index]
    }
}
