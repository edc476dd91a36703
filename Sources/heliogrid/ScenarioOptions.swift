import HelioGrid

/// Loads a scenario (or the embedded default) and applies command-line overrides, validating them
/// like the file's own keys.
enum ScenarioOptions {
    static func load(_ path: String?, dispatch: String?, timestep: Int?, years: Int?) throws -> Scenario {
        var scenario = try path.map(ScenarioLoader.load(path:)) ?? ScenarioLoader.loadDefault()
        if let dispatch {
            guard let strategy = DispatchConfig.Strategy(rawValue: dispatch) else {
                throw HelioError(.usage, "--dispatch must be rule, optimal or mpc, found '\(dispatch)'")
            }
            scenario.dispatch.strategy = strategy
        }
        if let timestep {
            guard SiteConfig.supportedTimesteps.contains(timestep) else {
                throw HelioError(.usage, "--timestep must be 60, 30, 15, 5 or 1, found \(timestep)")
            }
            scenario.site.timestepMinutes = timestep
        }
        if let years {
            guard (1...50).contains(years) else { throw HelioError(.usage, "--years must be 1 to 50, found \(years)") }
            scenario.site.years = years
        }
        return scenario
    }
}
