extension PlantSetpoints {
    /// The set-points that carry out `decision`: PV limited to what the decision uses only when it
    /// curtails (otherwise `pvRatingKW`, no limit).
    public init(decision: DispatchDecision, pvRatingKW: Double) {
        self.init(pvLimitKW: decision.curtailedKW > 0 ? decision.pvKW : pvRatingKW, batteryKW: decision.batteryKW,
                  dieselUnits: decision.dieselUnits, dieselKW: decision.dieselKW, gridKW: decision.gridKW)
    }
}
