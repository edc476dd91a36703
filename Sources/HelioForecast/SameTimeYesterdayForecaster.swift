/// Load forecast: the latest value measured at the same time of day (a day earlier for the next
/// 24 hours, two days earlier beyond; the latest measurement until a day of history exists) — the seasonal-naive forecast of R. J. Hyndman and
/// G. Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed. (2021), §5.2.
public struct SameTimeYesterdayForecaster: Forecaster {
    private let stepsPerDay: Int
    private var history: [Double]
    private var latestStep = -1

    /// Creates the forecaster for a step of `stepMinutes`, keeping one day of history.
    public init(stepMinutes: Int) {
        stepsPerDay = 1440 / stepMinutes
        history = Array(repeating: .nan, count: stepsPerDay)
    }

    public mutating func observe(step: Int, value: Double) {
        history[step % stepsPerDay] = value
        latestStep = step
    }

    public func forecast(after step: Int, count: Int) -> [Double] {
        let latest = latestStep >= 0 ? history[latestStep % stepsPerDay] : 0
        return (0..<count).map { offset in
            let sameTimeOfDay = history[(step + 1 + offset) % stepsPerDay]
            return sameTimeOfDay.isNaN ? latest : sameTimeOfDay
        }
    }
}
