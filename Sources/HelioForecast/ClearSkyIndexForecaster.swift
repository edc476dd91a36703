/// PV forecast: a clear-sky PV profile times the latest measured clear-sky index, persisted.
///
/// The clear-sky index k = P_measured / P_clear-sky is updated whenever the clear-sky output is above
/// 5 % of its peak (so dawn and dusk do not make it noisy) and held through the night; the forecast
/// is k · P_clear-sky for each future step. Clear-sky-index persistence is the standard reference
/// forecast of the solar-forecasting literature (e.g. J. Antonanzas et al., "Review of photovoltaic
/// power forecasting", Solar Energy 136, 2016, §3).
public struct ClearSkyIndexForecaster: Forecaster {
    /// Clear-sky PV output per step of the run, kW.
    public let clearSkyKW: [Double]
    private let threshold: Double
    private var index = 1.0

    /// Creates the forecaster from the plant's clear-sky output at every step of the run.
    public init(clearSkyKW: [Double]) {
        self.clearSkyKW = clearSkyKW
        threshold = Self.daylightThreshold(clearSkyKW)
    }

    public mutating func observe(step: Int, value: Double) {
        if let measured = Self.index(measuredKW: value, clearKW: clearSkyKW[step % clearSkyKW.count], threshold: threshold) { index = measured }
    }

    /// Clear-sky output below which the index is not taken (dawn, dusk, night): 5 % of the peak.
    static func daylightThreshold(_ clearSkyKW: [Double]) -> Double {
        0.05 * (clearSkyKW.max() ?? 0)
    }

    /// The clear-sky index of a measurement, capped at 1.5 (cloud enhancement); `nil` when the
    /// clear-sky output is at or below `threshold`.
    static func index(measuredKW: Double, clearKW: Double, threshold: Double) -> Double? {
        clearKW > threshold ? min(1.5, measuredKW / clearKW) : nil
    }

    public func forecast(after step: Int, count: Int) -> [Double] {
        (0..<count).map { index * clearSkyKW[(step + 1 + $0) % clearSkyKW.count] }
    }
}
