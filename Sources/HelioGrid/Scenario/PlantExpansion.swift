/// One entry of `[[expansions]]`: plant added at the start of project year ``year``. The additions
/// are of the scenario's own kinds: PV like `[pv]` (same array, `pv_kw` more kWdc at its DC/AC
/// ratio), cells and power electronics like `[battery]`, units like `[diesel]`. Each ages from its
/// own installation and is paid in the year before it runs (``LifeProjection``).
public struct PlantExpansion: Sendable, Equatable {
    /// Project year from which the addition runs, from 2 (year 1's plant is the scenario's).
    public var year: Int
    /// PV added, kWdc.
    public var pvKW: Double
    /// Battery energy added, kWh.
    public var batteryKWh: Double
    /// Battery power added, kW.
    public var batteryKW: Double
    /// Gensets added, units of `[diesel] unit_kw`.
    public var dieselUnits: Int

    /// Creates an expansion; sizes in kWdc, kWh, kW and units.
    public init(year: Int, pvKW: Double = 0, batteryKWh: Double = 0, batteryKW: Double = 0, dieselUnits: Int = 0) {
        self.year = year
        self.pvKW = pvKW
        self.batteryKWh = batteryKWh
        self.batteryKW = batteryKW
        self.dieselUnits = dieselUnits
    }

    /// Whether it adds nothing.
    public var isEmpty: Bool { pvKW == 0 && batteryKWh == 0 && batteryKW == 0 && dieselUnits == 0 }

    /// Reads one `[[expansions]]` entry; each addition needs the section it extends.
    init(_ section: inout ScenarioSection, scenario: Scenario, previousYear: Int) throws {
        year = try section.int("year", in: 2...max(2, scenario.economics.projectYears))
        guard year > previousYear else {
            throw section.error("year", "expansions must follow each other in time: year \(year) comes after year \(previousYear)")
        }
        pvKW = try section.double("pv_kw", default: 0, in: 0...1e9)
        batteryKWh = try section.double("battery_kwh", default: 0, in: 0...1e9)
        batteryKW = try section.double("battery_kw", default: 0, in: 0...1e9)
        dieselUnits = try section.int("diesel_units", default: 0, in: 0...1000)
        for (key, added, present, name) in [("pv_kw", pvKW > 0, scenario.pv != nil, "pv"),
                                            ("battery_kwh", batteryKWh > 0, scenario.battery != nil, "battery"),
                                            ("battery_kw", batteryKW > 0, scenario.battery != nil, "battery"),
                                            ("diesel_units", dieselUnits > 0, scenario.diesel != nil, "diesel")] where added && !present {
            throw section.error(key, "adds to [\(name)], which the scenario does not have: the section says what kind of plant is added")
        }
        guard !isEmpty else { throw section.error("year", "adds nothing: give pv_kw, battery_kwh, battery_kw or diesel_units") }
        try section.finish()
    }
}
