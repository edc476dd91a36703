/// The persistence weights of an optimal persistence–climatology blend: the lag autocorrelation of
/// a series' departures from its climatology (D. Yang, "Making reference solar forecasts with
/// climatology, persistence, and their optimal convex combination", Solar Energy 193 (2019)
/// 981–985: the optimal weight of persistence at lead L is the lag-L autocorrelation).
enum LagCorrelation {
    /// Weights by lead in steps of `stepMinutes` (index 0 unused) up to `maxLeadHours`: the
    /// correlation at whole-hour lags, interpolated linearly between (so a one-minute series costs
    /// no more to fit than an hourly one). `nil` departures (night, missing) are skipped in pairs.
    static func weights(departures: [Double?], stepMinutes: Int, maxLeadHours: Double) -> [Double] {
        let perHour = max(1, 60 / stepMinutes)
        let hours = max(1, Int(maxLeadHours.rounded(.up)))
        let hourly = [1.0] + (1...hours).map { autocorrelation(departures, lag: $0 * perHour) }
        return [0] + (1...(hours * perHour)).map { lag in
            let hour = lag / perHour, fraction = Double(lag % perHour) / Double(perHour)
            return hour >= hours ? hourly[hours] : hourly[hour] + (hourly[hour + 1] - hourly[hour]) * fraction
        }
    }

    /// Pearson correlation of the values `lag` steps apart (pairs where both exist), 0 if negative.
    static func autocorrelation(_ values: [Double?], lag: Int) -> Double {
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
