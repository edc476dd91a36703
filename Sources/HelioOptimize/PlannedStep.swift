/// One step of a plan as set-points for the plant (kW, step averages).
public struct PlannedStep: Sendable, Equatable {
    /// Battery at the bus: positive discharging, negative charging.
    public var batteryKW: Double
    /// Gensets to run.
    public var dieselUnits: Int
    /// Genset output.
    public var dieselKW: Double
    /// Grid: positive importing, negative exporting.
    public var gridKW: Double

    /// Creates set-points.
    public init(batteryKW: Double, dieselUnits: Int, dieselKW: Double, gridKW: Double) {
        self.batteryKW = batteryKW
        self.dieselUnits = dieselUnits
        self.dieselKW = dieselKW
        self.gridKW = gridKW
    }

    /// Step `t` of `plan`, with fractional (relaxed) commitment turned into the fewest whole units
    /// that can produce the planned output.
    public init(plan: DispatchPlan, step t: Int, unitKW: Double) {
        let diesel = plan.dieselKW[t]
        batteryKW = plan.dischargeKW[t] - plan.chargeKW[t]
        dieselKW = diesel
        dieselUnits = unitKW > 0 && diesel > 1e-6 ? Int((diesel / unitKW - 1e-6).rounded(.up)) : 0
        gridKW = plan.importKW[t] - plan.exportKW[t]
    }
}
