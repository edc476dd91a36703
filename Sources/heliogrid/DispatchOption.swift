import ArgumentParser
import HelioGrid

/// `--dispatch rule|load-following|cycle-charging|optimal|mpc`, shared by the commands that run a campus; each passes the
/// strategies it runs (``StrategyFactory``'s simulation or live list).
struct DispatchOption: ParsableArguments {
    @Option(help: "Dispatch strategy (overrides [dispatch] strategy): rule, load-following, cycle-charging, optimal or mpc (serve: all but optimal).")
    var dispatch: String?
    @Option(help: "What mpc plans on in a simulation (overrides [dispatch] forecast): blend (PV persistence blended with climatology), persistence or perfect (the true future).")
    var forecast: String?
    @Option(help: "GPU work (overrides [dispatch] compute): rigid, or flexible (batch deferred within its deadline, training power-capped; docs/compute.md).")
    var compute: String?

    /// Sets the scenario's strategy from `--dispatch`, refusing one outside `allowed`.
    func apply(to scenario: inout Scenario, allowed: [DispatchConfig.Strategy]) throws {
        if let forecast {
            guard let choice = DispatchConfig.Forecast(rawValue: forecast) else {
                throw HelioError(.usage, "--forecast must be blend, persistence or perfect, found '\(forecast)'")
            }
            scenario.dispatch.forecast = choice
        }
        if let compute {
            guard let choice = DispatchConfig.Compute(rawValue: compute) else {
                throw HelioError(.usage, "--compute must be rigid or flexible, found '\(compute)'")
            }
            scenario.dispatch.compute = choice
        }
        guard let dispatch else { return }
        guard let strategy = DispatchConfig.Strategy(rawValue: dispatch), allowed.contains(strategy) else {
            let names = allowed.map(\.rawValue)
            let choices = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
            throw HelioError(.usage, "--dispatch must be \(choices), found '\(dispatch)'")
        }
        scenario.dispatch.strategy = strategy
    }
}
