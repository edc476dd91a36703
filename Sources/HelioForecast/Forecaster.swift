/// A forecaster of one per-step quantity (PV power, campus load) for model-predictive dispatch.
///
/// The controller reports each step's measured value with ``observe(step:value:)`` and then asks
/// for the following steps; implementations see only the past, so results are deterministic and
/// honest about forecast error. Better forecasters (numerical weather prediction, scheduler-aware
/// load) can be added behind this protocol.
public protocol Forecaster: Sendable {
    /// Records the measured value at `step`.
    mutating func observe(step: Int, value: Double)
    /// Forecast values for steps `step + 1 …` `step + count`.
    func forecast(after step: Int, count: Int) -> [Double]
}
