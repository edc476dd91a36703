import Foundation
import HelioTestSupport
import Testing
@testable import HelioForecast
@testable import HelioGrid
@testable import HelioOptimize

@Suite struct ForecastTests {
    @Test func sameTimeYesterdayUsesTheLatestDayAndPersistsBeforeIt() {
        var forecaster = SameTimeYesterdayForecaster(stepMinutes: 60)
        forecaster.observe(step: 0, value: 5)
        #expect(forecaster.forecast(after: 0, count: 2) == [5, 5], "no history yet: persistence")
        for step in 0..<24 { forecaster.observe(step: step, value: Double(step)) }
        #expect(forecaster.forecast(after: 23, count: 3) == [0, 1, 2])
        #expect(forecaster.forecast(after: 23, count: 26).suffix(2) == [0, 1], "beyond a day: the same time on the latest day")
    }

    /// Clear-sky output [0, 100, 200, 100, 0] kW: 50 kW measured at step 1 sets the index to 0.5; a
    /// night step (below 5 % of the peak) leaves it alone.
    @Test func clearSkyIndexPersists() {
        var forecaster = ClearSkyIndexForecaster(clearSkyKW: [0, 100, 200, 100, 0])
        forecaster.observe(step: 1, value: 50)
        #expect(forecaster.forecast(after: 1, count: 2) == [100, 50])
        forecaster.observe(step: 4, value: 0)
        #expect(forecaster.forecast(after: 4, count: 2) == [0, 50], "wraps to the next day")
    }

    /// Haurwitz + Erbs on Phoenix: about 1000 W/m² at a June noon, mostly direct; a cloudless year
    /// gives more PV than the TMY year, and on the clearest TMY day the two agree within 15 %.
    @Test func clearSkyWeatherIsPlausible() {
        let clear = ClearSkyWeather.make(from: TestData.phoenix)
        let noon = CivilCalendar.minuteOfYear(month: 6, day: 21, hour: 12, minute: 0) / 60
        #expect(clear.ghiWM2[noon] > 950 && clear.ghiWM2[noon] < 1100)
        #expect(clear.dniWM2[noon] > 800 && clear.dhiWM2[noon] < 200)
        #expect(clear.ghiWM2[0] == 0)
        let config = TestData.anchorSystem(tracking: .fixed)
        let clearKWh = TestData.annualKWh(config, clear), actualKWh = TestData.annualKWh(config, TestData.phoenix)
        #expect(clearKWh > actualKWh && clearKWh < 1.4 * actualKWh)
        let days = (0..<365).map { day in (0..<24).reduce(0.0) { $0 + TestData.phoenix.ghiWM2[day * 24 + $1] } }
        let clearest = days.indices.max { days[$0] / clearDay(clear, $0) < days[$1] / clearDay(clear, $1) }!
        #expect(abs(days[clearest] / clearDay(clear, clearest) - 1) < 0.15)
    }

    private func clearDay(_ weather: WeatherData, _ day: Int) -> Double {
        (0..<24).reduce(0.0) { $0 + weather.ghiWM2[day * 24 + $1] }
    }
}
