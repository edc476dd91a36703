extension StepFlows {
    /// The flows of a dispatch decision against `loadKW`, held for `hours`.
    @inline(__always)
    public init(_ decision: DispatchDecision, loadKW: Double, hours: Double) {
        self.init(loadKW: loadKW, pvKW: decision.pvKW, curtailedKW: decision.curtailedKW, batteryKW: decision.batteryKW,
                  dieselKW: decision.dieselKW, gridKW: decision.gridKW, unservedKW: decision.unservedKW, hours: hours)
    }
}
