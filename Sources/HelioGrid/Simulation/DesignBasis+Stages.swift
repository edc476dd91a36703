extension DesignBasis {
    /// The design basis of a campus that grows: each year it changes in (``Scenario/stageYears``)
    /// judged with its load and plant (``Scenario/inForce(year:)``) on `inputs`' year, and the one with
    /// the least margin kept. A fixed campus's is ``init(scenario:weather:load:)``'s.
    public static func tightest(scenario: Scenario, weather: WeatherData, inputs: SimulationInputs) -> DesignBasis {
        guard scenario.isStaged else { return DesignBasis(scenario: scenario, weather: weather, load: inputs.load) }
        let bases = scenario.stageYears.map { year in
            var basis = DesignBasis(scenario: scenario.inForce(year: year), weather: weather, load: inputs.year(year - 1).load)
            basis.year = year
            return basis
        }
        return bases.min { $0.firmKW - $0.facilityKW < $1.firmKW - $1.facilityKW }!
    }
}
