extension Scenario {
    /// A warning when the optimal or MPC dispatch keeps a contingency reserve (`contingency_reserve`)
    /// that the battery is too weak to hold: its power below one genset's rating, so losing a running
    /// unit the others cannot cover would shed load until a genset starts. `nil` otherwise. The reserve
    /// itself is modelled in the dispatch LP (HelioOptimize's `DispatchProblem`).
    public var contingencyReserveWarning: String? {
        guard dispatch.contingencyReserve, dispatch.strategy == .optimal || dispatch.strategy == .mpc,
              let battery, battery.powerKW > 0 else { return nil }
        guard let diesel, battery.powerKW < diesel.unitKW else { return nil }
        return "battery power \(Int(battery.powerKW.rounded())) kW is below one genset's \(Int(diesel.unitKW.rounded())) kW: "
            + "the contingency reserve covers only part of losing a running unit"
    }
}
