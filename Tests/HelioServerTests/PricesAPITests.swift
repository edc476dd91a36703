import Foundation
import HelioGrid
import HelioServerTestSupport
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
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            let response = try await API.get(client, "/v1/prices?hours=6", token: read)
            #expect(response.status == .ok, "\(API.message(response))")
            let body = try API.object(response)
            let hours = try #require(body["hours"] as? [[String: Any]])
            #expect(hours.map { $0["import_price_per_kwh"] as? Double } == [0.10, 0.10, 0.30, 0.30, 0.30, 0.30])
            #expect(hours.first?["timestamp_ms"] as? Int64 == now - 1_800_000 && hours.allSatisfy { $0["export_price_per_kwh"] as? Double == 0 })
            #expect(body["demand_charge_per_kw_month"] as? Double == 0 && body["currency"] as? String == "USD")
            #expect(try await API.get(client, "/v1/prices?hours=169", token: read).status == .badRequest)
            #expect(try await ServerFixture.waitUntil { await server.loop.mpcReplans > 0 })
        }
        let plainPath = ServerFixture.databasePath()
        defer { ServerFixture.remove(plainPath) }
        let plain = try ServerFixture.server(path: plainPath, at: now, interval: 600)
        let token = try plain.store.createToken(scope: .read, label: "test", nowMS: 0)
        try await plain.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            let response = try await API.get(client, "/v1/prices", token: token)
            #expect(response.status == .notFound)
        }
    }

    /// The live rule EMS follows the tariff as in simulation: on the time-of-use hand case from 10:00
    /// (cheap, the battery empty) the grid carries the 1,000 kW load and charges the battery at its
    /// 1,000 kW, the import limit of 2,000 kW; from 17:00 (dear) the battery, full by then, carries
    /// the load and nothing is imported.
    @Test func liveRuleEMSFollowsTheTariff() async throws {
        let scenario = try ScenarioLoader.load(path: TestData.fixture("grid/tou-battery.toml"))
        var rule = scenario
        rule.dispatch.strategy = .rule
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let start = ServerFixture.phoenix(2026, 7, 15, hour: 10)
        let server = try EMSServer.simulated(scenario: rule, databasePath: path, speed: 4800, intervalSeconds: 0.05, wallClockMS: start)
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { _ in
            var cheap: PlantSetpoints?, dear: PlantSetpoints?
            #expect(try await ServerFixture.waitUntil {
                let status = server.loop.status()
                let hour = (status.timestampMS - start) / 3_600_000 + 10
                if (11..<16).contains(hour), cheap == nil, (status.telemetry?.soc ?? 1) < 0.9 { cheap = status.setpoints }
                if hour == 17 { dear = status.setpoints }
                return dear != nil
            })
            let charging = try #require(cheap), carrying = try #require(dear)
            #expect(abs(charging.gridKW - 2000) < 1 && abs(charging.batteryKW + 1000) < 1, "\(charging)")
            #expect(abs(carrying.gridKW) < 1 && abs(carrying.batteryKW - 1000) < 1, "\(carrying)")
        }
    }
}
