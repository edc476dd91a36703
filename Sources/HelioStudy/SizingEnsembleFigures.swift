import HelioGrid

/// A design's first year run on each weather year of the sizing ensemble (`[size] limit_probability`,
/// docs/sizing.md): in how many of them it meets the energy limits, and its P50/P90 figures
/// (``EnsembleStatistic``'s prudent-side convention: P90 fuel and intensity not exceeded in 90 % of years).
public struct SizingEnsembleFigures: Sendable, Equatable {
    /// Weather years run.
    public var years: Int
    /// Share of them in which unserved energy, carbon intensity and renewable fraction all meet `[size]`'s limits.
    public var shareMet: Double
    /// Carbon intensity, P50 and P90, gCO₂e/kWh.
    public var intensityP50GPerKWh, intensityP90GPerKWh: Double
    /// Fuel in the year, P50 and P90, litres.
    public var fuelP50L, fuelP90L: Double
    /// Unserved share of demand, P90.
    public var unservedP90Fraction: Double

    /// Creates the figures; see the properties.
    public init(years: Int, shareMet: Double, intensityP50GPerKWh: Double, intensityP90GPerKWh: Double, fuelP50L: Double, fuelP90L: Double,
                unservedP90Fraction: Double) {
        (self.years, self.shareMet) = (years, shareMet)
        (self.intensityP50GPerKWh, self.intensityP90GPerKWh) = (intensityP50GPerKWh, intensityP90GPerKWh)
        (self.fuelP50L, self.fuelP90L, self.unservedP90Fraction) = (fuelP50L, fuelP90L, unservedP90Fraction)
    }

    /// The figures of one year's totals per weather year, judged on `config`'s limits.
    public init(years totals: [EnergyTotals], config: SizeConfig) {
        func unserved(_ t: EnergyTotals) -> Double { t.loadKWh > 0 ? t.unservedKWh / t.loadKWh : 0 }
        let met = totals.filter { Self.meets($0, unservedFraction: unserved($0), config: config) }.count
        func p(_ percent: Double, _ values: [Double]) -> Double { EnsembleStatistic.quantile(values.sorted(), percent / 100) }
        let intensity = totals.map(\.intensityGPerKWh), fuel = totals.map(\.fuelL)
        self.init(years: totals.count, shareMet: Double(met) / Double(totals.count), intensityP50GPerKWh: p(50, intensity),
                  intensityP90GPerKWh: p(90, intensity), fuelP50L: p(50, fuel), fuelP90L: p(90, fuel),
                  unservedP90Fraction: p(90, totals.map(unserved)))
    }

    /// Whether one year meets the energy limits.
    static func meets(_ totals: EnergyTotals, unservedFraction: Double, config: SizeConfig) -> Bool {
        guard unservedFraction <= config.maxUnservedFraction + 1e-12 else { return false }
        if let limit = config.maxIntensityGPerKWh, totals.intensityGPerKWh > limit { return false }
        if let floor = config.minRenewableFraction, totals.renewableFraction < floor { return false }
        return true
    }
}
