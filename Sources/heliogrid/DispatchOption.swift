import ArgumentParser
import HelioGrid

/// `--dispatch rule|load-following|cycle-charging|optimal|mpc` with `--forecast`, `--forecast-members` and `--compute`,
/// shared by the commands that run a campus; each passes the strategies it runs (``StrategyFactory``'s simulation or live list).
struct DispatchOption: ParsableArguments {
    @Option(help: "Dispatch strategy (overrides [dispatch] strategy): rule, load-following, cycle-charging, optimal or mpc (serve: all but optimal).")
    var dispatch: DispatchConfig.Strategy?
    @Option(help: "What mpc plans on in a simulation (overrides [dispatch] forecast): blend (PV persistence blended with climatology), persistence or perfect (the true future).")
    var forecast: DispatchConfig.Forecast?
    @Option(help: "Forecast-ensemble members each mpc plan hedges across, 1 to 20 (overrides [dispatch] forecast_members; 1: the point forecast alone).")
    var forecastMembers: Int?
    @Option(help: "GPU work (overrides [dispatch] compute): rigid, or flexible (batch deferred within its deadline, training power-capped; docs/compute.md).")
    var compute: DispatchConfig.Compute?

    /// Sets the scenario's strategy from `--dispatch`, refusing one outside `allowed`.
    func apply(to scenario: inout Scenario, allowed: [DispatchConfig.Strategy]) throws {
        if let forecast { scenario.dispatch.forecast = forecast }
        if let forecastMembers {
            let allowed = 1...DispatchConfig.maximumForecastMembers
            guard allowed.contains(forecastMembers) else {
                throw HelioError(.usage, "--forecast-members must be \(allowed.lowerBound) to \(allowed.upperBound), found \(forecastMembers)")
            }
            scenario.dispatch.forecastMembers = forecastMembers
        }
        if let compute { scenario.dispatch.compute = compute }
        guard let dispatch else { return try scenario.checkStages() }
        guard allowed.contains(dispatch) else {
            let names = allowed.map(\.rawValue)
            let choices = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
            throw HelioError(.usage, "--dispatch must be \(choices) here, found '\(dispatch.rawValue)'")
        }
        scenario.dispatch.strategy = dispatch
        try scenario.checkStages()
    }
}
