import HelioGrid

extension PlantSetpoints {
    /// Step `t` of `plan` as set-points: PV limited to what the plan uses, fractional (relaxed)
    /// commitment turned into the fewest whole units of `unitKW` that can produce the planned output.
    public init(plan: DispatchPlan, step t: Int, unitKW: Double) {
        let diesel = plan.dieselKW[t]
        let units = unitKW > 0 && diesel > 1e-6 ? Int((diesel / unitKW - 1e-6).rounded(.up)) : 0
        self.init(pvLimitKW: plan.pvKW[t], batteryKW: plan.dischargeKW[t] - plan.chargeKW[t], dieselUnits: units,
                  dieselKW: diesel, gridKW: plan.importKW[t] - plan.exportKW[t])
    }
}
