/// What the EMS asks of the plant for the next step or control interval, kW at the bus (step
/// averages): the one set-point value of a plan step (``PlanFollower``), the simulator and the live
/// plant adapters.
public struct PlantSetpoints: Sendable, Equatable, Codable {
    /// Upper limit on PV output (curtailment), kW.
    public var pvLimitKW: Double
    /// Battery power, kW (positive discharging); the battery also balances the bus within its limits.
    public var batteryKW: Double
    /// Gensets to run.
    public var dieselUnits: Int
    /// Genset output to share over the running units, kW.
    public var dieselKW: Double
    /// Grid power, kW (positive importing).
    public var gridKW: Double

    enum CodingKeys: String, CodingKey {
        case pvLimitKW = "pv_limit_kw", batteryKW = "battery_kw", dieselUnits = "diesel_units", dieselKW = "diesel_kw", gridKW = "grid_kw"
    }

    /// Creates setpoints; see the properties for units.
    public init(pvLimitKW: Double, batteryKW: Double, dieselUnits: Int, dieselKW: Double, gridKW: Double) {
        self.pvLimitKW = pvLimitKW
        self.batteryKW = batteryKW
        self.dieselUnits = dieselUnits
        self.dieselKW = dieselKW
        self.gridKW = gridKW
    }
}
