import ArgumentParser
import HelioGrid

/// `--dispatch rule|load-following|cycle-charging|optimal|mpc`, shared by the commands that run a campus; each passes the
/// strategies it runs (``StrategyFactory``'s simulation or live list).
struct DispatchOption: ParsableArguments {
    @Option(help: "Dispatch strategy (overrides [dispatch] strategy): rule, load-following, cycle-charging, optimal or mpc (serve: all but optimal).")
    var dispatch: DispatchConfig.Strategy?
    @Option(help: "What mpc plans on in a simulation (overrides [dispatch] forecast): blend (PV persistence blended with climatology), persistence or perfect (the true future).")
    var forecast: DispatchConfig.Forecast?
    @Option(help: "GPU work (overrides [dispatch] compute): rigid, or flexible (batch deferred within its deadline, training power-capped; docs/compute.md).")
    var compute: DispatchConfig.Compute?

    /// Sets the scenario's strategy from `--dispatch`, refusing one outside `allowed`.
    func apply(to scenario: inout Scenario, allowed: [DispatchConfig.Strategy]) throws {
        if let forecast { scenario.dispatch.forecast = forecast }
        if let compute { scenario.dispatch.compute = compute }
        guard let dispatch else { return }
        guard allowed.contains(dispatch) else {
            let names = allowed.map(\.rawValue)
            let choices = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
            throw HelioError(.usage, "--dispatch must be \(choices) here, found '\(dispatch.rawValue)'")
        }
        scenario.dispatch.strategy = dispatch
    }
}
