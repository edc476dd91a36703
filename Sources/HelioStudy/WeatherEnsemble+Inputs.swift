import HelioGrid

extension WeatherEnsemble {
    /// `scenario`'s inputs on each of the ensemble's first `count` weather years (all of them when
    /// `nil`), prepared on all cores: what a study samples its years from.
    func inputs(of scenario: Scenario, count: Int? = nil) throws -> [SimulationInputs] {
        try ParallelMap.map(count ?? self.count) { try SimulationInputs.prepare(scenario, weather: weather($0)) }
    }
}
