import Foundation
import HelioGrid
import HelioServer
import HelioServerTestSupport
import HelioTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `/v1/forecasts` carries the live MPC's forecast bands: the lowest and highest PV and load of its
/// analog-ensemble members each hour (docs/forecasts.md), and a weather forecast pushed to the
/// service moves the band with the forecast it centres on.
@Suite struct ForecastBandsTests {
    /// Rows of `GET /v1/forecasts?hours=24`.
    static func rows(_ client: some TestClientProtocol, token: String) async throws -> [[String: Double]] {
        let answer = try await client.execute(uri: "/v1/forecasts?hours=24", method: .get, headers: [.authorization: "Bearer \(token)"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) as? [[String: Any]])
        return rows.map { row in row.compactMapValues { ($0 as? NSNumber)?.doubleValue } }
    }

    /// The default campus under MPC from 06:00 on 21 June: the present hour is measured (no band);
    /// every later band holds low ≤ high, PV is zero through the night in every member, daylight hours
    /// have a band of at least a megawatt, and the load's band is not empty. Under the rule-based EMS
    /// (no ensemble) each band is the forecast itself. A cloudy weather forecast pushed lowers the
    /// band's top at midday with the forecast.
    @Test(arguments: [DispatchConfig.Strategy.mpc, .rule])
    func forecastsCarryTheEnsemblesBand(strategy: DispatchConfig.Strategy) async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        var scenario = TestData.defaultScenario
        scenario.dispatch.strategy = strategy
        scenario.dispatch.forecastMembers = 3
        let server = try ServerFixture.server(scenario, path: path, at: ServerFixture.phoenix(2026, 6, 21, hour: 6))
        let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            let rows = try await Self.rows(client, token: read)
            #expect(rows.count == 24)
            let first = try #require(rows.first)
            #expect(first["pv_low_kw"] == first["pv_kw"] && first["pv_high_kw"] == first["pv_kw"])
            for row in rows {
                let (pvLow, pvHigh) = (try #require(row["pv_low_kw"]), try #require(row["pv_high_kw"]))
                let (loadLow, loadHigh) = (try #require(row["load_low_kw"]), try #require(row["load_high_kw"]))
                #expect(pvLow <= pvHigh && loadLow <= loadHigh && pvLow >= 0)
                if row["pv_kw"] == 0 { #expect(pvHigh == 0, "a dark hour is dark in every member") }
            }
            let widest = rows.map { ($0["pv_high_kw"] ?? 0) - ($0["pv_low_kw"] ?? 0) }.max() ?? 0
            let loadWidest = rows.map { ($0["load_high_kw"] ?? 0) - ($0["load_low_kw"] ?? 0) }.max() ?? 0
            guard strategy == .mpc else {
                #expect(widest == 0 && loadWidest == 0, "without an ensemble the band is the forecast")
                return
            }
            #expect(widest > 1_000 && loadWidest > 0, "PV band \(widest) kW, load band \(loadWidest) kW")
            let hourMS = await server.plant.plantTimeMS() / 3_600_000 * 3_600_000
            let pushed = try await WeatherForecastAPITests.put(client, token: control, body: WeatherForecastAPITests.cloudyForecast(fromHourMS: hourMS),
                                                               type: "text/csv")
            #expect(pushed.status == .ok)
            let cloudy = try await Self.rows(client, token: read)
            // Noon is six hours on: past the hours the present measurement fades out over.
            let noon = 6
            #expect((cloudy[noon]["pv_high_kw"] ?? 0) < (rows[noon]["pv_high_kw"] ?? 0), "noon's top: \(cloudy[noon]) against \(rows[noon])")
        }
    }
}
