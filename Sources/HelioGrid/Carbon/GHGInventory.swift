/// A GHG Protocol inventory of a run: Scope 1 from genset fuel by gas, Scope 2 location- and
/// market-based from grid imports, and informational Scope 3 reported apart: the fuel's well-to-tank
/// emissions (category 3, fuel- and energy-related activities), PV life-cycle carbon and the embodied
/// carbon of every battery bought over the project (first purchase and replacements, category 2).
/// Every factor carries its source.
///
/// GHG Protocol Corporate Standard (WRI/WBCSD, revised 2004) and Scope 2 Guidance (2015). Fuel
/// factors: IPCC 2006 Guidelines Vol. 2 ch. 2, Tables 2.2–2.5 (gas/diesel oil), as the scenario's
/// `[diesel]` values; GWP100 from the chosen IPCC assessment report. Market-based Scope 2 applies the
/// contractual instruments step by step (``MarketBasedScope2``), the rest at the residual mix (or,
/// without one, the location-based factor).
public struct GHGInventory: Sendable {
    /// Scope 1 CO₂, tonnes.
    public var scope1CO2T: Double
    /// Scope 1 CH₄, tonnes of gas.
    public var scope1CH4T: Double
    /// Scope 1 N₂O, tonnes of gas.
    public var scope1N2OT: Double
    /// Scope 1 total, tCO₂e.
    public var scope1CO2eT: Double
    /// Scope 2 location-based, tCO₂e.
    public var scope2LocationT: Double
    /// Scope 2 market-based, tCO₂e.
    public var scope2MarketT: Double
    /// Informational Scope 3: life-cycle emissions of the PV energy used, tCO₂e.
    public var scope3PVLifecycleT: Double
    /// Informational Scope 3: embodied emissions of the battery capacity bought over the project
    /// (``batteryKWhPurchased``), tCO₂e.
    public var scope3BatteryEmbodiedT: Double
    /// Batteries bought over the project: the first and each whole replacement before the last year (``LifeProjection``).
    public var batteryPurchases: Int
    /// Battery capacity bought over the project: the first cells, whole replacements and augmentation, kWh.
    public var batteryKWhPurchased: Double
    /// Informational Scope 3 category 3: well-to-tank emissions of the fuel burnt, tCO₂e.
    public var scope3DieselWTTT: Double
    /// Imports covered by renewable contractual instruments, kWh.
    public var renewableContractKWh: Double
    /// The factors used.
    public var factors: [EmissionFactorRecord]
    /// The contractual instruments with the energy each was applied to, MWh.
    public var instruments: [(instrument: ContractualInstrument, appliedMWh: Double)]

    /// The inventory of a finished run (all its years). With contractual instruments either the
    /// `market` figures were accumulated as the run went (``MarketBasedScope2/add(_:firstStep:)``)
    /// or the run recorded its step series (they are matched step by step).
    public init(result: SimulationResult, market accumulated: MarketBasedScope2? = nil) {
        let scenario = result.scenario, totals = result.totals
        let (methaneGWP, nitrousOxideGWP) = scenario.carbon.gwp.methaneAndNitrousOxide
        let diesel = scenario.diesel
        let fuelL = totals.fuelL
        scope1CO2T = fuelL * (diesel?.co2KgPerL ?? 0) / 1000
        scope1CH4T = fuelL * (diesel?.ch4GPerL ?? 0) / 1e6
        scope1N2OT = fuelL * (diesel?.n2oGPerL ?? 0) / 1e6
        scope1CO2eT = scope1CO2T + scope1CH4T * methaneGWP + scope1N2OT * nitrousOxideGWP
        scope2LocationT = totals.scope2LocationKgCO2e / 1000
        let grid = scenario.connectedGrid
        if let grid, !grid.instruments.isEmpty {
            guard let market = accumulated ?? result.series.map({ MarketBasedScope2(series: $0, scenario: scenario, stepMinutes: result.axis.stepMinutes) })
            else { preconditionFailure("contractual instruments need the run's step series or its accumulated market-based figures") }
            scope2MarketT = market.totalT
            renewableContractKWh = market.renewableCoveredKWh
            instruments = Array(zip(grid.instruments, market.appliedMWh))
        } else {
            scope2MarketT = grid?.residualMixGPerKWh.map { totals.gridImportKWh * $0 / 1e6 } ?? scope2LocationT
            renewableContractKWh = 0
            instruments = []
        }
        scope3PVLifecycleT = totals.pvUsedKWh * scenario.carbon.pvLifecycleGPerKWh / 1e6
        let projection = scenario.battery.map { _ in LifetimeEconomics.projection(result, assumptions: EconomicAssumptions(scenario: scenario)) }
        batteryPurchases = projection.map { 1 + $0.batteryReplacementYears.count } ?? 0
        batteryKWhPurchased = projection?.batteryKWhPurchased ?? 0
        scope3BatteryEmbodiedT = batteryKWhPurchased * scenario.carbon.batteryEmbodiedKgPerKWh / 1000
        scope3DieselWTTT = fuelL * scenario.carbon.dieselWTTKgPerL / 1000
        let ipcc = "IPCC 2006 Guidelines, Vol. 2 ch. 2, Tables 2.2–2.5 (gas/diesel oil, 43.0 MJ/kg, 0.84 kg/L)"
        let gwpSource = "IPCC \(scenario.carbon.gwp.rawValue) GWP100"
        factors = [
            EmissionFactorRecord(name: "diesel CO2", value: diesel?.co2KgPerL ?? 0, unit: "kg CO2 per litre", source: ipcc),
            EmissionFactorRecord(name: "diesel CH4", value: diesel?.ch4GPerL ?? 0, unit: "g CH4 per litre", source: ipcc),
            EmissionFactorRecord(name: "diesel N2O", value: diesel?.n2oGPerL ?? 0, unit: "g N2O per litre", source: ipcc),
            EmissionFactorRecord(name: "GWP CH4", value: methaneGWP, unit: "kg CO2e per kg", source: gwpSource),
            EmissionFactorRecord(name: "GWP N2O", value: nitrousOxideGWP, unit: "kg CO2e per kg", source: gwpSource),
            EmissionFactorRecord(name: "grid (location-based)", value: scenario.connectedGrid?.carbonGPerKWh ?? 0,
                                 unit: "g CO2e per kWh", source: scenario.connectedGrid?.carbonCSVPath ?? "scenario [grid] carbon_g_per_kwh"),
            EmissionFactorRecord(name: "grid residual mix (market-based)",
                                 value: grid?.residualMixGPerKWh ?? grid?.carbonGPerKWh ?? 0, unit: "g CO2e per kWh",
                                 source: grid?.residualMixGPerKWh != nil ? "scenario [grid] residual_mix_g_per_kwh"
                                     : "location-based factor (no residual mix given; GHG Protocol Scope 2 Guidance Table 6.3)"),
            EmissionFactorRecord(name: "PV life cycle", value: scenario.carbon.pvLifecycleGPerKWh, unit: "g CO2e per kWh",
                                 source: "scenario [carbon] pv_lifecycle_g_per_kwh (informational Scope 3)"),
            EmissionFactorRecord(name: "battery embodied", value: scenario.carbon.batteryEmbodiedKgPerKWh, unit: "kg CO2e per kWh",
                                 source: "scenario [carbon] battery_embodied_kg_per_kwh, per battery bought (informational Scope 3)"),
            EmissionFactorRecord(name: "diesel well-to-tank", value: scenario.carbon.dieselWTTKgPerL, unit: "kg CO2e per litre",
                                 source: "scenario [carbon] diesel_wtt_kg_per_l; default UK DESNZ GHG Conversion Factors 2025, WTT – fuels, "
                                     + "diesel (average biofuel blend) (informational Scope 3 category 3)"),
        ]
    }
}
