/// One figure across an ensemble's years: its mean and its P10/P50/P90/P99.
///
/// Pxx is the value the campus does no worse than in xx % of the years: for a figure where more is
/// better (PV yield) the value exceeded in xx % of years, the solar-resource convention (a P90 yield
/// is exceeded nine years in ten); for a figure where less is better (fuel, intensity, unserved
/// energy, cost) the value not exceeded in xx % of years. Either way P90 is the prudent side, and
/// P10 < P50 < P90 for costs. Quantiles interpolate linearly between order statistics (Hyndman &
/// Fan 1996, definition 7, numpy's default).
public struct EnsembleStatistic: Sendable, Equatable {
    /// Key in files (`fuel_l`).
    public var key: String
    /// Label for people.
    public var label: String
    /// Unit for people.
    public var unit: String
    /// Whether more is better.
    public var higherIsBetter: Bool
    /// Mean over the years.
    public var mean: Double
    /// P10, P50, P90 and P99.
    public var p10, p50, p90, p99: Double

    /// The levels reported.
    public static let levels = [10, 50, 90, 99]

    /// The statistic of `values` (at least one).
    public init(key: String, label: String, unit: String, higherIsBetter: Bool, values: [Double]) {
        (self.key, self.label, self.unit, self.higherIsBetter) = (key, label, unit, higherIsBetter)
        let sorted = values.sorted()
        mean = values.reduce(0, +) / Double(values.count)
        func level(_ percent: Double) -> Double {
            Self.quantile(sorted, higherIsBetter ? 1 - percent / 100 : percent / 100)
        }
        (p10, p50, p90, p99) = (level(10), level(50), level(90), level(99))
    }

    /// The value at each of ``levels``.
    public var values: [Double] { [p10, p50, p90, p99] }

    /// Quantile `q` (0…1) of sorted values, linear between order statistics.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
