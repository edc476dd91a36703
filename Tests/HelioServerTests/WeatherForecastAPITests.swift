import Foundation
import HelioForecast
import HelioGrid
import HelioOptimize
import HelioServer
import HelioServerTestSupport
import HelioTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `PUT /v1/weather-forecast`: a day-ahead forecast run through the PV model, used by the forward
/// plan, refused whole when broken, and kept across a restart.
@Suite struct WeatherForecastAPITests {
    /// 48 hours of the Phoenix weather year from the plant's present hour, at half its irradiance (a
    /// cloudy two days the modelled year does not have), as HelioGrid's forecast CSV.
    static func cloudyForecast(fromHourMS startMS: Int64) -> String {
        let weather = TestData.phoenix
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: weather.location.utcOffsetMinutes)
        var csv = "timestamp,ghi_wm2,dni_wm2,dhi_wm2,temp_c,wind_ms\n"
        for offset in 0..<48 {
            let startMS = startMS + Int64(offset) * 3_600_000
            let step = axis.stepIndex(unixMS: startMS)
            let stamp = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(startMS) / 1000))
            csv += "\(stamp),\(weather.ghiWM2[step] / 2),\(weather.dniWM2[step] / 2),\(weather.dhiWM2[step] / 2),"
            csv += "\(weather.tempC[step]),\(weather.windSpeedMS[step])\n"
        }
        return csv
    }

    static func put(_ client: some TestClientProtocol, token: String, body: String, type: String) async throws -> TestResponse {
        try await client.execute(uri: "/v1/weather-forecast", method: .put,
                                 headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(string: body))
    }

    @Test func forecastDrivesTheForwardPlanAndSurvivesARestart() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        var stored: [LiveWeatherHour] = []
        do {
            let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 6, 21, hour: 6), interval: 0.05)
            let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
            let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
            try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
                let hourMS = await server.plant.plantTimeMS() / 3_600_000 * 3_600_000
                let csv = Self.cloudyForecast(fromHourMS: hourMS)
                #expect(try await Self.put(client, token: read, body: csv, type: "text/csv").status == .forbidden)
                let broken = try await Self.put(client, token: control, body: csv.replacingOccurrences(of: ",", with: ";"), type: "text/csv")
                #expect(broken.status == .unprocessableContent && String(buffer: broken.body).contains("header"))
                let accepted = try await Self.put(client, token: control, body: csv, type: "text/csv")
                #expect(accepted.status == .ok)
                let hours = try JSONDecoder().decode([LiveWeatherHour].self, from: Data(accepted.body.readableBytesView))
                #expect(hours.count == 48 && hours.first?.weather.startMS == hourMS && hours.contains { $0.pvKW > 1000 })
                let listed = try await client.execute(uri: "/v1/weather-forecast", method: .get, headers: [.authorization: "Bearer \(read)"])
                #expect(try JSONDecoder().decode([LiveWeatherHour].self, from: Data(listed.body.readableBytesView)).count >= 47)
                // Beyond the six hours over which the present measurement fades out, the plan's PV is the forecast's.
                let plan = try await client.execute(uri: "/v1/forecasts?hours=24", method: .get, headers: [.authorization: "Bearer \(read)"])
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(plan.body.readableBytesView)) as? [[String: Any]])
                let planStartMS = try #require((rows.first?["timestamp_ms"] as? NSNumber)?.int64Value)
                let planHourMS = planStartMS / 3_600_000 * 3_600_000
                let pvByHour = Dictionary(uniqueKeysWithValues: hours.map { ($0.weather.startMS, $0.pvKW) })
                let inputs = try SimulationInputs.prepare(server.scenario, weather: TestData.phoenix)
                var compared = 0
                for k in 7..<24 {
                    guard let expected = pvByHour[planHourMS + Int64(k) * 3_600_000], let pv = rows[k]["pv_kw"] as? Double else { continue }
                    #expect(abs(pv - expected) < 1e-6, "hour \(k): \(pv) vs \(expected)")
                    let modelled = inputs.pvAvailableKW[inputs.axis.stepIndex(unixMS: planHourMS + Int64(k) * 3_600_000)]
                    if modelled > 10_000 { #expect(pv < 0.8 * modelled, "a cloudy forecast lowers the plan's PV") }
                    compared += 1
                }
                #expect(compared >= 15)
            }
            stored = try server.store.weatherForecast()
            #expect(stored.count == 48)
        }
        let restarted = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 6, 21, hour: 6))
        #expect(restarted.weather.hours(fromMS: 0) == stored)
    }

    /// An Open-Meteo answer for a place 300 km away is refused with the distance named, and nothing is stored.
    @Test func openMeteoForAnotherPlaceIsRefused() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 6, 21, hour: 6))
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        let body = """
            {"latitude": 36.1, "longitude": -115.2, "utc_offset_seconds": -25200,
             "hourly_units": {"time": "iso8601", "shortwave_radiation": "W/m²", "direct_normal_irradiance": "W/m²",
                              "diffuse_radiation": "W/m²", "temperature_2m": "°C", "wind_speed_10m": "km/h"},
             "hourly": {"time": ["2026-06-21T07:00"], "shortwave_radiation": [100], "direct_normal_irradiance": [200],
                        "diffuse_radiation": [50], "temperature_2m": [30], "wind_speed_10m": [10]}}
            """
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            let refused = try await Self.put(client, token: control, body: body, type: "application/json")
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("km from the site"))
        }
        #expect(try server.store.weatherForecast().isEmpty)
    }
}
