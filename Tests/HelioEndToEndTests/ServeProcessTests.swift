import Foundation
import GRDB
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioServer

/// `heliogrid serve` as a process: killed with SIGKILL mid-run, restarted on the same database.
@Suite struct ServeProcessTests {
    static func start(database: String, port: Int) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["serve", "--db", database, "--port", String(port), "--speed", "600", "--interval", "0.05"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until the database holds at least `rows` ledger rows (at most 120 s: a loaded machine
    /// starts a debug build slowly); returns the count.
    static func waitForLedger(_ database: String, atLeast rows: Int) async throws -> Int {
        var count = 0
        let reached = try await ServerFixture.waitUntil(timeout: .seconds(120)) {
            count = (try? EMSStore(path: database).count("ledger")) ?? 0
            return count >= rows
        }
        if !reached { Issue.record("the service wrote \(count) of \(rows) ledger rows in 120 s") }
        return count
    }

    static func kill(_ process: Process) {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Every interval is one transaction: after SIGKILL the database is intact and each interval has
    /// its decision, its reading and (after the first of a run) its ledger row; the restarted service
    /// resumes the plant clock exactly one interval after the last committed one, and the ledger
    /// continues without duplicates.
    @Test func killAndRestartLosesNoCommittedRow() async throws {
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        let port = Int.random(in: 20_000...40_000)
        var process = try Self.start(database: database, port: port)
        _ = try await Self.waitForLedger(database, atLeast: 20)
        Self.kill(process)
        let store = try EMSStore(path: database)
        let queue = try DatabaseQueue(path: database)
        let integrity = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let (ledgerBefore, telemetryBefore, decisionsBefore) = (try store.count("ledger"), try store.count("telemetry"), try store.count("decisions"))
        #expect(decisionsBefore == telemetryBefore && ledgerBefore == telemetryBefore - 1)
        let lastBefore = try #require(try store.telemetry(fromMS: 0, toMS: .max, limit: 1000, offset: telemetryBefore - 1).last)
        let plantMS = try #require(try store.resume()?.plantMS)
        #expect(plantMS == lastBefore.reading.timestampMS + 30_000)

        process = try Self.start(database: database, port: port + 1)
        _ = try await Self.waitForLedger(database, atLeast: ledgerBefore + 10)
        Self.kill(process)
        let telemetry = try store.telemetry(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
        let firstAfter = telemetry[telemetryBefore]
        #expect(firstAfter.reading.timestampMS == plantMS)
        #expect(abs(firstAfter.reading.soc - lastBefore.reading.soc) < 0.01)
        let ledger = try store.ledger(fromMS: 0, toMS: .max, limit: 1000, offset: 0)
        #expect(zip(ledger, ledger.dropFirst()).allSatisfy { $0.timestampMS < $1.timestampMS })
        let (ledgerAfter, telemetryAfter) = (try store.count("ledger"), try store.count("telemetry"))
        #expect(ledgerAfter == telemetryAfter - 2)   // one unmetered first reading per run
        #expect(try ServerFixture.balanced(store))
    }
}
