/// `[carbon]`: carbon pricing and the global-warming potentials used for CO₂e.
public struct CarbonConfig: Sendable, Equatable {
    /// IPCC assessment report whose 100-year GWPs convert CH₄ and N₂O to CO₂e.
    public typealias GWP = GlobalWarmingPotentials

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
    /// Battery embodied emissions, kgCO₂e/kWh of capacity, per battery bought (informational Scope 3).
    public var batteryEmbodiedKgPerKWh: Double = 70
    /// Well-to-tank emissions of diesel (extraction, refining, transport), kgCO₂e per litre: Scope 3
    /// category 3. Default: UK DESNZ GHG Conversion Factors for Company Reporting 2025, "WTT – fuels",
    /// diesel (average biofuel blend), 0.62665 kgCO₂e/L.
    public var dieselWTTKgPerL: Double = 0.62665

    /// Calendar year of the first simulated year (labels reporting periods, picks phase-in factors
    /// and places contractual instruments).
    public var firstYear: Int = 2026
    /// The calendar years `first_year` (and `pv --year`) may name.
    public static let firstYearRange = 1990...2200
    /// CBAM phase-in: share of embedded emissions that must be covered by CBAM certificates, by
    /// calendar year. Default: 1 − the CBAM factor of Regulation (EU) 2023/956 Art. 31 with
    /// Directive 2003/87/EC Art. 10a(1a) (free allocation 97.5 % in 2026 falling to 0 in 2034).
    public var cbamPhaseIn: [Int: Double] = CarbonConfig.regulationPhaseIn

    /// The default phase-in table (Regulation (EU) 2023/956 Art. 31; Directive 2003/87/EC Art. 10a(1a)
    /// as amended by Directive (EU) 2023/959): 2.5 %, 5 %, 10 %, 22.5 %, 48.5 %, 61 %, 73.5 %, 86 %, 100 %.
    public static let regulationPhaseIn: [Int: Double] = [
        2026: 0.025, 2027: 0.05, 2028: 0.10, 2029: 0.225, 2030: 0.485, 2031: 0.61, 2032: 0.735, 2033: 0.86, 2034: 1.0,
    ]

    /// The phase-in share for a calendar year: the entry of the latest listed year not after it,
    /// 0 before the first listed year.
    public func phaseIn(year: Int) -> Double {
        cbamPhaseIn.filter { $0.key <= year }.max { $0.key < $1.key }?.value ?? 0
    }

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
        dieselWTTKgPerL = try section.double("diesel_wtt_kg_per_l", default: d.dieselWTTKgPerL, in: 0...10)
        firstYear = try section.int("first_year", default: d.firstYear, in: Self.firstYearRange)
        var phaseInSection = try section.section("cbam_phase_in")
        if phaseInSection.hasKeys {
            cbamPhaseIn = try phaseInSection.yearTable(in: 0...1)
        }
        try section.finish()
    }
}
