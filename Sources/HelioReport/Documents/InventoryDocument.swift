import HelioGrid

/// `inventory.json`: the GHG Protocol inventory with its factors, instruments and the ledger's
/// carbon balance.
public struct InventoryDocument: Codable, Sendable {
    /// One contractual instrument with the energy it was applied to.
    public struct Instrument: Codable, Sendable {
        /// Identifier and kind as given.
        public var id, kind: String
        /// Energy on the certificate and energy applied, MWh.
        public var mwh, appliedMWh: Double
        /// Factor conveyed, gCO₂e/kWh.
        public var gPerKWh: Double
        /// Renewable or not.
        public var renewable: Bool
        enum CodingKeys: String, CodingKey {
            case id, kind, mwh, renewable
            case appliedMWh = "applied_mwh", gPerKWh = "g_per_kwh"
        }
    }

    /// The ledger's carbon balance over the run: in = attributed + pool change, tCO₂e.
    public struct Balance: Codable, Sendable {
        /// Carbon emitted into the bus (fuel and imports).
        public var emittedT: Double
        /// Attributed to the campus load.
        public var loadT: Double
        /// Attributed to export.
        public var exportT: Double
        /// Carbon left in the battery pool at the end (it starts empty).
        public var poolEndT: Double
        enum CodingKeys: String, CodingKey {
            case emittedT = "emitted_t", loadT = "load_t", exportT = "export_t", poolEndT = "pool_end_t"
        }
    }

    /// Reporting period: first and last calendar year.
    public var firstYear, lastYear: Int
    /// GWP set (AR4, AR5, AR6).
    public var gwp: String
    /// Scope 1 by gas (tonnes of gas) and in CO₂e.
    public var scope1CO2T, scope1CH4T, scope1N2OT, scope1CO2eT: Double
    /// Scope 2, tCO₂e.
    public var scope2LocationT, scope2MarketT: Double
    /// Informational Scope 3, tCO₂e.
    public var scope3PVLifecycleT, scope3BatteryEmbodiedT: Double
    /// Informational Scope 3 category 3: well-to-tank emissions of the fuel, tCO₂e.
    public var scope3DieselWTTT: Double
    /// Batteries bought over the project (first purchase and replacements).
    public var batteryPurchases: Int
    /// Battery capacity bought over the project (first cells, replacements, augmentation), kWh.
    public var batteryKWhPurchased: Double
    /// Scope 1 + 2 location-based per kWh served, g.
    public var intensityGPerKWh: Double
    /// Hourly-matched carbon-free-energy score, fraction.
    public var carbonFreeScore: Double
    /// Factors with sources.
    public var factors: [EmissionFactorRecord]
    /// Contractual instruments.
    public var instruments: [Instrument]
    /// Ledger balance.
    public var balance: Balance

    enum CodingKeys: String, CodingKey {
        case gwp, factors, instruments, balance
        case firstYear = "first_year", lastYear = "last_year"
        case scope1CO2T = "scope1_co2_t", scope1CH4T = "scope1_ch4_t", scope1N2OT = "scope1_n2o_t", scope1CO2eT = "scope1_t_co2e"
        case scope2LocationT = "scope2_location_t_co2e", scope2MarketT = "scope2_market_t_co2e"
        case scope3PVLifecycleT = "scope3_pv_lifecycle_t_co2e", scope3BatteryEmbodiedT = "scope3_battery_embodied_t_co2e"
        case scope3DieselWTTT = "scope3_diesel_wtt_t_co2e", batteryPurchases = "battery_purchases"
        case batteryKWhPurchased = "battery_kwh_purchased"
        case intensityGPerKWh = "intensity_g_per_kwh", carbonFreeScore = "carbon_free_score"
    }

    /// The document of a run's inventory and ledger.
    public init(result: SimulationResult, inventory: GHGInventory, ledger: CarbonLedgerTotals) {
        let carbon = result.scenario.carbon, totals = result.totals
        firstYear = carbon.firstYear
        lastYear = carbon.firstYear + result.yearly.count - 1
        gwp = carbon.gwp.rawValue
        scope1CO2T = inventory.scope1CO2T
        scope1CH4T = inventory.scope1CH4T
        scope1N2OT = inventory.scope1N2OT
        scope1CO2eT = inventory.scope1CO2eT
        scope2LocationT = inventory.scope2LocationT
        scope2MarketT = inventory.scope2MarketT
        scope3PVLifecycleT = inventory.scope3PVLifecycleT
        scope3BatteryEmbodiedT = inventory.scope3BatteryEmbodiedT
        scope3DieselWTTT = inventory.scope3DieselWTTT
        batteryPurchases = inventory.batteryPurchases
        batteryKWhPurchased = inventory.batteryKWhPurchased
        intensityGPerKWh = totals.intensityGPerKWh
        carbonFreeScore = ledger.carbonFreeScore
        factors = inventory.factors
        instruments = inventory.instruments.map {
            Instrument(id: $0.instrument.id, kind: $0.instrument.kind, mwh: $0.instrument.energyMWh, appliedMWh: $0.appliedMWh,
                       gPerKWh: $0.instrument.carbonGPerKWh, renewable: $0.instrument.renewable)
        }
        balance = Balance(emittedT: ledger.emittedKg / 1000, loadT: ledger.loadKg / 1000, exportT: ledger.exportKg / 1000,
                          poolEndT: ledger.poolEndKg / 1000)
    }
}
