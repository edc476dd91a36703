import HelioGrid

/// `cbam.json`: the CBAM electricity figures per quarter and year, the carbon-cost path and the
/// carbon-tariff resilience comparison against diesel-only.
public struct CBAMDocument: Codable, Sendable {
    /// Inputs of the price path.
    public struct PriceInputs: Codable, Sendable {
        /// Certificate price in the first year and its real escalation.
        public var certificatePricePerT, escalation: Double
        /// Price paid at origin, deducted.
        public var originPricePerT: Double
        /// ISO 4217 code.
        public var currency: String
        /// Phase-in share by calendar year, in year order: for CBAM goods that receive free allocation;
        /// electricity receives none, so its cost path does not apply it.
        public var phaseIn: [PhaseIn]
        enum CodingKeys: String, CodingKey {
            case escalation, currency
            case certificatePricePerT = "certificate_price_per_t", originPricePerT = "origin_price_per_t", phaseIn = "phase_in"
        }
    }

    /// One row of the phase-in table.
    public struct PhaseIn: Codable, Sendable {
        /// Calendar year and share.
        public var year: Int
        /// Share of embedded emissions needing certificates.
        public var share: Double
    }

    /// How the emission factor is determined.
    public var determination: String
    /// Quarters, then years.
    public var quarters, years: [CBAMElectricityPeriod]
    /// Price path inputs.
    public var prices: PriceInputs
    /// Carbon cost per project year.
    public var costPath: [CarbonCostYear]
    /// Lifetime carbon cost, undiscounted.
    public var costPathTotal: Double
    /// Energy + carbon cost per MWh, plant against diesel-only, at carbon prices 0–200.
    public var resilience: [CarbonTariffPoint]

    enum CodingKeys: String, CodingKey {
        case determination, quarters, years, prices, resilience
        case costPath = "cost_path", costPathTotal = "cost_path_total"
    }

    /// The document of a run (the plant), its CBAM periods (`report`) and its carbon-tariff `resilience`
    /// table against diesel-only.
    public init(plant: SimulationResult, report: CBAMElectricityReport, resilience: [CarbonTariffPoint]) {
        let scenario = plant.scenario, carbon = scenario.carbon
        determination = report.years.first?.determination ?? ""
        quarters = report.quarters
        years = report.years
        prices = PriceInputs(
            certificatePricePerT: carbon.pricePerT, escalation: carbon.priceEscalation, originPricePerT: carbon.originPricePerT,
            currency: scenario.economics.currency,
            phaseIn: carbon.cbamPhaseIn.keys.sorted().map { PhaseIn(year: $0, share: carbon.cbamPhaseIn[$0]!) })
        let path = CarbonCostPath(result: plant)
        costPath = path.years
        costPathTotal = path.totalCost
        self.resilience = resilience
    }
}
