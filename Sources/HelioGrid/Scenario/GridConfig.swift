/// `[grid]`: an optional (weak) grid connection.
public struct GridConfig: Sendable, Equatable {
    /// Whether the campus is connected.
    public var enabled = false
    /// Import limit, kW.
    public var importKW: Double = 0
    /// Export limit, kW.
    public var exportKW: Double = 0
    /// Energy price, currency per kWh imported.
    public var pricePerKWh: Double = 0.08
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
        pricePerKWh = try section.double("price_per_kwh", default: defaults.pricePerKWh, in: 0...100)
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
