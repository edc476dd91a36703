/// `[grid]`: an optional (weak) grid connection.
public struct GridConfig: Sendable, Equatable {
    /// Whether the campus is connected.
    public var enabled = false
    /// Import limit, kW.
    public var importKW: Double = 0
    /// Export limit, kW.
    public var exportKW: Double = 0
    /// Energy price, currency per kWh imported (when no ``priceCSVPath`` is given).
    public var pricePerKWh: Double = 0.08
    /// Absolute path of an hourly or per-step import price CSV (`timestamp,price_per_kwh`), replacing ``pricePerKWh``.
    public var priceCSVPath: String?
    /// Export price, currency per kWh exported (when no ``exportPriceCSVPath`` is given).
    public var exportPricePerKWh: Double = 0
    /// Absolute path of an export price CSV of the same form, replacing ``exportPricePerKWh``.
    public var exportPriceCSVPath: String?
    /// Demand charge, currency per kW of each calendar month's highest import (averaged over a step).
    public var demandChargePerKWMonth: Double = 0
    /// Fixed charge, currency per month connected.
    public var fixedChargePerMonth: Double = 0
    /// Real escalation of every grid price and charge, fraction per year.
    public var priceEscalation: Double = 0
    /// Location-based emission factor, gCO₂e per kWh imported.
    public var carbonGPerKWh: Double = 450
    /// Absolute path of an hourly emission-factor CSV (`timestamp,carbon_g_per_kwh`), overriding the constant.
    public var carbonCSVPath: String?
    /// Residual-mix emission factor for imports not covered by instruments, gCO₂e/kWh; `nil` falls
    /// back to the location-based factor (GHG Protocol Scope 2 Guidance, Table 6.3 hierarchy).
    public var residualMixGPerKWh: Double?
    /// Absolute path of the contractual-instruments CSV, if any.
    public var instrumentsCSVPath: String?
    /// Contractual instruments for market-based Scope 2 (read from ``instrumentsCSVPath``).
    public var instruments: [ContractualInstrument] = []

    /// Whether market-based Scope 2 needs the run's step series (instruments are matched per step).
    public var needsStepSeries: Bool { enabled && !instruments.isEmpty }

    /// Creates a disconnected grid with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection, baseDirectory: String) throws {
        let defaults = GridConfig()
        enabled = try section.bool("enabled", default: defaults.enabled)
        importKW = try section.double("import_kw", default: defaults.importKW, in: 0...1e10)
        exportKW = try section.double("export_kw", default: defaults.exportKW, in: 0...1e10)
        priceCSVPath = try section.optionalString("price_csv").map { SiteConfig.resolve($0, against: baseDirectory) }
        if priceCSVPath != nil && section.contains("price_per_kwh") {
            throw section.error("price_csv", "give price_per_kwh or price_csv, not both (the CSV replaces the constant price)")
        }
        pricePerKWh = try section.double("price_per_kwh", default: defaults.pricePerKWh, in: -10...100)
        exportPriceCSVPath = try section.optionalString("export_price_csv").map { SiteConfig.resolve($0, against: baseDirectory) }
        if exportPriceCSVPath != nil && section.contains("export_price_per_kwh") {
            throw section.error("export_price_csv", "give export_price_per_kwh or export_price_csv, not both (the CSV replaces the constant price)")
        }
        exportPricePerKWh = try section.double("export_price_per_kwh", default: defaults.exportPricePerKWh, in: -10...100)
        demandChargePerKWMonth = try section.double("demand_charge_per_kw_month", default: defaults.demandChargePerKWMonth, in: 0...10_000)
        fixedChargePerMonth = try section.double("fixed_charge_per_month", default: defaults.fixedChargePerMonth, in: 0...1e9)
        priceEscalation = try section.double("price_escalation", default: defaults.priceEscalation, in: -0.5...0.5)
        carbonGPerKWh = try section.double("carbon_g_per_kwh", default: defaults.carbonGPerKWh, in: 0...3000)
        carbonCSVPath = try section.optionalString("carbon_csv").map { SiteConfig.resolve($0, against: baseDirectory) }
        if section.contains("residual_mix_g_per_kwh") {
            residualMixGPerKWh = try section.double("residual_mix_g_per_kwh", in: 0...3000)
        }
        instrumentsCSVPath = try section.optionalString("instruments_csv").map { SiteConfig.resolve($0, against: baseDirectory) }
        if enabled && importKW == 0 && exportKW == 0 {
            throw section.error("import_kw", "an enabled grid needs import_kw or export_kw above 0")
        }
        try section.finish()
    }
}
