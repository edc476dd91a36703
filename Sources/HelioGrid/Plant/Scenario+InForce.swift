extension Scenario {
    /// The campus as it stands in project year `year` (from 1), as a fixed campus: the load in force
    /// and the plant installed by then (new), without phases or expansions.
    public func inForce(year: Int) -> Scenario {
        var fixed = self
        fixed.load = load.inForce(year: year)
        fixed.expansions = []
        let installed = PlantStages(scenario: self).installed(yearIndex: year - 1)
        fixed.pv?.dcKW = installed.pvKW
        fixed.battery?.energyKWh = installed.batteryKWh
        fixed.battery?.powerKW = installed.batteryKW
        fixed.diesel?.units = installed.dieselUnits
        return fixed
    }
}
