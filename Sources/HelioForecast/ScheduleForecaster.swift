/// A quantity known in advance on the plan-step grid, repeated yearly (a grid emission-factor
/// schedule, a tariff): the forecast is the schedule itself; observations change nothing.
public struct ScheduleForecaster: Forecaster {
    /// Values per plan step of one year.
    public let values: [Double]

    /// A forecaster repeating `values` (one per plan step of a year).
    public init(values: [Double]) { self.values = values }

    public mutating func observe(step: Int, value: Double) {}

    public func forecast(after step: Int, count: Int) -> [Double] {
        (0..<count).map { values[(step + 1 + $0) % values.count] }
    }
}
