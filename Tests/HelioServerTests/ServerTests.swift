import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import HelioServerTestSupport
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioOptimize
@testable import HelioServer

/// The control loop against the simulated plant with injected faults, tick by tick.
@Suite struct ControlLoopTests {
    /// A night in January: the battery carries the load; every reading balances; the ledger's carbon
    /// balances (emitted = to load + to export + change in the pool).
    @Test func nightOnTheBatteryBalancesEnergyAndCarbon() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        for _ in 0..<30 { await server.loop.tick() }
        let status = server.loop.status()
        #expect(status.mode == .auto && status.ticks == 30)
        let reading = try #require(status.telemetry)
        #expect(reading.pvKW == 0 && reading.batteryKW > 10_000 && reading.dieselUnits == 0 && reading.unservedKW == 0)
        #expect(try await ServerFixture.balanced(server.store))
        let ledger = try await server.store.ledger(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
        #expect(ledger.count == 29)
        #expect(ledger.allSatisfy { $0.durationS == 60 && abs($0.servedKWh - $0.pvKWh - $0.batteryDischargeKWh + $0.batteryChargeKWh - $0.dieselKWh) < 1e-6 })
        let decisions = try await server.store.decisions(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
        #expect(decisions.count == 30 && decisions.allSatisfy { $0.source == "rule" && $0.reason.contains("battery discharges") })
    }

    /// Gensets and the carbon pool: a low battery at night starts gensets; the ledger's carbon
    /// balances at every row and matches fuel × factor.
    @Test func gensetsStartAndCarbonBalances() async throws {
        var scenario = TestData.defaultScenario
        scenario.battery?.socInitial = 0.22
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(scenario, path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        for _ in 0..<40 { await server.loop.tick() }
        let reading = try #require(server.loop.status().telemetry)
        #expect(reading.dieselUnits > 0 && reading.unservedKW == 0)
        #expect(try await ServerFixture.balanced(server.store))
        let factor = scenario.diesel!.emissionFactor(gwp: .ar5).kgCO2ePerL
        var pool = 0.0
        for row in try await server.store.ledger(fromMS: 0, toMS: .max, limit: 1000, offset: 0) {
            #expect(abs(row.emittedKg - row.fuelL * factor) < 1e-9)
            #expect(abs(row.emittedKg - row.loadKg - (row.poolKg - pool)) < 1e-6)
            pool = row.poolKg
        }
    }

    /// Telemetry loss: safe mode with gensets for the last load and an alarm; three valid readings
    /// after the meters return, auto mode and the alarm cleared.
    @Test func telemetryLossEntersSafeModeAndRecovers() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let plant = try #require(server.simulatedPlant)
        for _ in 0..<3 { await server.loop.tick() }
        let lastLoadKW = try #require(server.loop.status().telemetry).loadKW
        await plant.inject(.telemetryLoss)
        for _ in 0..<3 { await server.loop.tick() }
        var status = server.loop.status()
        #expect(status.mode == .safe && status.alarms.map(\.kind) == ["telemetry"])
        let setpoints = try #require(status.setpoints)
        // Gensets for the last known load at their 80 % target: ⌈load / (2 MW × 0.8)⌉.
        #expect(setpoints.dieselUnits == Int((lastLoadKW / 1600).rounded(.up)) && setpoints.batteryKW == 0)
        await plant.clear(.telemetryLoss)
        for _ in 0..<2 { await server.loop.tick() }
        #expect(server.loop.status().mode == .safe)
        await server.loop.tick()
        status = server.loop.status()
        #expect(status.mode == .auto && status.alarms.isEmpty)
        let sources = try await server.store.decisions(fromMS: 0, toMS: .max, limit: 100, offset: 0).map(\.source)
        #expect(sources == ["rule", "rule", "rule", "safe-mode", "safe-mode", "safe-mode", "safe-mode", "safe-mode", "rule"])
        #expect(try server.store.count("telemetry") == 6)
    }

    /// A genset that fails to start: the alarm after two intervals; the battery carries on.
    @Test func gensetStartFailureRaisesAnAlarm() async throws {
        var scenario = TestData.defaultScenario
        scenario.battery?.socInitial = 0.22
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(scenario, path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        await server.simulatedPlant?.inject(.gensetFailsToStart)
        for _ in 0..<4 { await server.loop.tick() }
        let status = server.loop.status()
        #expect(status.alarms.map(\.kind).contains("genset-start-failure"))
        #expect(status.telemetry?.dieselUnits == 0 && (status.setpoints?.dieselUnits ?? 0) > 0)
        #expect(status.telemetry?.unservedKW == 0 && (status.telemetry?.batteryKW ?? 0) > 10_000)
        #expect(try await ServerFixture.balanced(server.store))
    }

    /// A battery trip: alarm, the rule EMS commits gensets for the whole load, nothing unserved.
    @Test func batteryTripHandsTheLoadToGensets() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        await server.loop.tick()
        await server.simulatedPlant?.inject(.batteryTrip)
        for _ in 0..<4 { await server.loop.tick() }
        let status = server.loop.status()
        let reading = try #require(status.telemetry)
        #expect(status.alarms.map(\.kind) == ["battery-offline"])
        #expect(!reading.batteryOnline && reading.batteryKW == 0 && reading.dieselUnits >= 8 && reading.unservedKW == 0)
        #expect(try await ServerFixture.balanced(server.store))
    }

    /// A PV drop at noon and a load step: the battery takes the difference at once, nothing unserved.
    @Test func pvDropAndLoadStepAreCarriedByTheBattery() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 6, 15, hour: 12))
        for _ in 0..<2 { await server.loop.tick() }
        let before = try #require(server.loop.status().telemetry)
        #expect(before.batteryKW < 0)   // charging from PV at noon in June
        await server.simulatedPlant?.inject(.pvDrop)
        await server.simulatedPlant?.inject(.loadStep)
        // The next reading is of the interval already running; the one after shows the faults.
        for _ in 0..<2 { await server.loop.tick() }
        let after = try #require(server.loop.status().telemetry)
        #expect(after.pvAvailableKW < 0.25 * before.pvAvailableKW && after.loadKW > 1.15 * before.loadKW)
        #expect(after.batteryKW > before.batteryKW && after.unservedKW == 0)
        #expect(try await ServerFixture.balanced(server.store))
    }

    /// Retention: raw readings older than the raw window become minute means, once per plant hour.
    @Test func retentionRollsRawReadingsIntoMinuteMeans() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        // 6 plant seconds per interval: 10 readings a minute.
        let server = try EMSServer.simulated(scenario: TestData.defaultScenario, databasePath: path, speed: 120, intervalSeconds: 0.05,
                                             wallClockMS: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        await server.loop.setRetention(TelemetryRetention(rawHours: 0.25, minuteDays: 1, maxRows: 10_000_000))
        for _ in 0..<(61 * 10) { await server.loop.tick() }   // just over an hour: the second retention pass runs (outside the loop)
        var rows: [TelemetryEntry] = []
        let rolled = try await ServerFixture.waitUntil {
            rows = try await server.store.telemetry(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
            return rows.filter { $0.resolutionS == 60 }.count >= 40
        }
        let minutes = rows.filter { $0.resolutionS == 60 }, raw = rows.filter { $0.resolutionS < 60 }
        #expect(rolled && raw.count <= 10 * 60)
        #expect(zip(minutes, minutes.dropFirst()).allSatisfy { $1.reading.timestampMS - $0.reading.timestampMS == 60_000 })
        #expect(minutes.allSatisfy { abs($0.reading.pvKW + $0.reading.batteryKW + $0.reading.dieselKW - $0.reading.loadKW) < 1e-6 * $0.reading.loadKW })
    }

    /// Overrides are checked against the plant's limits and expire on the plant clock.
    @Test func overridesAreValidatedAndExpire() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        await server.loop.tick()
        let now = await server.plant.plantTimeMS()
        await #expect(throws: ValidationError("battery_kw: 60000.0 is outside -50000.0…50000.0")) {
            try await server.loop.setOverride(OperatorOverride(batteryKW: 60_000, expiresMS: now + 60_000))
        }
        await #expect(throws: ValidationError.self) { try await server.loop.setOverride(OperatorOverride(dieselUnits: 11, expiresMS: now + 60_000)) }
        await #expect(throws: ValidationError.self) { try await server.loop.setOverride(OperatorOverride(dieselUnits: 2, expiresMS: now - 1)) }
        try await server.loop.setOverride(OperatorOverride(dieselUnits: 2, expiresMS: now + 150_000))
        await server.loop.tick()
        var status = server.loop.status()
        #expect(status.mode == .manual && status.setpoints?.dieselUnits == 2 && status.reason.hasPrefix("operator override"))
        for _ in 0..<3 { await server.loop.tick() }
        status = server.loop.status()
        #expect(status.mode == .auto && status.override == nil)
    }
}

/// The HTTP API as a client uses it, on a live server on loopback.
@Suite struct ServerAPITests {
    static func get(_ client: some TestClientProtocol, _ uri: String, token: String?) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: token.map { [.authorization: "Bearer \($0)"] } ?? [:])
    }

    static func send(_ client: some TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method, token: String, json: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                 body: ByteBuffer(string: json))
    }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func message(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    @Test func authenticationScopesAndPublicPaths() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        #expect(try server.store.count("tokens") == 2)
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            #expect(try await Self.get(client, "/", token: nil).status == .ok)
            #expect(try await Self.get(client, "/metrics", token: nil).status == .ok)
            let openAPI = try await Self.get(client, "/openapi.json", token: nil)
            let openAPIObject = try Self.object(openAPI)
            #expect(openAPI.status == .ok && openAPIObject["openapi"] as? String == "3.1.0")
            let anonymous = try await Self.get(client, "/v1/status", token: nil)
            #expect(anonymous.status == .unauthorized && anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(try await Self.get(client, "/v1/status", token: "hg_nope").status == .unauthorized)
            #expect(try await Self.get(client, "/emissions/bylocation?location=campus", token: nil).status == .unauthorized)
            #expect(try await Self.get(client, "/v1/status", token: read).status == .ok)
            let forbidden = try await Self.send(client, "/v1/mode", .put, token: read, json: #"{"mode":"safe"}"#)
            #expect(forbidden.status == .forbidden && Self.message(forbidden).contains("control"))
            #expect(try await Self.send(client, "/v1/mode", .put, token: control, json: #"{"mode":"safe"}"#).status == .ok)
            #expect(try Self.object(try await Self.get(client, "/v1/status", token: read))["mode"] as? String == "safe")
            #expect(try await Self.send(client, "/v1/mode", .put, token: control, json: #"{"mode":"auto"}"#).status == .ok)
        }
        // Only hashes are stored.
        let dbText = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(!dbText.contains(read) && !dbText.contains(control))
    }

    /// Every input is checked: malformed JSON, wrong types, out-of-range, stale or future readings,
    /// oversize bodies, bad query parameters — each a 4xx naming the problem; the service keeps serving.
    @Test func inputValidation() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        let now = await server.plant.plantTimeMS()
        @Sendable func reading(_ field: String = "soc", _ value: String = "0.5", at timestamp: Int64 = now) -> String {
            var fields = ["\"timestamp_ms\": \(timestamp)", "\"load_kw\": 14000", "\"pv_available_kw\": 0", "\"pv_kw\": 0", "\"battery_kw\": 14000",
                          "\"soc\": 0.5", "\"diesel_kw\": 0", "\"diesel_units\": 0", "\"grid_kw\": 0", "\"unserved_kw\": 0", "\"battery_online\": true"]
            fields.removeAll { $0.hasPrefix("\"\(field)\"") }
            fields.append("\"\(field)\": \(value)")
            return "{\"readings\": [{" + fields.joined(separator: ", ") + "}]}"
        }
        /// Readings from `reading` bodies in one batch, with `resolution_s` when given.
        @Sendable func batch(_ bodies: [String], resolution: String? = nil) -> String {
            let items = bodies.map { $0.dropFirst("{\"readings\": [".count).dropLast(2) }
            return "{" + (resolution.map { "\"resolution_s\": \($0), " } ?? "") + "\"readings\": [" + items.joined(separator: ", ") + "]}"
        }
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                (reading(), .created, "accepted"),
                (reading("soc", "1.5"), .unprocessableContent, "readings[0].soc"),
                (reading("load_kw", "-1"), .unprocessableContent, "readings[0].load_kw"),
                (reading("diesel_units", "11"), .unprocessableContent, "diesel_units"),
                (reading("soc", "NaN"), .badRequest, "invalid JSON: Invalid value around character"),
                (reading("soc", "1e400"), .badRequest, "Number 1e400 is not representable"),
                (reading("diesel_units", "1.5"), .badRequest, "field 'readings[0].diesel_units': 1.5 is not a whole number"),
                (reading("pv_kw", "5"), .unprocessableContent, "readings[0].pv_kw: 5.0 is above pv_available_kw 0.0"),
                (batch([reading(), reading()]), .unprocessableContent, "readings[1].timestamp_ms: \(now) is not after"),
                (batch([reading(), reading(at: now - 1000)]), .unprocessableContent, "readings[1].timestamp_ms"),
                (batch([reading(at: now - 1000), reading()], resolution: "-5"), .unprocessableContent, "resolution_s"),
                (batch([reading()], resolution: "1e308"), .unprocessableContent, "resolution_s"),
                (batch([reading(at: now - 1000), reading()], resolution: "0.5"), .created, "accepted"),
                (reading("soc", "\"half\""), .badRequest, "soc"),
                (reading(at: now + 3_600_000), .unprocessableContent, "in the future"),
                (reading(at: now - 2 * 86_400_000), .unprocessableContent, "stale"),
                ("{\"readings\": []}", .unprocessableContent, "1 to 1000"),
                ("{}", .badRequest, "readings"),
                ("[1,2", .badRequest, "invalid JSON"),
            ]
            for (body, status, text) in cases {
                let response = try await Self.send(client, "/v1/telemetry", .post, token: control, json: body)
                #expect(response.status == status, "\(body): \(Self.message(response))")
                #expect(Self.message(response).contains(text), "\(Self.message(response))")
            }
            let huge = "{\"readings\": [" + String(repeating: "0,", count: 40_000) + "0]}"
            let tooLarge = try await Self.send(client, "/v1/telemetry", .post, token: control, json: huge)
            #expect(tooLarge.status == .contentTooLarge && Self.message(tooLarge).contains("over 64 KiB"))
            for (uri, text) in [("/v1/ledger?from=yesterday", "from"), ("/v1/ledger?limit=0", "limit"), ("/v1/ledger?from=10&to=5", "after"),
                                ("/v1/power-budget?hours=49", "hours"), ("/v1/telemetry?bucket_s=0", "bucket_s"),
                                ("/emissions/bylocation", "location is required")] {
                let response = try await Self.get(client, uri, token: control)
                #expect(response.status == .badRequest && Self.message(response).contains(text), "\(uri): \(Self.message(response))")
            }
            #expect(try await Self.get(client, "/emissions/bylocation?location=mars", token: control).status == .notFound)
            let wrongMethod = try await client.execute(uri: "/v1/status", method: .delete, headers: [.authorization: "Bearer \(control)"])
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] == "GET, HEAD")
            let page = try Self.object(try await Self.get(client, "/v1/ledger?from=0", token: control))
            #expect(page["next_offset"] is NSNull)
            let overrides: [(String, String)] = [
                (#"{"battery_kw": 1e9, "expires_ms": \#(now + 60_000)}"#, "battery_kw"),
                (#"{"diesel_units": -1, "expires_ms": \#(now + 60_000)}"#, "diesel_units"),
                (#"{"grid_kw": 10, "expires_ms": \#(now + 60_000)}"#, "no grid"),
                (#"{"diesel_units": 2, "expires_ms": \#(now - 1)}"#, "expires_ms"),
            ]
            for (body, text) in overrides {
                let response = try await Self.send(client, "/v1/overrides", .post, token: control, json: body)
                #expect(response.status == .unprocessableContent && Self.message(response).contains(text), "\(Self.message(response))")
            }
            #expect(try await Self.send(client, "/v1/mode", .put, token: control, json: #"{"mode":"manual"}"#).status == .unprocessableContent)
            #expect(try await Self.get(client, "/v1/status", token: control).status == .ok)
        }
        #expect(try server.store.count("telemetry") >= 1)
    }

    /// Overrides, history with paging, forecasts, the power budget and the carbon-aware endpoints,
    /// with the control loop running.
    @Test func overridesHistoryForecastsAndCarbonSignals() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1), interval: 0.02)
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            #expect(try await ServerFixture.waitUntil { try server.store.count("ledger") >= 10 })
            let now = await server.plant.plantTimeMS()
            let created = try await Self.send(client, "/v1/overrides", .post, token: control, json: #"{"diesel_units": 3, "expires_ms": \#(now + 3_600_000)}"#)
            #expect(created.status == .created)
            #expect(try await ServerFixture.waitUntil {
                try await server.store.decisions(fromMS: now, toMS: .max, limit: 1000, offset: 0).contains { $0.source == "operator" }
            })
            let status = try Self.object(try await Self.get(client, "/v1/status", token: control))
            #expect(status["mode"] as? String == "manual")
            #expect(try await client.execute(uri: "/v1/overrides", method: .delete, headers: [.authorization: "Bearer \(control)"]).status == .noContent)
            let first = try Self.object(try await Self.get(client, "/v1/ledger?from=0&limit=5", token: control))
            #expect((first["items"] as? [Any])?.count == 5 && first["next_offset"] as? Int == 5)
            let second = try Self.object(try await Self.get(client, "/v1/ledger?from=0&limit=5&offset=5", token: control))
            let t1 = ((first["items"] as? [[String: Any]])?.last?["ts_ms"] as? Int) ?? 0
            let t2 = ((second["items"] as? [[String: Any]])?.first?["ts_ms"] as? Int) ?? 0
            #expect(t2 > t1)
            let decisions = try Self.object(try await Self.get(client, "/v1/decisions?from=0&limit=1000", token: control))
            #expect((decisions["items"] as? [[String: Any]])?.contains { $0["source"] as? String == "operator" } == true)
            let means = try Self.object(try await Self.get(client, "/v1/telemetry?from=0&bucket_s=600", token: control))
            #expect((means["items"] as? [[String: Any]])?.first?["source"] as? String == "mean")
            let budget = try Self.object(try await Self.get(client, "/v1/power-budget?hours=24", token: control))
            let hours = try #require(budget["hours"] as? [[String: Any]])
            #expect(hours.count == 24)
            #expect(hours.allSatisfy { ($0["firm_kw"] as? Double ?? 0) >= ($0["clean_kw"] as? Double ?? 1) })
            #expect(hours.allSatisfy { ($0["firm_it_kw"] as? Double ?? 0) < ($0["firm_kw"] as? Double ?? 0) })
            let forecast = try await Self.get(client, "/emissions/forecasts/current?location=campus", token: control)
            let forecasts = try #require(try JSONSerialization.jsonObject(with: Data(forecast.body.readableBytesView)) as? [[String: Any]])
            #expect((forecasts.first?["forecastData"] as? [Any])?.count == 24 && forecasts.first?["location"] as? String == "campus")
            let measured = try await Self.get(client, "/emissions/bylocation?location=campus&time=0", token: control)
            let points = try #require(try JSONSerialization.jsonObject(with: Data(measured.body.readableBytesView)) as? [[String: Any]])
            #expect(!points.isEmpty && points.allSatisfy { $0["duration"] as? String == "01:00:00" && $0["rating"] is Double })
            let injected = try await Self.send(client, "/v1/faults", .post, token: control, json: #"{"fault": "telemetry-loss", "active": true}"#)
            #expect(injected.status == .ok && Self.message(injected).contains("telemetry-loss"))
            #expect(try await ServerFixture.waitUntil { server.loop.status().mode == .safe })
            #expect(try Self.object(try await Self.get(client, "/v1/status", token: control))["mode"] as? String == "safe")
            let unknown = try await Self.send(client, "/v1/faults", .post, token: control, json: #"{"fault": "meteor", "active": true}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(try await Self.send(client, "/v1/faults", .post, token: control, json: #"{"fault": "telemetry-loss", "active": false}"#).status == .ok)
            let metrics = String(buffer: try await Self.get(client, "/metrics", token: nil).body)
            #expect(metrics.contains("heliogrid_control_ticks_total") && metrics.contains("heliogrid_battery_soc"))
        }
    }

    /// Every route the router serves is in the OpenAPI document, and the document names no other.
    @Test func openAPIDocumentsEveryRoute() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/HelioServer/Resources/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 7, 15, hour: 12))
        _ = server.api.router()
        // HEAD is served on every GET path; the document lists the GET.
        let served = server.api.servedRoutes.filter { !$0.hasPrefix("HEAD ") }
        #expect(served.count == 26)
        #expect(documented == served)
    }
}

/// The database: WAL, versioned migrations, downsampling, live stream.
@Suite struct EMSStoreTests {
    @Test func walMigrationsAndDownsampling() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let store = try EMSStore(path: path)
        #expect(try store.journalMode() == "wal")
        #expect(try store.appliedMigrations() == ["v1-tables", "v2-telemetry-minute", "v3-resume-record", "v4-resume-last-reading", "v5-weather-forecast",
                                                  "v6-flexible-jobs", "v7-job-deadlines"])
        // Two minutes of 1-second readings with load 0…119 kW: minute means 29.5 and 89.5.
        let readings = (0..<120).map { second in
            TelemetryEntry(source: "simulated", resolutionS: 1, reading: PlantTelemetry(
                timestampMS: Int64(second) * 1000, loadKW: Double(second), pvAvailableKW: 0, pvKW: 0, batteryKW: Double(second), soc: 0.5,
                dieselKW: 0, dieselUnits: 0, gridKW: 0, unservedKW: 0))
        }
        #expect(try await store.ingest(readings) == (120, 0))
        #expect(try await store.ingest(Array(readings[100...])) == (0, 20), "a batch sent again is stored once")
        #expect(try store.downsample(beforeMS: 120_000, keepMinutesAfterMS: 0) == 120)
        let means = try await store.telemetry(fromMS: 0, toMS: .max, limit: 10, offset: 0)
        #expect(means.map(\.reading.loadKW) == [29.5, 89.5] && means.allSatisfy { $0.resolutionS == 60 })
        try store.downsample(beforeMS: 120_000, keepMinutesAfterMS: 60_001)
        #expect(try store.count("telemetry") == 0)
        // Reopening applies no migration twice.
        #expect(try EMSStore(path: path).appliedMigrations().count == 7)
    }

    /// A database written before the typed resume record (key-value `state` table) resumes from the
    /// same values after migration, and the old table is gone.
    @Test func keyValueStateMigratesIntoTheResumeRecord() throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let old = try DatabasePool(path: path)
        try EMSStore.migrator.migrate(old, upTo: "v2-telemetry-minute")
        try old.write { db in
            for (key, value) in [("plant_ms", "1768500000000"), ("soc", "0.4375"), ("forced_safe", "1"),
                                 ("pool_energy_kwh", "81250.5"), ("pool_carbon_kg", "1234.25"), ("pool_fossil_kwh", "2500")] {
                try db.execute(sql: "INSERT INTO state(key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
        try old.close()
        let store = try EMSStore(path: path)
        #expect(try store.resume() == ResumeRecord(plantMS: 1_768_500_000_000, soc: 0.4375, forcedSafe: true, poolEnergyKWh: 81_250.5,
                                                    poolCarbonKg: 1234.25, poolFossilKWh: 2500, lastReadingMS: nil))
        #expect(try store.pool.read { db in try db.tableExists("state") } == false)
    }

    @Test func liveStreamDeliversOneStatusPerInterval() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let stream = server.loop.subscribe().updates
        for _ in 0..<3 { await server.loop.tick() }
        var ticks: [Int] = []
        for await status in stream {
            ticks.append(status.ticks)
            if ticks.count == 3 { break }
        }
        #expect(ticks == [1, 2, 3])
    }
}

/// The live loop under model-predictive control.
@Suite struct LiveMPCTests {
    /// MPC plans hourly, re-plans every `step_minutes` of plant time and follows its plan each
    /// interval; every reading balances and nothing is unserved through an evening in January.
    @Test func mpcPlansAndFollows() async throws {
        var scenario = TestData.defaultScenario
        scenario.dispatch.strategy = .mpc
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(scenario, path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 16))
        for _ in 0..<150 { await server.loop.tick() }   // 2.5 plant hours: three plans
        let status = server.loop.status()
        #expect(status.strategy == .mpc && status.mode == .auto)
        #expect(await server.loop.mpcReplans == 3)
        let decisions = try await server.store.decisions(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
        #expect(decisions.count == 150 && decisions.allSatisfy { $0.source == "mpc" })
        #expect(try await ServerFixture.balanced(server.store))
        let telemetry = try await server.store.telemetry(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
        #expect(telemetry.allSatisfy { $0.reading.unservedKW == 0 })
        var optimal = scenario
        optimal.dispatch.strategy = .optimal
        #expect(throws: HelioError.self) { try ServerFixture.server(optimal, path: path + "-2", at: 0) }
    }
}

@Suite struct SetpointFailureTests {
    /// Refused setpoints: safe mode and an "adapter" alarm; three good intervals after the writes are
    /// accepted again, auto mode with the alarm cleared.
    @Test func refusedSetpointsEnterSafeModeAndRecover() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let plant = try #require(server.simulatedPlant)
        await server.loop.tick()
        await plant.inject(.setpointsRefused)
        await server.loop.tick()
        var status = server.loop.status()
        #expect(status.mode == .safe && status.alarms.map(\.kind) == ["adapter"] && status.reason.contains("not accepted"))
        await plant.clear(.setpointsRefused)
        for _ in 0..<2 { await server.loop.tick() }
        #expect(server.loop.status().mode == .safe)
        await server.loop.tick()
        status = server.loop.status()
        #expect(status.mode == .auto && status.alarms.isEmpty)
    }
}
