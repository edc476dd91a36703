import Foundation
import HelioGrid
import HelioTestSupport
import Testing

/// The synthetic-year generator against the Phoenix TMY3 it is made from (docs/weather.md).
@Suite struct SyntheticWeatherTests {
    static let config = SyntheticWeatherConfig(years: 100, seed: 7, interannualCV: 0.03)
    static let generator = TestData.shared { try SyntheticWeather(source: TestData.phoenix, config: config) }

    /// The hundred years, made off the cooperative threads.
    static func hundredYears() async throws -> [WeatherData] {
        try await OffPool.run { (0..<config.years).map { generator.year($0) } }
    }

    /// Annual global irradiation, kWh/m².
    static func annualKWhM2(_ weather: WeatherData) -> Double { weather.ghiWM2.reduce(0, +) / 1000 }

    static func dailyKt(_ weather: WeatherData) -> [Double] {
        SyntheticWeather.dailyClearness(ghiWM2: weather.ghiWM2, extraterrestrialWM2: generator.extraterrestrialHorizontalWM2)
    }

    /// Lag-one autocorrelation of a series.
    static func lagOne(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let covariance = zip(values, values.dropFirst()).reduce(0) { $0 + ($1.0 - mean) * ($1.1 - mean) }
        return covariance / variance
    }

    /// Two-sample Kolmogorov–Smirnov statistic: the largest gap between the empirical distributions.
    static func ksStatistic(_ a: [Double], _ b: [Double]) -> Double {
        let x = a.sorted(), y = b.sorted()
        var i = 0, j = 0, gap = 0.0
        while i < x.count && j < y.count {
            let value = min(x[i], y[j])
            while i < x.count && x[i] <= value { i += 1 }
            while j < y.count && y[j] <= value { j += 1 }
            gap = max(gap, abs(Double(i) / Double(x.count) - Double(j) / Double(y.count)))
        }
        return gap
    }

    /// The world-wide library: each month's irradiation is the source's exactly without inter-annual
    /// variation, and its days are spread wider and persist less than Phoenix's (docs/weather.md).
    @Test func libraryChainKeepsMonthlyTotalsExactly() async throws {
        let config = SyntheticWeatherConfig(years: 20, seed: 3, interannualCV: 0, daily: .library)
        let generator = try SyntheticWeather(source: TestData.phoenix, config: config)
        let years = try await OffPool.run { (0..<config.years).map { generator.year($0) } }
        for year in years {
            for month in 0..<12 {
                let hours = SyntheticWeatherTests.hours(month)
                let ratio = year.ghiWM2[hours].reduce(0, +) / TestData.phoenix.ghiWM2[hours].reduce(0, +)
                #expect(abs(ratio - 1) < 1e-9)
            }
        }
        let ks = Self.ksStatistic(years.flatMap { Self.dailyKt($0) }, Self.generator.dailyKt)
        #expect(ks > 0.05 && ks < 0.15, "KS \(ks)")
    }

    @Test func onlyAnHourlyYearCanBeTheSource() {
        var halfHourly = TestData.phoenix
        halfHourly.stepMinutes = 30
        #expect(throws: HelioError.self) { try SyntheticWeather(source: halfHourly, config: Self.config) }
    }

    static func hours(_ month: Int) -> Range<Int> {
        CivilCalendar.monthStartDay[month] * 24..<(CivilCalendar.monthStartDay[month] + CivilCalendar.daysInMonth[month]) * 24
    }

    @Test func hundredYearsKeepTheSourcesMeansAndPersistenceWithTheConfiguredVariation() async throws {
        let years = try await Self.hundredYears()
        checkMonthlyMeans(years)
        checkInterannualVariation(years)
        checkDailyClearness(years)
        checkYear(years[3])
        checkBeamShare(years)
        let highest = TestData.phoenix.dniWM2.max()!
        #expect(years.allSatisfy { $0.dniWM2.max()! <= highest + 1e-9 })
    }

    private func checkMonthlyMeans(_ years: [WeatherData]) {
        for month in 0..<12 {
            let hours = Self.hours(month)
            let source = TestData.phoenix.ghiWM2[hours].reduce(0, +)
            let mean = years.reduce(0) { $0 + $1.ghiWM2[hours].reduce(0, +) } / Double(years.count)
            #expect(abs(mean / source - 1) < 0.01, "month \(month + 1): \(mean / source)")
        }
        let annual = years.map(Self.annualKWhM2)
        let mean = annual.reduce(0, +) / Double(annual.count)
        #expect(abs(mean / Self.annualKWhM2(TestData.phoenix) - 1) < 0.01)
    }

    private func checkInterannualVariation(_ years: [WeatherData]) {
        let annual = years.map(Self.annualKWhM2)
        let mean = annual.reduce(0, +) / Double(annual.count)
        let sd = (annual.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(annual.count - 1)).squareRoot()
        #expect(abs(sd / mean - Self.config.interannualCV) < 0.005, "CV \(sd / mean)")
    }

    private func checkDailyClearness(_ years: [WeatherData]) {
        let source = Self.generator.dailyKt
        let generated = years.map(Self.dailyKt)
        let ks = Self.ksStatistic(generated.flatMap { $0 }, source)
        let lag = generated.map(Self.lagOne).reduce(0, +) / Double(generated.count)
        #expect(ks < 0.1, "KS \(ks)")
        #expect(abs(lag - Self.lagOne(source)) < 0.05, "lag-1 \(lag) against \(Self.lagOne(source))")
    }

    /// The years' beam share of global irradiance on the horizontal, month by month, against the
    /// source's (an hour's beam is capped at its global and its DNI at the source's highest, so a
    /// month can fall short by a little), and no DNI above the source's highest.
    private func checkBeamShare(_ years: [WeatherData]) {
        for month in 0..<12 {
            let hours = Self.hours(month)
            func beamShare(_ w: WeatherData) -> Double {
                hours.reduce(0) { $0 + w.ghiWM2[$1] - w.dhiWM2[$1] } / hours.reduce(0) { $0 + w.ghiWM2[$1] }
            }
            let mean = years.reduce(0) { $0 + beamShare($1) } / Double(years.count)
            #expect(abs(mean - beamShare(TestData.phoenix)) < 0.005, "month \(month + 1): beam share \(mean)")
        }
    }

    private func checkYear(_ year: WeatherData) {
        let again = Self.generator.year(3)
        #expect(again.ghiWM2 == year.ghiWM2 && again.tempC == year.tempC)
        #expect(Self.generator.year(4).ghiWM2 != year.ghiWM2)
        let other = try! SyntheticWeather(source: TestData.phoenix, config: SyntheticWeatherConfig(years: 1, seed: 8)).year(3)
        #expect(other.ghiWM2 != year.ghiWM2)
        #expect(year.ghiWM2.allSatisfy { $0 >= 0 } && year.dhiWM2.allSatisfy { $0 >= 0 } && year.dniWM2.allSatisfy { $0 >= 0 })
        #expect(year.dhiWM2.indices.allSatisfy { year.dhiWM2[$0] <= year.ghiWM2[$0] + 1e-9 })
    }
}
