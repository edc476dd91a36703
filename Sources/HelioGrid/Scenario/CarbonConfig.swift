/// `[carbon]`: carbon pricing and the global-warming potentials used for CO₂e.
public struct CarbonConfig: Sendable, Equatable {
    /// IPCC assessment report whose 100-year GWPs convert CH₄ and N₂O to CO₂e.
    public enum GWP: String, Sendable, CaseIterable {
        case ar4 = "AR4", ar5 = "AR5", ar6 = "AR6"

        /// GWP100 of fossil CH₄ and of N₂O: AR4 (2007) 25/298, AR5 (2014, WG1 Table 8.7) 28/265,
        /// AR6 (2021, WG1 Table 7.15) 29.8/273.
        public var methaneAndNitrousOxide: (Double, Double) {
            switch self {
            case .ar4: (25, 298)
            case .ar5: (28, 265)
            case .ar6: (29.8, 273)
            }
        }
    }

    /// Carbon price applied to Scope 1 + 2, currency per tCO₂e.
    public var pricePerT: Double = 80
    /// Real carbon price escalation, fraction per year.
    public var priceEscalation: Double = 0.03
    /// Carbon price already paid at origin, currency per tCO₂e (CBAM deduction).
    public var originPricePerT: Double = 0
    /// The GWP set.
    public var gwp: GWP = .ar5
    /// PV life-cycle emissions, gCO₂e/kWh (informational Scope 3).
    public var pvLifecycleGPerKWh: Double = 40
    /// Battery embodied emissions, kgCO₂e/kWh of capacity (informational Scope 3).
    public var batteryEmbodiedKgPerKWh: Double = 70

    /// Creates settings with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection) throws {
        let d = CarbonConfig()
        pricePerT = try section.double("price_per_t", default: d.pricePerT, in: 0...10_000)
        priceEscalation = try section.double("price_escalation", default: d.priceEscalation, in: -0.5...0.5)
        originPricePerT = try section.double("origin_price_per_t", default: d.originPricePerT, in: 0...10_000)
        let name = try section.choice("gwp", default: d.gwp.rawValue, in: GWP.allCases.map(\.rawValue))
        gwp = GWP(rawValue: name)!
        pvLifecycleGPerKWh = try section.double("pv_lifecycle_g_per_kwh", default: d.pvLifecycleGPerKWh, in: 0...1000)
        batteryEmbodiedKgPerKWh = try section.double("battery_embodied_kg_per_kwh", default: d.batteryEmbodiedKgPerKWh, in: 0...10_000)
        try section.finish()
    }
}
