import Foundation
import HelioTestSupport
import Testing
@testable import HelioForecast
@testable import HelioGrid
@testable import HelioOptimize

/// The live EMS's weather forecast on its clock hours, and the forecasts it replaces.
@Suite struct LiveWeatherTests {
    static func hour(_ startMS: Int64, ghi: Double, tempC: Double = 25) -> WeatherForecastHour {
        WeatherForecastHour(startMS: startMS, ghiWM2: ghi, dniWM2: 0, dhiWM2: ghi, tempC: tempC, windSpeedMS: 2)
    }

    /// Nepal (UTC+05:45) forecasts start a quarter past the UTC hour: the clock hour 01:00–02:00 UTC
    /// spends 15 minutes in the hour from 00:15 and 45 in the hour from 01:15, so GHI 100 and 300
    /// give 0.25 · 100 + 0.75 · 300 = 250; three forecast hours cover two clock hours.
    @Test func quarterHourZonesAverageOntoClockHours() {
        let quarter: Int64 = 15 * 60_000
        let forecast = [Self.hour(quarter, ghi: 100), Self.hour(quarter + 3_600_000, ghi: 300), Self.hour(quarter + 7_200_000, ghi: 500)]
        let clock = WeatherForecastOverlay.clockHours(forecast, pvKW: [10, 30, 50])
        #expect(clock.map(\.weather.startMS) == [3_600_000, 7_200_000])
        #expect(clock.map(\.weather.ghiWM2) == [250, 450] && clock.map(\.pvKW) == [25, 45])
        let whole = WeatherForecastOverlay.clockHours([Self.hour(0, ghi: 100)], pvKW: [10])
        #expect(whole.map(\.weather.ghiWM2) == [100] && whole.map(\.pvKW) == [10])
    }

    /// A forecast for a point 100 km from the site is refused; 10 km away is taken, and a newer
    /// forecast replaces the hours it covers.
    @Test func forecastsForOtherPlacesAreRefusedAndNewerOnesReplace() throws {
        let site = TestData.phoenix.location
        let overlay = WeatherForecastOverlay(site: site, pv: nil)
        let kmPerDegree = 6371 * Double.pi / 180
        let far = try WeatherForecast(hours: [Self.hour(0, ghi: 100)], latitudeDeg: site.latitudeDeg + 100 / kmPerDegree,
                                      longitudeDeg: site.longitudeDeg, source: "far") { _ in (nil, nil) }
        #expect(throws: HelioError.self) { try overlay.apply(far, source: "far", nowMS: 0) }
        let near = try WeatherForecast(hours: [Self.hour(0, ghi: 100, tempC: 30), Self.hour(3_600_000, ghi: 200, tempC: 31)],
                                       latitudeDeg: site.latitudeDeg + 10 / kmPerDegree, longitudeDeg: site.longitudeDeg,
                                       source: "near") { _ in (nil, nil) }
        try overlay.apply(near, source: "near", nowMS: 0)
        #expect(overlay.tempC(hour: 0) == 30 && overlay.tempC(hour: 1) == 31 && overlay.tempC(hour: 2) == nil)
        let newer = try WeatherForecast(hours: [Self.hour(3_600_000, ghi: 200, tempC: 35)], source: "newer") { _ in (nil, nil) }
        try overlay.apply(newer, source: "newer", nowMS: 0)
        #expect(overlay.tempC(hour: 0) == 30 && overlay.tempC(hour: 1) == 35 && overlay.hours(fromMS: 0).count == 2)
        #expect(overlay.pvKW(hour: 1) == 0, "no PV plant: no PV")
    }

    /// A forecast whose clock is far from the plant's — a year-4000 stamp, one from 1971 — is refused
    /// naming its time, and the hours held stay; one starting within the kept hours before the plant
    /// clock or the 16-day lead after it is taken.
    @Test func forecastsFarFromThePlantClockAreRefusedAndKeepTheHeldHours() throws {
        let site = TestData.phoenix.location
        let overlay = WeatherForecastOverlay(site: site, pv: nil)
        let nowMS = TestData.phoenix(2026, 6, 21, hour: 12)
        let held = try WeatherForecast(hours: (0..<48).map { Self.hour(nowMS + Int64($0) * 3_600_000, ghi: 100) }, source: "held") { _ in (nil, nil) }
        try overlay.apply(held, source: "held", nowMS: nowMS)
        let year4000 = Int64(CivilCalendar.daysFromEpoch(year: 4000, month: 1, day: 1)) * 86_400_000
        for startMS: Int64 in [year4000, 365 * 86_400_000, nowMS - 49 * 3_600_000, nowMS + (16 * 24 + 1) * 3_600_000] {
            let far = try WeatherForecast(hours: [Self.hour(startMS, ghi: 500)], source: "far") { _ in (nil, nil) }
            #expect(throws: HelioError.self) { try overlay.apply(far, source: "far", nowMS: nowMS) }
            #expect(overlay.hours(fromMS: 0).count == 48, "a refused forecast drops nothing")
        }
        for startMS: Int64 in [nowMS - 47 * 3_600_000, nowMS + 16 * 24 * 3_600_000] {
            let near = try WeatherForecast(hours: [Self.hour(startMS, ghi: 500)], source: "near") { _ in (nil, nil) }
            try overlay.apply(near, source: "near", nowMS: nowMS)
        }
        #expect(overlay.hours(fromMS: 0).count == 50)
    }

    /// With a forecast for clock hour h the live forecasters give its PV, the modelled IT load's
    /// facility power at its temperature, and the gensets' derating at that temperature; hours it
    /// does not cover keep the modelled year.
    @Test func liveForecastsUseTheWeatherForecastWhereItHasOne() throws {
        var scenario = TestData.defaultScenario
        let weather = TestData.phoenix
        let inputs = try SimulationInputs.prepare(scenario, weather: weather)
        let overlay = WeatherForecastOverlay(site: weather.location, pv: PVForecastModel(pv: scenario.pv!, weather: weather))
        let hour = Int(TestData.phoenix(2026, 6, 21, hour: 12) / 3_600_000)
        let forecast = try WeatherForecast(hours: [WeatherForecastHour(startMS: Int64(hour) * 3_600_000, ghiWM2: 300, dniWM2: 100,
                                                                       dhiWM2: 220, tempC: 48, windSpeedMS: 1)], source: "t") { _ in (nil, nil) }
        let set = try overlay.apply(forecast, source: "t", nowMS: Int64(hour) * 3_600_000)
        scenario.dispatch.strategy = .mpc
        let forecasts = LiveForecasts(scenario: scenario, inputs: inputs, weather: overlay)
        #expect(set.count == 1 && set[0].pvKW > 0 && forecasts.pv.model(at: hour) == set[0].pvKW)
        let step = inputs.axis.stepIndex(unixMS: Int64(hour) * 3_600_000)
        let cooling = CoolingModel(config: scenario.load.cooling)
        let expectedLoad = cooling.facilityKW(itKW: inputs.load.itKW[step], ambientC: 48, designITKW: GPUClusterLoad(config: scenario.load).peakITKW)
        #expect(abs(forecasts.load.model(at: hour) - expectedLoad) < 1e-9 && forecasts.load.model(at: hour) != inputs.load.facilityKW[step])
        let diesel = try #require(scenario.diesel)
        #expect(forecasts.dieselRating?.model(at: hour) == diesel.ratingFactor(ambientC: 48, elevationM: weather.location.elevationM))
        #expect(diesel.ratingFactor(ambientC: 48, elevationM: weather.location.elevationM) < 1)
        #expect(forecasts.pv.model(at: hour + 1) == inputs.pvAvailableKW[step + 1], "an hour the forecast does not cover")
    }
}
