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
    /// Persistence weight by lead, plan steps (index 0 unused): the lag autocorrelation at whole hours,
    /// interpolated between (so a one-minute run costs no more to fit than an hourly one).
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
        // Correlations at whole-hour lags (ρ(0) = 1), interpolated linearly to the plan steps between.
        let perHour = max(1, 60 / stepMinutes)
        let hours = max(1, Int(maxLeadHours.rounded(.up)))
        let hourly = [1.0] + (1...hours).map { Self.autocorrelation(departures, lag: $0 * perHour) }
        weights = [0] + (1...(hours * perHour)).map { lag in
            let hour = lag / perHour, fraction = Double(lag % perHour) / Double(perHour)
            return hour >= hours ? hourly[hours] : hourly[hour] + (hourly[hour + 1] - hourly[hour]) * fraction
        }
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

    /// Pearson correlation of the departures `lag` steps apart (pairs where both are daylight), 0 if negative.
    private static func autocorrelation(_ values: [Double?], lag: Int) -> Double {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        for t in 0..<max(0, values.count - lag) {
            guard let x = values[t], let y = values[t + lag] else { continue }
            n += 1; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
        }
        guard n > 2 else { return 0 }
        let covariance = sxy / n - sx / n * sy / n
        let variance = (sxx / n - sx * sx / (n * n)) * (syy / n - sy * sy / (n * n))
        return variance > 0 ? max(0, covariance / variance.squareRoot()) : 0
    }
}
