/// Naive persistence: the latest measured value, held for every future step. The reference other
/// forecasters are scored against (``ForecastEvaluation``).
public struct PersistenceForecaster: Forecaster {
    private var latest = 0.0

    /// A forecaster that has seen nothing (forecasts 0).
    public init() {}

    public mutating func observe(step: Int, value: Double) { latest = value }

    public func forecast(after step: Int, count: Int) -> [Double] { Array(repeating: latest, count: count) }
}
