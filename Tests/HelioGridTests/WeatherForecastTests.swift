import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

/// Day-ahead weather forecasts: Open-Meteo's JSON and HelioGrid's CSV onto hour means, their errors,
/// and the PV model run on them.
@Suite struct WeatherForecastTests {
    /// Three Open-Meteo rows, worked by hand: the row stamped 06:00 local (UTC−7) is the hour
    /// 05:00–06:00, 12:00–13:00 UTC; radiation as given; temperature and wind the mean of the
    /// instants at the hour's two ends (the first row its own instant); km/h ÷ 3.6.
    static let openMeteo = """
        {"latitude": 33.45, "longitude": -111.98, "utc_offset_seconds": -25200, "timezone": "America/Phoenix",
         "hourly_units": {"time": "iso8601", "shortwave_radiation": "W/m²", "direct_normal_irradiance": "W/m²",
                          "diffuse_radiation": "W/m²", "temperature_2m": "°C", "wind_speed_10m": "km/h"},
         "hourly": {"time": ["2026-06-21T06:00", "2026-06-21T07:00", "2026-06-21T08:00"],
                    "shortwave_radiation": [10, 150, 400], "direct_normal_irradiance": [0, 300, 600],
                    "diffuse_radiation": [10, 60, 90], "temperature_2m": [20, 22, 26], "wind_speed_10m": [3.6, 7.2, 18]}}
        """

    @Test func openMeteoRowsBecomeHourMeans() throws {
        let forecast = try WeatherForecastLoader.read(Self.openMeteo, source: "om.json")
        let first = Int64(CivilCalendar.daysFromEpoch(year: 2026, month: 6, day: 21)) * 86_400_000 + 12 * 3_600_000
        #expect(forecast.hours.map(\.startMS) == [first, first + 3_600_000, first + 7_200_000])
        #expect(forecast.hours.map(\.ghiWM2) == [10, 150, 400] && forecast.hours.map(\.dniWM2) == [0, 300, 600])
        #expect(forecast.hours.map(\.dhiWM2) == [10, 60, 90] && forecast.hours.map(\.tempC) == [20, 21, 24])
        #expect(zip(forecast.hours.map(\.windSpeedMS), [1.0, 1.5, 3.5]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(forecast.latitudeDeg == 33.45 && forecast.longitudeDeg == -111.98)
    }

    /// The same hours as Unix seconds with °F and knots give the same hour means.
    @Test func unixTimesAndOtherUnitsConvertExactly() throws {
        let first = CivilCalendar.daysFromEpoch(year: 2026, month: 6, day: 21) * 86_400 + 13 * 3600
        let text = """
            {"hourly_units": {"time": "unixtime", "shortwave_radiation": "W/m²", "direct_normal_irradiance": "W/m²",
                              "diffuse_radiation": "W/m²", "temperature_2m": "°F", "wind_speed_10m": "kn"},
             "hourly": {"time": [\(first), \(first + 3600)], "shortwave_radiation": [10, 150], "direct_normal_irradiance": [0, 300],
                        "diffuse_radiation": [10, 60], "temperature_2m": [68, 71.6], "wind_speed_10m": [1, 3]}}
            """
        let forecast = try WeatherForecastLoader.read(text, source: "om.json")
        let firstMS = Int64(first) * 1000
        #expect(forecast.hours.map(\.startMS) == [firstMS - 3_600_000, firstMS])
        #expect(zip(forecast.hours.map(\.tempC), [20.0, 21]).allSatisfy { abs($0 - $1) < 1e-12 })
        let knotMS = 1852.0 / 3600
        let expectedWind: [Double] = [knotMS, 2 * knotMS]
        #expect(zip(forecast.hours.map(\.windSpeedMS), expectedWind).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    /// Each broken answer is refused, naming the key at fault.
    @Test(arguments: [
        (#""diffuse_radiation": [10, 60, 90], "#, "", "hourly.diffuse_radiation"),
        ("[10, 150, 400]", "[10, null, 400]", "hourly.shortwave_radiation[1]"),
        ("[10, 150, 400]", "[10, true, 400]", "hourly.shortwave_radiation[1]"),
        ("[10, 150, 400]", "[10, -150, 400]", "hourly.time[1]"),
        (#""shortwave_radiation": "W/m²""#, #""shortwave_radiation": "Wh/m²""#, "hourly_units.shortwave_radiation"),
        (#""2026-06-21T07:00""#, #""2026-06-21T09:00""#, "hourly.time[1]"),
        (#""2026-06-21T07:00""#, #""21/06/2026 07:00""#, "hourly.time[1]"),
        (#""utc_offset_seconds": -25200, "#, "", "utc_offset_seconds"),
    ])
    func brokenAnswersNameTheirKey(find: String, replace: String, key: String) {
        let text = Self.openMeteo.replacingOccurrences(of: find, with: replace)
        #expect(text != Self.openMeteo)
        do {
            _ = try WeatherForecastLoader.read(text, source: "om.json")
            Issue.record("accepted: \(replace)")
        } catch let error as HelioError {
            #expect(error.key == key && error.file == "om.json" && error.kind == .weather, "\(error)")
        } catch { Issue.record("\(error)") }
    }

    @Test func csvFormInAnyColumnOrderAndItsErrors() throws {
        let text = """
            timestamp,temp_c,wind_ms,ghi_wm2,dni_wm2,dhi_wm2
            2026-06-21T05:00:00-07:00,20,1,10,0,10
            2026-06-21T06:00:00-07:00,21,1.5,150,300,60
            """
        let forecast = try WeatherForecastLoader.read(text, source: "f.csv")
        #expect(forecast.hours.map(\.tempC) == [20, 21] && forecast.hours.map(\.ghiWM2) == [10, 150])
        #expect(forecast.hours[1].startMS - forecast.hours[0].startMS == 3_600_000)
        let cases = [
            (text.replacingOccurrences(of: "dhi_wm2", with: "dhi"), 1),
            (text.replacingOccurrences(of: ",150,", with: ",abc,"), 3),
            (text.replacingOccurrences(of: "06:00:00-07:00", with: "07:00:00-07:00"), 3),
            (text.replacingOccurrences(of: "21,1.5", with: "99,1.5"), 3),
            (text.replacingOccurrences(of: "-07:00,20", with: ",20"), 2),
        ]
        for (broken, line) in cases {
            #expect(throws: HelioError.self) { try WeatherForecastLoader.read(broken, source: "f.csv") }
            do { _ = try WeatherForecastLoader.read(broken, source: "f.csv") } catch let error as HelioError {
                #expect(error.line == line && error.file == "f.csv", "\(error)")
            } catch {}
        }
    }

    /// The Phoenix weather year's own hours, written as a forecast for the same dates, give the PV
    /// the simulation computes for them: the same chain, with the full SPA instead of the
    /// interpolated ephemeris and the file's annual-mean albedo and pressure instead of the hour's.
    @Test(arguments: [172, 355])
    func pvFromAForecastMatchesTheSimulatedYear(dayOfYear: Int) throws {
        let weather = TestData.phoenix, scenario = TestData.defaultScenario
        let pv = try #require(scenario.pv)
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: weather.location.utcOffsetMinutes)
        let steps = Array((dayOfYear * 24)..<(dayOfYear * 24 + 48))
        var csv = "timestamp,ghi_wm2,dni_wm2,dhi_wm2,temp_c,wind_ms\n"
        for step in steps {
            csv += "\(axis.timestamp(step: step)),\(weather.ghiWM2[step]),\(weather.dniWM2[step]),\(weather.dhiWM2[step]),"
            csv += "\(weather.tempC[step]),\(weather.windSpeedMS[step])\n"
        }
        let forecastKW = PVForecastModel(pv: pv, weather: weather).acPowerKW(try WeatherForecastLoader.read(csv, source: "phoenix.csv"))
        let year = try SimulationInputs.prepare(scenario, weather: weather).pvAvailableKW
        let simulatedKW = steps.map { year[$0] }
        let acRatingKW = pv.dcKW / pv.dcACRatio
        #expect(zip(forecastKW, simulatedKW).allSatisfy { abs($0 - $1) <= 0.005 * acRatingKW }, "\(forecastKW) vs \(simulatedKW)")
        let forecastKWh = forecastKW.reduce(0, +), simulatedKWh = simulatedKW.reduce(0, +)
        #expect(simulatedKWh > 0 && abs(forecastKWh / simulatedKWh - 1) < 0.003, "\(forecastKWh) vs \(simulatedKWh)")
    }
}
