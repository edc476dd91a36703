import HelioGrid

extension SimulationInputs {
    /// The load, PV available, grid factor and genset rating of every step of `scenario`'s run: each
    /// year's inputs (``year(_:)``: the weather year repeated, or a load phase's), PV degraded and
    /// replaced year by year as the engine does (``ComponentLives``; each purchase of a campus that
    /// grows from its own year, ``PlantStages``). What perfect foresight knows. `years` narrows it to
    /// some of the run's years.
    public func wholeRun(_ scenario: Scenario, years: Range<Int>? = nil)
        -> (loadKW: [Double], pvAvailableKW: [Double], gridCarbonGPerKWh: [Double], dieselRating: [Double]) {
        let lives = ComponentLives(scenario: scenario)
        let stages = PlantStages(scenario: scenario)
        var load: [Double] = [], pv: [Double] = [], carbon: [Double] = [], rating: [Double] = []
        for year in years ?? 0..<scenario.site.years {
            let inputs = self.year(year)
            let factor = stages.pvFactor(yearIndex: year, lives: lives)
            load += inputs.load.facilityKW
            pv += inputs.pvAvailableKW.map { $0 * factor }
            carbon += inputs.gridCarbonGPerKWh
            rating += inputs.gensetRatingFactor
        }
        return (load, pv, carbon, rating)
    }
}
