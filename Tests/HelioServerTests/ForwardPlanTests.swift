import Foundation
import HelioGrid
import HelioOptimize
import HelioServerTestSupport
import HelioTestSupport
import HummingbirdTesting
import Testing
@testable import HelioServer

/// The forward plan is the live EMS run forward (docs/compute.md): a copy of the loop's strategy
/// stepped on the forecasts equals, hour by hour, what the control loop itself then decides on a
/// simulated plant whose load and PV are the forecasts (the modelled year, PV measured as modelled).
@Suite struct ForwardPlanTests {
    /// A campus, its strategy, the start and the hours compared.
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String?
        var strategy: DispatchConfig.Strategy
        var start: (month: Int, day: Int, hour: Int)
        var hours: Int
        var testDescription: String { "\(fixture ?? "default campus") under \(strategy.rawValue)" }
    }

    static let cases = [
        Case(fixture: nil, strategy: .loadFollowing, start: (1, 10, 15), hours: 30),
        Case(fixture: nil, strategy: .cycleCharging, start: (1, 10, 15), hours: 30),
        Case(fixture: nil, strategy: .rule, start: (7, 15, 1), hours: 30),
        Case(fixture: "grid/tou-battery.toml", strategy: .rule, start: (7, 15, 10), hours: 30),
        Case(fixture: nil, strategy: .mpc, start: (1, 10, 15), hours: 12),
    ]

    /// After one live interval, the plan from the loop's state equals the same number of live
    /// `decide` calls on the strategy as the loop then holds (a copy taken apart from the plan's),
    /// each on the reading a plant that carries out its setpoints would send at that hour: the
    /// forecast load and PV and the state of charge the last decision left. The gensets of every
    /// hour, the state of charge at its start and its intensity (the live ledger booking the same
    /// flows) agree.
    @Test(arguments: cases)
    func forwardPlanEqualsTheLiveDecisions(_ test: Case) async throws {
        var scenario = try test.fixture.map { try ScenarioLoader.load(path: TestData.fixture($0)) } ?? TestData.defaultScenario
        scenario.dispatch.strategy = test.strategy
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let startMS = ServerFixture.phoenix(2026, test.start.month, test.start.day, hour: test.start.hour)
        let server = try EMSServer.simulated(scenario: scenario, databasePath: path, speed: 3600 / 0.05, intervalSeconds: 0.05, wallClockMS: startMS)
        let inputs = try SimulationInputs.prepare(scenario)
        await server.loop.tick()
        let now = PlantTime(unixMS: await server.plant.plantTimeMS())
        let start = await server.loop.forwardStart()
        let plan = ForwardPlan.hours(scenario: scenario, inputs: inputs, weather: server.weather, start: start, at: now, hours: test.hours)
        let forecast = ForwardPlan.profiles(scenario: scenario, inputs: inputs, weather: server.weather, reading: start.reading, at: now,
                                            hours: test.hours)
        var live = start.strategy, ledger = start.ledger
        var battery = PlantModel(scenario: scenario).makeBattery(soc: start.reading?.soc)
        var units: Set<Int> = [], socs: Set<Int> = []
        for (hour, row) in plan.enumerated() {
            let time = now + .hours(Double(hour))
            let reading = PlantTelemetry(timestampMS: time.unixMS, loadKW: forecast.loadKW[hour], pvAvailableKW: forecast.pvKW[hour], pvKW: 0,
                                         batteryKW: 0, soc: battery?.soc ?? 0, dieselKW: 0, dieselUnits: 0, gridKW: 0, unservedKW: 0,
                                         batteryOnline: battery != nil)
            let decision = live.decide(reading, tick: start.tick + 1 + hour, hours: 1, at: time).decision
            let entry = ledger.entry(StepFlows(decision, loadKW: reading.loadKW, hours: 1), dieselUnits: decision.dieselUnits,
                                     dieselKW: decision.dieselKW, at: time, seconds: 3600)
            #expect(row.timestampMS == time.unixMS && row.soc == reading.soc && row.dieselUnits == decision.dieselUnits,
                    "hour \(hour): \(decision.dieselUnits) gensets at SOC \(reading.soc) live, \(row.dieselUnits) at \(row.soc) planned")
            #expect(abs(row.intensityGPerKWh - entry.intensityGPerKWh) <= 1e-9 * max(1, entry.intensityGPerKWh))
            battery?.apply(powerKW: decision.batteryKW, hours: 1)
            units.insert(row.dieselUnits)
            socs.insert(Int((row.soc * 20).rounded()))
        }
        // The hours compared are not trivial: the battery moves, and off the grid gensets start and stop.
        #expect(socs.count >= 3, "SOC planned: \(plan.map(\.soc))")
        #expect(scenario.connectedGrid != nil || units.count >= 2, "gensets planned: \(units.sorted())")
    }

    /// `/v1/power-budget` on the time-of-use hand case (a flat 1,000 kW load, no PV, a 4,000 kWh /
    /// 1,000 kW lossless battery starting empty, 2,000 kW import; 0.10 per kWh except 0.30 from 17:00
    /// to 21:00) under the rule EMS from 10:00, after one one-minute interval: from the state of
    /// charge the latest reading measured (empty) at the plant clock, 10:01, the plan charges the
    /// battery from the grid at 1,000 kW through the cheap hours (a quarter of its energy an hour, full
    /// four hours on) and carries the load from it through the dear ones, so the rows hold SOC 0, ¼,
    /// ½, ¾, then full to 16:01, 1 − 1/240 at 17:01 (the 17:00 interval discharged), ¾ − 1/240, …, and
    /// 1/240 at 21:01 (emptied at 21:00, the 21:00 interval charged). A forward plan that ignored the
    /// tariff would show the battery idle and empty.
    @Test func powerBudgetShowsThePriceDrivenBatteryPlan() async throws {
        var scenario = try ScenarioLoader.load(path: TestData.fixture("grid/tou-battery.toml"))
        scenario.dispatch.strategy = .rule
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(scenario, path: path, at: ServerFixture.phoenix(2026, 7, 15, hour: 10), interval: 600)
        let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            #expect(try await ServerFixture.waitUntil { server.loop.status().ticks >= 1 })
            let budget = try ServerAPITests.object(try await ServerAPITests.get(client, "/v1/power-budget?hours=12", token: read))
            let rows = try #require(budget["hours"] as? [[String: Any]])
            let soc = rows.map { $0["soc"] as? Double ?? -1 }
            let minute = 1.0 / 240
            let expected = [0, 0.25, 0.5, 0.75, 1, 1, 1, 1 - minute, 0.75 - minute, 0.5 - minute, 0.25 - minute, minute]
            #expect(soc.count == 12 && zip(soc, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(soc)")
            #expect(rows.allSatisfy { $0["diesel_units"] as? Int == 0 })
        }
    }
}
