import Foundation

/// Weather years generated from one typical year, for ensembles where no multi-year record exists
/// (`[weather.synthetic]`, docs/weather.md).
///
/// For year `k` of seed `s` (its own random stream, so any year can be made alone, in any order):
/// 1. **The year's irradiance level.** A factor `f` drawn from a normal distribution of mean 1 and
///    standard deviation `interannual_cv`, truncated at ±3 standard deviations (redrawn), scales
///    every month's mean clearness index K̄t of the source.
/// 2. **Daily clearness.** Each month's daily clearness indices Kt come from a Markov chain in the
///    form of Aguiar, Collares-Pereira & Conde (Solar Energy 40(3), 1988): the next day's state drawn
///    from today's row of a transition matrix, the value placed within the state in proportion to the
///    draw. The matrix is the site's own (``SiteDailyChain``, the default) or the paper's world-wide
///    library by the month's K̄t band (``AguiarMarkovLibrary``). A month's sequence is drawn again
///    (up to 50 times, the closest kept) until its mean lies within 1 % of the target.
/// 3. **Hourly clearness.** The TAG model (R. Aguiar and M. Collares-Pereira, "TAG: a time-dependent,
///    autoregressive, Gaussian model for generating synthetic hourly radiation", Solar Energy 49(3),
///    167–174, 1992): kt = ktm(Kt, h) + σ(Kt, h) · y with ktm = λ + η·exp(−κ / sin h),
///    σ = A·exp(B(1 − sin h)), λ = −0.19 + 1.12 Kt + 0.24 exp(−8 Kt), η = 0.32 − 1.6 (Kt − 0.5)²,
///    κ = 0.19 + 2.27 Kt² − 2.51 Kt³, A = 0.14 exp(−20 (Kt − 0.35)²), B = 3 (Kt − 0.45)² + 16 Kt⁵, and
///    y a standard-normal AR(1) process of lag-one coefficient φ = 0.38 + 0.06 cos(7.4 Kt − 2.5);
///    values outside 0…kcs (kcs = 0.88 cos(π t / 30), t hours from solar noon) are drawn again
///    (20 tries, then bounded), and each day's hours are scaled to its Kt. Here h is the mean solar
///    elevation over the sunlit part of the hour (at least asin 0.02).
/// 4. **Exact monthly totals and diurnal profiles.** Each month's global irradiation at each hour of
///    the day is scaled to `f` times the source's at that hour (``matchDiurnalProfile``): the
///    year's level is exactly `f`, the years' mean irradiation converges on the source's, and the
///    month's mean day keeps the source's shape — TAG's clearness is symmetric about solar noon,
///    while a desert summer clouds over in the afternoon; without this the Phoenix years gave 1 %
///    more PV per kWp than their TMY and the default campus's median year 4.7 % less fuel.
/// 5. **Beam and diffuse** by the Erbs correlation (``ErbsDecomposition``) on the hour's clearness,
///    the same decomposition the clear-sky PV profiles use, its beam then scaled month by month to
///    the source's beam share (``monthlyBeamShare``), which a tracker's yield follows: Erbs on TAG's
///    hours gives 1–5 points less beam than the Phoenix TMY. An hour's beam is at most its global,
///    and its DNI at most the source's highest at that hour of the day in that month (the rest is
///    diffuse): near the horizon the scaled beam over cos Z would pass any clear sky.
/// 6. **Temperature** is the source's hour plus `b_m · (Kt − Kt_source)` for the day, with `b_m` the
///    source month's least-squares slope of daily mean temperature on daily clearness: sunnier days
///    than the source's are warmer, as in the correlated temperature of S. A. Klein, J. A. Duffie and
///    K. M. Knight, "A methodology for the synthesis of hourly weather data", Solar Energy 46(2),
///    109–120, 1991. Wind, pressure and albedo are the source's.
///
/// Limits: inter-annual variability is one factor per year (months of one year do not vary
/// independently beyond the daily chain); the site chain learns from one year (364 transitions), and
/// its values stay within the spread of the source's three-month pools; within the day the pattern
/// is TAG's (on Phoenix the years' median PV yield is 0.8 % below the TMY's on the same irradiation).
public struct SyntheticWeather: Sendable {
    /// The typical year the years are generated from (hourly, 8,760 records).
    public let source: WeatherData
    /// Years, seed and inter-annual variability.
    public let config: SyntheticWeatherConfig
    /// Mean extraterrestrial irradiance on the horizontal over each hour, W/m².
    public let extraterrestrialHorizontalWM2: [Double]
    /// The source's mean clearness index per month, Σ GHI / Σ extraterrestrial horizontal.
    public let monthlyKt: [Double]
    /// The source's clearness index per day of the year.
    public let dailyKt: [Double]
    private let sunlitSinElevation: [Double]
    private let midCosZenith: [Double]
    private let extraterrestrialNormalWM2: [Double]
    private let temperaturePerKtC: [Double]
    private let siteChain: SiteDailyChain
    /// The source's share of beam in its global irradiance on the horizontal, per month.
    public let monthlyBeamShare: [Double]
    /// The source's highest DNI at each hour of the day in each month (index month · 24 + hour), W/m².
    private let highestDNIWM2: [Double]

    /// Sub-instants per hour the sun is placed at for the hour's means.
    private static let samplesPerHour = 6

    /// Prepares the generator on `source`, which must be one hourly year with sun every day.
    public init(source: WeatherData, config: SyntheticWeatherConfig) throws {
        guard source.stepMinutes == 60, source.count == 8760 else {
            throw HelioError(.weather, "synthetic years are generated from an hourly year of 8,760 records; this file has "
                             + "\(source.count) records of \(source.stepMinutes) min", file: source.source)
        }
        self.source = source
        self.config = config
        let sky = Self.sunGeometry(source)
        extraterrestrialHorizontalWM2 = sky.horizontal
        sunlitSinElevation = sky.sunlit
        midCosZenith = sky.middle
        extraterrestrialNormalWM2 = sky.normal
        let horizontal = sky.horizontal
        let days = Self.dailyClearness(ghiWM2: source.ghiWM2, extraterrestrialWM2: horizontal)
        guard let dark = days.firstIndex(where: { !$0.isFinite }) else {
            dailyKt = days
            monthlyKt = (0..<12).map { month in
                let hours = Self.hours(ofMonth: month)
                return source.ghiWM2[hours].reduce(0, +) / horizontal[hours].reduce(0, +)
            }
            temperaturePerKtC = Self.temperatureSlopes(tempC: source.tempC, dailyKt: days)
            siteChain = SiteDailyChain(dailyKt: days, monthlyKt: monthlyKt)
            (highestDNIWM2, monthlyBeamShare) = Self.beamFigures(source)
            return
        }
        throw HelioError(.weather, "synthetic years need sun every day; day \(dark + 1) of this file has none (polar night)",
                         file: source.source)
    }

    /// Per hour of the year: the mean extraterrestrial irradiance on the horizontal (W/m²), the mean
    /// sine of the sun's elevation over the sunlit part of the hour, the cosine of the zenith at the
    /// hour's middle, and the extraterrestrial normal irradiance (W/m²); the sun placed at
    /// ``samplesPerHour`` instants (NREL SPA, ``SolarEphemeris``).
    private static func sunGeometry(_ source: WeatherData) -> (horizontal: [Double], sunlit: [Double], middle: [Double], normal: [Double]) {
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: source.location.utcOffsetMinutes)
        let observer = ObserverGeometry(site: source.location)
        var horizontal = [Double](repeating: 0, count: 8760), sunlit = horizontal, middle = horizontal, normal = horizontal
        for hour in 0..<8760 {
            func sun(atMinute minute: Double) -> SunPosition {
                SolarEphemeris.baseYear.position(unixSeconds: axis.unixSeconds(minuteOfYear: minute), observer: observer,
                                                 pressureMbar: source.pressureMbar[hour], tempC: source.tempC[hour])
            }
            var sum = 0.0, lit = 0
            for sample in 0..<samplesPerHour {
                let cosZenith = sun(atMinute: Double(hour * 60) + (Double(sample) + 0.5) * 60 / Double(samplesPerHour)).cosZenith
                if cosZenith > 0 { sum += cosZenith; lit += 1 }
            }
            let centre = sun(atMinute: Double(hour * 60 + 30))
            normal[hour] = PerezTransposition.extraterrestrialWM2(earthSunDistanceAU: centre.earthSunDistanceAU)
            horizontal[hour] = normal[hour] * sum / Double(samplesPerHour)
            sunlit[hour] = lit > 0 ? sum / Double(lit) : 0
            middle[hour] = centre.cosZenith
        }
        return (horizontal, sunlit, middle, normal)
    }

    /// The source's highest DNI at each hour of the day in each month (W/m²), and its beam share of
    /// global irradiance on the horizontal per month.
    private static func beamFigures(_ source: WeatherData) -> (highestDNIWM2: [Double], monthlyBeamShare: [Double]) {
        let highest = (0..<(12 * 24)).map { slot in
            let hours = hours(ofMonth: slot / 24)
            return stride(from: hours.lowerBound + slot % 24, to: hours.upperBound, by: 24).reduce(0) { max($0, source.dniWM2[$1]) }
        }
        let shares = (0..<12).map { month -> Double in
            let hours = hours(ofMonth: month)
            let global = source.ghiWM2[hours].reduce(0, +)
            return global > 0 ? hours.reduce(0) { $0 + max(0, source.ghiWM2[$1] - source.dhiWM2[$1]) } / global : 0
        }
        return (highest, shares)
    }

    /// Year `index` (from 0) of the configured seed.
    public func year(_ index: Int) -> WeatherData {
        var random = SplitMix64(seed: UInt64(config.seed), stream: UInt64(index))
        let factor = levelFactor(&random)
        var days = [Double](repeating: 0, count: 365)
        var state = config.daily == .site ? siteChain.sourceRanks[364] : monthlyKt[11] * factor
        for month in 0..<12 {
            let first = CivilCalendar.monthStartDay[month], count = CivilCalendar.daysInMonth[month]
            let drawn = monthOfDays(month, target: monthlyKt[month] * factor, count: count, state: state, random: &random)
            days.replaceSubrange(first..<(first + count), with: drawn.kt)
            state = drawn.state
        }
        var ghi = hourlyGHI(dailyKt: days, random: &random)
        for month in 0..<12 { matchDiurnalProfile(&ghi, month: month, factor: factor) }
        return weather(ghiWM2: ghi, index: index)
    }

    /// Scales `month`'s beam on the horizontal to the source's beam share of the month's global
    /// irradiance, each hour's beam at most its global and its DNI at most the source's highest at
    /// that hour of the day in the month: the hours below their ceilings take up what the capped ones
    /// cannot (five rounds; a month whose ceilings cannot hold the share keeps what they hold).
    private func matchBeamShare(_ beamWM2: inout [Double], ghiWM2 ghi: [Double], month: Int) {
        let hours = Self.hours(ofMonth: month)
        let target = monthlyBeamShare[month] * ghi[hours].reduce(0, +)
        func ceiling(_ hour: Int) -> Double {
            min(ghi[hour], highestDNIWM2[month * 24 + (hour - hours.lowerBound) % 24] * max(midCosZenith[hour], 0))
        }
        for _ in 0..<5 {
            var capped = 0.0, free = 0.0
            for hour in hours { if beamWM2[hour] >= ceiling(hour) { capped += ceiling(hour) } else { free += beamWM2[hour] } }
            guard free > 0, abs(capped + free - target) > 1e-9 * target else { break }
            let scale = max(0, target - capped) / free
            for hour in hours where beamWM2[hour] < ceiling(hour) { beamWM2[hour] = min(ceiling(hour), beamWM2[hour] * scale) }
            for hour in hours { beamWM2[hour] = min(beamWM2[hour], ceiling(hour)) }
        }
    }

    /// Scales each hour of the day of `month` so the month's global irradiation at that hour is
    /// `factor` times the source's: the month's total and its mean diurnal profile become the source's
    /// (TAG's clearness is symmetric about solar noon; a desert summer clouds over in the afternoon).
    private func matchDiurnalProfile(_ ghi: inout [Double], month: Int, factor: Double) {
        let hours = Self.hours(ofMonth: month)
        for hourOfDay in 0..<24 {
            var drawn = 0.0, target = 0.0
            for hour in stride(from: hours.lowerBound + hourOfDay, to: hours.upperBound, by: 24) {
                drawn += ghi[hour]
                target += source.ghiWM2[hour]
            }
            let scale = drawn > 0 ? factor * target / drawn : 0
            for hour in stride(from: hours.lowerBound + hourOfDay, to: hours.upperBound, by: 24) {
                ghi[hour] = drawn > 0 ? ghi[hour] * scale : factor * source.ghiWM2[hour]
            }
        }
    }

    /// The source with `ghiWM2` in place of its irradiance, split into beam and diffuse, and its
    /// temperature moved with each day's clearness.
    private func weather(ghiWM2 ghi: [Double], index: Int) -> WeatherData {
        var year = source
        year.source = "\(source.source) · synthetic year \(index + 1) of seed \(config.seed)"
        year.ghiWM2 = ghi
        let generatedKt = Self.dailyClearness(ghiWM2: ghi, extraterrestrialWM2: extraterrestrialHorizontalWM2)
        var beamWM2 = (0..<8760).map { hour in
            ErbsDecomposition.split(ghiWM2: ghi[hour], cosZenith: midCosZenith[hour], extraterrestrialWM2: extraterrestrialNormalWM2[hour]).dniWM2
                * midCosZenith[hour]
        }
        for month in 0..<12 { matchBeamShare(&beamWM2, ghiWM2: ghi, month: month) }
        for hour in 0..<8760 {
            let day = hour / 24, cosZenith = midCosZenith[hour]
            year.dniWM2[hour] = cosZenith >= 0.05 ? beamWM2[hour] / cosZenith : 0
            year.dhiWM2[hour] = ghi[hour] - (cosZenith >= 0.05 ? beamWM2[hour] : 0)
            year.tempC[hour] += temperaturePerKtC[Self.month(ofDay: day)] * (generatedKt[day] - dailyKt[day])
        }
        return year
    }

    /// The year's level factor: normal, mean 1, standard deviation `interannual_cv`, redrawn beyond ±3σ.
    private func levelFactor(_ random: inout SplitMix64) -> Double {
        guard config.interannualCV > 0 else { return 1 }
        var z = random.nextGaussian()
        while abs(z) > 3 { z = random.nextGaussian() }
        return 1 + config.interannualCV * z
    }

    /// One month's daily Kt from the daily chain (``SyntheticWeatherConfig/DailyModel``), drawn until
    /// the mean is within 1 % of `target` (at most 50 draws; the closest is kept), and the chain's
    /// state after its last day (a rank for the site chain, a clearness for the library).
    private func monthOfDays(_ month: Int, target: Double, count: Int, state: Double,
                             random: inout SplitMix64) -> (kt: [Double], state: Double) {
        let band = AguiarMarkovLibrary.band(monthlyKt: target)
        var best: (kt: [Double], state: Double) = ([], state), bestError = Double.infinity
        var days = [Double](repeating: 0, count: count)
        for _ in 0..<50 {
            var today = state
            for day in 0..<count {
                switch config.daily {
                case .site:
                    today = siteChain.nextRank(after: today, random: &random)
                    days[day] = siteChain.clearness(rank: today, month: month, meanKt: target)
                case .library:
                    today = Self.nextDay(after: today, band: band, random: &random)
                    days[day] = today
                }
            }
            let error = abs(days.reduce(0, +) / Double(count) - target)
            if error < bestError { (best, bestError) = ((days, today), error) }
            if bestError <= 0.01 * target { break }
        }
        return best
    }

    /// Tomorrow's Kt from today's by the band's transition matrix.
    static func nextDay(after today: Double, band: Int, random: inout SplitMix64) -> Double {
        let lowest = AguiarMarkovLibrary.lowestKt[band]
        let width = (AguiarMarkovLibrary.highestKt[band] - lowest) / 10
        let state = min(9, max(0, Int((today - lowest) / width)))
        let row = AguiarMarkovLibrary.matrices[band][state]
        let draw = Double.random(in: 0..<1, using: &random) * row.reduce(0, +)
        var below = 0.0
        for next in 0..<10 where row[next] > 0 {
            if draw < below + row[next] || next == row.lastIndex(where: { $0 > 0 }) {
                return lowest + width * (Double(next) + min(1, (draw - below) / row[next]))
            }
            below += row[next]
        }
        return today
    }

    /// Hourly global irradiance, W/m², from each day's Kt by the TAG model.
    private func hourlyGHI(dailyKt days: [Double], random: inout SplitMix64) -> [Double] {
        var ghi = [Double](repeating: 0, count: 8760)
        for day in 0..<365 {
            let kt = days[day]
            let phi = 0.38 + 0.06 * cos(7.4 * kt - 2.5)
            let innovation = (1 - phi * phi).squareRoot()
            let lambda = -0.19 + 1.12 * kt + 0.24 * exp(-8 * kt)
            let eta = 0.32 - 1.6 * (kt - 0.5) * (kt - 0.5)
            let kappa = 0.19 + 2.27 * kt * kt - 2.51 * kt * kt * kt
            let a = 0.14 * exp(-20 * (kt - 0.35) * (kt - 0.35)), b = 3 * (kt - 0.45) * (kt - 0.45) + 16 * pow(kt, 5)
            let hours = (day * 24)..<(day * 24 + 24)
            let noon = hours.max { extraterrestrialHorizontalWM2[$0] < extraterrestrialHorizontalWM2[$1] }!
            var y = 0.0, drawn = 0.0, target = 0.0
            for hour in hours where extraterrestrialHorizontalWM2[hour] > 0 {
                let sinElevation = max(sunlitSinElevation[hour], 0.02)
                let mean = lambda + eta * exp(-kappa / sinElevation)
                let sigma = a * exp(b * (1 - sinElevation))
                let ceiling = 0.88 * cos(Double.pi * Double(hour - noon) / 30)
                var value = -1.0, next = 0.0
                for _ in 0..<20 {
                    next = phi * y + innovation * random.nextGaussian()
                    value = mean + sigma * next
                    if value >= 0 && value <= ceiling { break }
                }
                if value < 0 || value > ceiling {
                    value = min(max(value, 0), ceiling)
                    next = (value - mean) / sigma
                }
                y = next
                ghi[hour] = value * extraterrestrialHorizontalWM2[hour]
                drawn += ghi[hour]
                target += kt * extraterrestrialHorizontalWM2[hour]
            }
            guard drawn > 0 else { continue }
            for hour in hours { ghi[hour] *= target / drawn }
        }
        return ghi
    }

    /// Clearness index per day, Σ GHI / Σ extraterrestrial horizontal (NaN on a day without sun).
    public static func dailyClearness(ghiWM2: [Double], extraterrestrialWM2: [Double]) -> [Double] {
        (0..<365).map { day in
            let hours = (day * 24)..<(day * 24 + 24)
            let top = extraterrestrialWM2[hours].reduce(0, +)
            return top > 0 ? ghiWM2[hours].reduce(0, +) / top : .nan
        }
    }

    /// Least-squares slope of daily mean temperature on daily clearness within each month, °C per unit Kt.
    private static func temperatureSlopes(tempC: [Double], dailyKt: [Double]) -> [Double] {
        let dailyTempC = (0..<365).map { day in tempC[(day * 24)..<(day * 24 + 24)].reduce(0, +) / 24 }
        return (0..<12).map { month in
            let days = CivilCalendar.monthStartDay[month]..<(CivilCalendar.monthStartDay[month] + CivilCalendar.daysInMonth[month])
            let meanKt = dailyKt[days].reduce(0, +) / Double(days.count)
            let meanT = dailyTempC[days].reduce(0, +) / Double(days.count)
            var covariance = 0.0, variance = 0.0
            for day in days {
                covariance += (dailyKt[day] - meanKt) * (dailyTempC[day] - meanT)
                variance += (dailyKt[day] - meanKt) * (dailyKt[day] - meanKt)
            }
            return variance > 1e-9 ? covariance / variance : 0
        }
    }

    /// The hours of a month of the non-leap year.
    static func hours(ofMonth month: Int) -> Range<Int> {
        let first = CivilCalendar.monthStartDay[month] * 24
        return first..<(first + CivilCalendar.daysInMonth[month] * 24)
    }

    /// The month (0–11) of a day of the non-leap year.
    static func month(ofDay day: Int) -> Int {
        CivilCalendar.monthStartDay.lastIndex { $0 <= day } ?? 0
    }
}
