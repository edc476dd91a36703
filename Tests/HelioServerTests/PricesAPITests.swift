import Foundation
import HelioGrid
import HelioTestSupport
import Hummingbird
import HummingbirdTesting
import Testing
@testable import HelioServer

/// `GET /v1/prices` (docs/grid.md): the tariff the live EMS plans on, beside the carbon forecast.
@Suite struct PricesAPITests {
    typealias API = ServerAPITests

    /// The time-of-use hand case live under MPC at 15:30 on 15 July: six hours from 15:00 are
    /// 0.10, 0.10, 0.30 × 4 (17:00 to 21:00), with no export price and no charges; the MPC plans on
    /// the same tariff. The default campus has no grid: 404.
    @Test func pricesFollowTheTariffAtThePlantClock() async throws {
        var scenario = try ScenarioLoader.load(path: TestData.fixture("grid/tou-battery.toml"))
        scenario.dispatch.strategy = .mpc
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let now = ServerFixture.phoenix(2026, 7, 15, hour: 15) + 1_800_000
        let server = try ServerFixture.server(scenario, path: path, at: now, interval: 600)
        let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
        try await server.application(port: 0).test(.live) { client in
            let response = try await API.get(client, "/v1/prices?hours=6", token: read)
            #expect(response.status == .ok, "\(API.message(response))")
            let body = try API.object(response)
            let hours = try #require(body["hours"] as? [[String: Any]])
            #expect(hours.map { $0["import_price_per_kwh"] as? Double } == [0.10, 0.10, 0.30, 0.30, 0.30, 0.30])
            #expect(hours.first?["timestamp_ms"] as? Int64 == now - 1_800_000 && hours.allSatisfy { $0["export_price_per_kwh"] as? Double == 0 })
            #expect(body["demand_charge_per_kw_month"] as? Double == 0 && body["currency"] as? String == "USD")
            #expect(try await API.get(client, "/v1/prices?hours=169", token: read).status == .badRequest)
            #expect(try await ServerFixture.waitUntil { await server.loop.mpcPlan() != nil })
        }
        let plainPath = ServerFixture.databasePath()
        defer { ServerFixture.remove(plainPath) }
        let plain = try ServerFixture.server(path: plainPath, at: now, interval: 600)
        let token = try plain.store.createToken(scope: .read, label: "test", nowMS: 0)
        try await plain.application(port: 0).test(.live) { client in
            let response = try await API.get(client, "/v1/prices", token: token)
            #expect(response.status == .notFound)
        }
    }
}
