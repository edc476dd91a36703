/// One contractual instrument (energy attribute certificate or PPA) used for market-based Scope 2:
/// the MWh it covers, the emission factor it conveys and its validity window.
///
/// GHG Protocol Scope 2 Guidance (2015), ch. 7: instruments such as Guarantees of Origin, RECs,
/// I-RECs and PPAs convey the emission factor of their generation to the consumption they are
/// applied to, within their vintage; consumption not covered takes the residual mix.
public struct ContractualInstrument: Sendable, Equatable {
    /// The certificate or contract identifier, for the evidence trail.
    public var id: String
    /// Kind (`GO`, `REC`, `I-REC`, `PPA`, …), as given.
    public var kind: String
    /// First day of validity in simulated years: 0-based year index and 0-based day of year (365-day years).
    public var firstDay: Int
    /// Day after the last day of validity, same numbering (exclusive).
    public var endDay: Int
    /// Energy the instrument covers, MWh.
    public var energyMWh: Double
    /// Emission factor the instrument conveys, gCO₂e/kWh.
    public var carbonGPerKWh: Double
    /// Whether the energy is renewable (counts as contracted renewable energy in KPIs).
    public var renewable: Bool

    /// Creates an instrument; days count from 1 January of the first simulated year.
    public init(id: String, kind: String, firstDay: Int, endDay: Int, energyMWh: Double, carbonGPerKWh: Double, renewable: Bool) {
        self.id = id
        self.kind = kind
        self.firstDay = firstDay
        self.endDay = endDay
        self.energyMWh = energyMWh
        self.carbonGPerKWh = carbonGPerKWh
        self.renewable = renewable
    }
}
