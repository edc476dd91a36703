import HelioGrid

/// PV forecast: clear-sky PV times a clear-sky index that blends the latest measured index with the
/// climatological index of the target's month and hour, persistence weighted by the index's
/// autocorrelation at the lead time:
///
///   k(t + L) = k̄(t + L) + ρ(L) · (k(t₀) − k̄(t₀)),
///
/// with t₀ the last daylight measurement, L the time since it, k̄ the mean index by month and hour of
/// day and ρ(L) the lag-L autocorrelation of the index's departures from k̄ (0 where negative). This is
/// the optimal convex combination of persistence and climatology of D. Yang, "Making reference solar
/// forecasts with climatology, persistence, and their optimal convex combination", Solar Energy 193
/// (2019) 981–985, whose optimal weight is the lag autocorrelation. Climatology and autocorrelation
/// are fitted to the weather file, a typical meteorological year built from long-term records, so
/// they describe the site's climate; the day-to-day forecast still knows only the past.
public struct ClimatologyBlendForecaster: Forecaster {
    /// Clear-sky PV output per step of a year, kW.
    public let clearSkyKW: [Double]
    /// Mean clear-sky index by month (0–11) and hour (0–23).
    public let climatology: [[Double]]
    /// Persistence weight by lead, plan steps (index 0 unused): ``LagCorrelation/weights(departures:stepMinutes:maxLeadHours:)``.
    public let weights: [Double]
    private let stepMinutes: Int
    private let threshold: Double
    private var anchor: (step: Int, departure: Double)?

    /// Fits the forecaster to a year of measured PV `pvKW` and its clear-sky output, on steps of
    /// `stepMinutes`, for leads up to `maxLeadHours`.
    public init(clearSkyKW: [Double], pvKW: [Double], stepMinutes: Int, maxLeadHours: Double) {
        self.clearSkyKW = clearSkyKW
        self.stepMinutes = stepMinutes
        let threshold = ClearSkyIndexForecaster.daylightThreshold(clearSkyKW)
        self.threshold = threshold
        let index = zip(pvKW, clearSkyKW).map { ClearSkyIndexForecaster.index(measuredKW: $0, clearKW: $1, threshold: threshold) }
        var sums = Array(repeating: Array(repeating: 0.0, count: 24), count: 12), counts = sums
        for (step, value) in index.enumerated() {
            guard let value else { continue }
            let (month, hour) = Self.monthAndHour(step, stepMinutes: stepMinutes)
            sums[month][hour] += value
            counts[month][hour] += 1
        }
        let climatology = zip(sums, counts).map { zip($0, $1).map { $1 > 0 ? $0 / $1 : 1 } }
        self.climatology = climatology
        let departures: [Double?] = index.enumerated().map { step, value in
            value.map { let (m, h) = Self.monthAndHour(step, stepMinutes: stepMinutes); return $0 - climatology[m][h] }
        }
        weights = LagCorrelation.weights(departures: departures, stepMinutes: stepMinutes, maxLeadHours: maxLeadHours)
    }

    public mutating func observe(step: Int, value: Double) {
        guard let index = ClearSkyIndexForecaster.index(measuredKW: value, clearKW: clearSkyKW[step % clearSkyKW.count], threshold: threshold)
        else { return }
        anchor = (step, index - kBar(step))
    }

    public func forecast(after step: Int, count: Int) -> [Double] {
        (0..<count).map { offset in
            let target = step + 1 + offset
            var index = kBar(target)
            if let anchor, target - anchor.step < weights.count { index += weights[target - anchor.step] * anchor.departure }
            return max(0, index) * clearSkyKW[target % clearSkyKW.count]
        }
    }

    private func kBar(_ step: Int) -> Double {
        let (month, hour) = Self.monthAndHour(step % clearSkyKW.count, stepMinutes: stepMinutes)
        return climatology[month][hour]
    }

    private static func monthAndHour(_ step: Int, stepMinutes: Int) -> (Int, Int) {
        let minute = step * stepMinutes
        return (CivilCalendar.monthAndDay(dayOfYear: minute / 1440 % 365).month - 1, minute % 1440 / 60)
    }
}
