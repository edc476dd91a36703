/// One period (a quarter or a year) of the CBAM electricity figures with its evidence.
public struct CBAMElectricityPeriod: Sendable, Equatable, Codable {
    /// `2026-Q1` … or `2026` for a whole year (calendar years from `[carbon] first_year`).
    public var label: String
    /// Electricity delivered: served to the campus plus exported, MWh.
    public var deliveredMWh: Double
    /// Emissions of generation counted by CBAM for electricity: CO₂ of the genset fuel plus imports at
    /// the grid's factor, tCO₂.
    public var emissionsT: Double
    /// Actual emission factor, tCO₂/MWh delivered (0 when nothing was delivered).
    public var emissionFactorTPerMWh: Double
    /// Evidence: PV used, MWh.
    public var pvMWh: Double
    /// Evidence: genset output, MWh.
    public var dieselMWh: Double
    /// Evidence: grid imports, MWh.
    public var importMWh: Double
    /// Evidence: battery charged at the bus, MWh.
    public var batteryChargeMWh: Double
    /// Evidence: battery discharged at the bus, MWh.
    public var batteryDischargeMWh: Double
    /// Evidence: fuel burnt, litres.
    public var fuelL: Double
    /// How the factor was determined.
    public var determination: String

    enum CodingKeys: String, CodingKey {
        case label, determination
        case deliveredMWh = "delivered_mwh", emissionsT = "emissions_t_co2", emissionFactorTPerMWh = "emission_factor_t_per_mwh"
        case pvMWh = "pv_mwh", dieselMWh = "diesel_mwh", importMWh = "import_mwh", batteryChargeMWh = "battery_charge_mwh"
        case batteryDischargeMWh = "battery_discharge_mwh", fuelL = "fuel_l"
    }
}
