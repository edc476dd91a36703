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

    /// Each step's price against its day (`prices`: one year of steps, `stepsPerDay` a day): cheap at
    /// the day's lowest price when a kWh bought then and stored is still cheaper at the day's highest
    /// (round trip and wear of both passes paid), expensive above the day's mean, else normal.
    public static func priceClasses(_ prices: [Double], stepsPerDay: Int, battery: BatteryConfig?) -> [PriceClass] {
        let roundTrip = battery.map { $0.chargeEfficiency * $0.dischargeEfficiency } ?? 0
        let wear = 2 * (battery?.wearCostPerKWh ?? 0)
        var classes = [PriceClass](repeating: .normal, count: prices.count)
        for start in stride(from: 0, to: prices.count, by: stepsPerDay) {
            let day = prices[start..<min(prices.count, start + stepsPerDay)]
            let low = day.min() ?? 0, high = day.max() ?? 0, mean = day.reduce(0, +) / Double(day.count)
            let worthStoring = high * roundTrip > low + wear + 1e-12
            for index in day.indices where prices[index] > mean + 1e-12 { classes[index] = .expensive }
            for index in day.indices where worthStoring && prices[index] <= low + 1e-12 { classes[index] = .cheap }
        }
        return classes
    }

    /// A signal; see the properties.
    public init(priceClass: PriceClass, monthPeakKW: Double, demandCharged: Bool, importPricePerKWh: Double = 0, exportPricePerKWh: Double = 0) {
        self.priceClass = priceClass
        self.monthPeakKW = monthPeakKW
        self.demandCharged = demandCharged
        self.importPricePerKWh = importPricePerKWh
        self.exportPricePerKWh = exportPricePerKWh
    }
}
