import HelioGrid

extension SimulationInputs {
    /// The load, PV available, grid factor and genset rating of every step of `scenario`'s run: each
    /// year's inputs repeated, PV degraded and replaced year by year as the engine does
    /// (``ComponentLives``). What perfect foresight knows. `years` narrows it to some of the run's years.
    public func wholeRun(_ scenario: Scenario, years: Range<Int>? = nil)
        -> (loadKW: [Double], pvAvailableKW: [Double], gridCarbonGPerKWh: [Double], dieselRating: [Double]) {
        let lives = ComponentLives(scenario: scenario)
        var load: [Double] = [], pv: [Double] = [], carbon: [Double] = [], rating: [Double] = []
        for year in years ?? 0..<scenario.site.years {
            let factor = lives.pvFactor(ageYears: ComponentLives.pvAgeYears(yearIndex: year))
            load += self.load.facilityKW
            pv += pvAvailableKW.map { $0 * factor }
            carbon += gridCarbonGPerKWh
            rating += gensetRatingFactor
        }
        return (load, pv, carbon, rating)
    }
}
