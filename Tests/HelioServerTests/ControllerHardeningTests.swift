import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HelioServerTestSupport
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioServer

/// One controller per database, alarms that always clear, a restart that meters its first interval.
@Suite struct ControllerHardeningTests {
    static func openKinds(_ server: EMSServer) throws -> Set<AlarmKind> {
        Set(try server.store.openAlarms().compactMap { AlarmKind(rawValue: $0.kind) })
    }

    /// Whether an alarm of `kind` is open in the database or in the status (which shows one the
    /// database cannot store yet).
    static func shows(_ server: EMSServer, _ kind: AlarmKind) throws -> Bool {
        try openKinds(server).contains(kind) || server.loop.status().alarms.contains { $0.kind == kind.rawValue }
    }

    /// Ticks until `condition` holds (at most `limit` intervals); whether it held.
    static func tick(_ server: EMSServer, limit: Int = 10, until condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<limit {
            if try await condition() { return true }
            await server.loop.tick()
        }
        return try await condition()
    }

    /// Every alarm kind, raised by its cause and cleared by its clearing condition. The switch is
    /// exhaustive: a new kind cannot be added without showing how it clears.
    @Test(arguments: AlarmKind.allCases)
    func everyAlarmKindClears(kind: AlarmKind) async throws {
        var scenario = TestData.defaultScenario
        scenario.battery?.socInitial = 0.22
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(scenario, path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let plant = try #require(server.simulatedPlant)
        let faults: [PlantFault]
        var lock: WriteLockHolder?
        switch kind {
        case .telemetry: faults = [.telemetryLoss]
        case .adapter: faults = [.setpointsRefused]
        case .gensetStartFailure: faults = [.gensetFailsToStart]
        case .batteryOffline: faults = [.batteryTrip]
        case .unservedLoad: faults = [.batteryTrip, .gensetFailsToStart]
        case .database:
            // Another writer holds the database's write lock past the loop's lock wait: intervals cannot commit.
            lock = try WriteLockHolder(path: path)
            faults = []
        case .operatorSafe:
            try await server.loop.setMode(.safe)
            faults = []
        }
        for fault in faults { await plant.inject(fault) }
        let raised = try await Self.tick(server, limit: 60) { try Self.shows(server, kind) }
        let status = server.loop.status()
        #expect(raised, "\(kind) was not raised: \(status)")
        for fault in faults { await plant.clear(fault) }
        try lock?.release()
        if kind == .operatorSafe { try await server.loop.setMode(.auto) }
        #expect(try await Self.tick(server) { !(try Self.shows(server, kind)) }, "\(kind) did not clear")
        let recovered = try await Self.tick(server, limit: 20) {
            let mode = server.loop.status().mode
            return try Self.openKinds(server).isEmpty && mode == .auto
        }
        #expect(recovered)
        if kind == .database {
            for _ in 0..<3 { await server.loop.tick() }
            // The intervals the database refused were stored when it came back: no gap in the ledger.
            let ledger = try await server.store.ledger(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
            #expect(ledger.count >= 3 && zip(ledger, ledger.dropFirst()).allSatisfy { $1.timestampMS - $0.timestampMS == 60_000 })
            let decisions = try server.store.count("decisions"), ticks = server.loop.status().ticks
            #expect(decisions == ticks, "\(decisions) decisions, \(ticks) ticks, ledger \(ledger.map(\.timestampMS))")
        }
    }

    /// The API document lists exactly the alarm kinds there are, and the faults the simulated plant takes.
    @Test func openAPIListsEveryAlarmKindAndFault() throws {
        let url = try #require(EMSApplication.resourceURL("openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let alarm = ((schemas?["Alarm"] as? [String: Any])?["properties"] as? [String: Any])?["kind"] as? [String: Any]
        #expect(alarm?["enum"] as? [String] == AlarmKind.allCases.map(\.rawValue))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(PlantFault.allCases.allSatisfy { text.contains("\"\($0.rawValue)\"") })
    }

    /// Telemetry that comes back clears its alarm even while an operator holds safe mode.
    @Test func telemetryAlarmClearsUnderAnOperatorHold() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let plant = try #require(server.simulatedPlant)
        try await server.loop.setMode(.safe)
        await plant.inject(.telemetryLoss)
        await server.loop.tick()
        #expect(try Self.openKinds(server) == [.telemetry, .operatorSafe])
        await plant.clear(.telemetryLoss)
        await server.loop.tick()
        let mode = server.loop.status().mode
        #expect(try Self.openKinds(server) == [.operatorSafe] && mode == .safe)
    }

    /// The second controller on a database fails at once, naming the holder; tokens can still be
    /// made; once the first is gone the database can be controlled again.
    @Test func oneControllerPerDatabase() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        do {
            let first = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
            await first.loop.tick()
            #expect { _ = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1)) } throws: { error in
                (error as? StoreError)?.message.hasPrefix("another heliogrid serve controls this database (process \(getpid()))") == true
            }
            _ = try EMSStore(path: path).createToken(scope: .read, label: "while running", nowMS: 0)
            withExtendedLifetime(first) {}
        }
        let second = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        await second.loop.tick()
        #expect(try second.store.count("decisions") == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A restart meters the interval from the last reading before it: five intervals, a restart,
    /// five more — nine ledger rows, one per minute with no gap (there used to be eight).
    @Test func restartMetersItsFirstInterval() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        do {
            let first = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
            for _ in 0..<5 { await first.loop.tick() }
        }
        let second = try ServerFixture.server(path: path, at: 0)
        for _ in 0..<5 { await second.loop.tick() }
        let ledger = try await second.store.ledger(fromMS: 0, toMS: .max, limit: 100, offset: 0)
        #expect(ledger.count == 9)
        #expect(zip(ledger, ledger.dropFirst()).allSatisfy { $1.timestampMS - $0.timestampMS == 60_000 } && ledger.allSatisfy { $0.durationS == 60 })
    }

    /// Operators: `HEAD` answers like `GET` without a body; the bearer scheme in any case; tokens
    /// listed (hashes, never tokens) and revoked; `PUT /v1/mode safe` raises the operator alarm.
    @Test func apiHeadLowercaseBearerTokensAndModeAlarm() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1))
        let read = try server.store.createToken(scope: .read, label: "dashboard", nowMS: 0)
        let control = try server.store.createToken(scope: .control, label: "scada", nowMS: 0)
        await server.loop.tick()
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            let get = try await client.execute(uri: "/openapi.json", method: .get)
            let head = try await client.execute(uri: "/openapi.json", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0 && head.headers[.contentLength] == String(get.body.readableBytes))
            let status = try await client.execute(uri: "/v1/status", method: .head, headers: [.authorization: "Bearer \(read)"])
            #expect(status.status == .ok && status.body.readableBytes == 0)
            #expect(try await client.execute(uri: "/v1/status", method: .head).status == .unauthorized)
            #expect(try await client.execute(uri: "/", method: .head).status == .ok)
            #expect(try await client.execute(uri: "/v1/status", method: .get, headers: [.authorization: "bearer \(read)"]).status == .ok)
            #expect(try await client.execute(uri: "/v1/status", method: .get, headers: [.authorization: "BEARER \(read)"]).status == .ok)
            let safe = try await ServerAPITests.send(client, "/v1/mode", .put, token: control, json: #"{"mode":"safe"}"#)
            #expect(safe.status == .ok && ServerAPITests.message(safe).contains("operator-safe"))
            let revoked = try #require(try server.store.tokens().first { $0.label == "dashboard" })
            #expect(try server.store.revokeToken(id: try #require(revoked.id)))
            #expect(try await ServerAPITests.get(client, "/v1/status", token: read).status == .unauthorized)
        }
        #expect(try server.store.tokens().map(\.label) == ["scada"])
        #expect(try !server.store.revokeToken(id: 999))
    }
}
