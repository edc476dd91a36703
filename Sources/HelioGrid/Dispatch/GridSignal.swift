/// What the grid's tariff says about one step, for the rule-based EMS (docs/grid.md): whether its
/// import price is among the day's cheapest (worth charging the battery from the grid for the day's
/// dearest hours, after round-trip losses and wear), its dearest, or neither, and the month's peak
/// import so far (imports above it raise the demand charge).
public struct GridSignal: Sendable, Equatable {
    /// The step's import price against the rest of its day.
    public enum PriceClass: Sendable, Equatable {
        /// At the day's lowest price, with a day's highest price worth storing for.
        case cheap
        /// Neither.
        case normal
        /// Above the day's mean price.
        case expensive
    }

    /// The step's class.
    public var priceClass: PriceClass
    /// Highest import of the month so far, kW; imports up to it add no demand charge.
    public var monthPeakKW: Double
    /// Whether the tariff has a demand charge.
    public var demandCharged: Bool
    /// The step's import and export prices, currency/kWh.
    public var importPricePerKWh: Double, exportPricePerKWh: Double

    /// A signal; see the properties.
    public init(priceClass: PriceClass, monthPeakKW: Double, demandCharged: Bool, importPricePerKWh: Double = 0, exportPricePerKWh: Double = 0) {
        self.priceClass = priceClass
        self.monthPeakKW = monthPeakKW
        self.demandCharged = demandCharged
        self.importPricePerKWh = importPricePerKWh
        self.exportPricePerKWh = exportPricePerKWh
    }
}
