import Foundation
import GRDB
import HelioServerTestSupport
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioServer

/// `heliogrid serve` as a process: killed with SIGKILL mid-run, restarted on the same database.
@Suite struct ServeProcessTests {
    /// Raw readings are kept for 400 plant days (16 hours of these runs): the tests count rows per
    /// interval, and on a starved machine a run passes the default 24 plant hours, after which raw
    /// readings are rolled into minute means.
    static func start(database: String, port: Int, errors: Pipe? = nil, extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["serve", "--db", database, "--port", String(port), "--speed", "600", "--interval", "0.05",
                             "--raw-retention-hours", "9600", "--minute-retention-days", "400"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        try process.run()
        return process
    }


    /// Waits until the database holds at least `rows` ledger rows (at most 120 s: a loaded machine
    /// starts a debug build slowly); returns the count. It reads through a read-only connection, so
    /// the test never creates, migrates or checkpoints the database the service is writing.
    static func waitForLedger(_ database: String, atLeast rows: Int) async throws -> Int {
        var count = 0
        var readOnly = Configuration()
        readOnly.readonly = true
        let reached = try await ServerFixture.waitUntil(timeout: .seconds(120)) {
            count = (try? DatabaseQueue(path: database, configuration: readOnly).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger")
            }) ?? 0
            return count >= rows
        }
        if !reached { Issue.record("the service wrote \(count) of \(rows) ledger rows in 120 s") }
        return count
    }

    /// A page size above any row count these runs reach.
    static let allRows = 10_000_000

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
        let port = RawSocket.freePort()
        var process = try Self.start(database: database, port: port)
        _ = try await Self.waitForLedger(database, atLeast: 20)
        Self.kill(process)
        let store = try EMSStore(path: database)
        let queue = try DatabaseQueue(path: database)
        let integrity = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let (ledgerBefore, telemetryBefore, decisionsBefore) = (try store.count("ledger"), try store.count("telemetry"), try store.count("decisions"))
        #expect(decisionsBefore == telemetryBefore && ledgerBefore == telemetryBefore - 1)
        let lastBefore = try #require(try await store.telemetry(fromMS: 0, toMS: .max, limit: 1000, offset: telemetryBefore - 1).last)
        let plantMS = try #require(try store.resume()?.plantMS)
        #expect(plantMS == lastBefore.reading.timestampMS + 30_000)

        let errors = Pipe()
        process = try Self.start(database: database, port: RawSocket.freePort(), errors: errors)
        let reached = try await Self.waitForLedger(database, atLeast: ledgerBefore + 10)
        Self.kill(process)
        // Every row: on a busy machine the first run may get well past 1,000 intervals before the kill.
        let telemetry = try await store.telemetry(fromMS: 0, toMS: .max, limit: Self.allRows, offset: 0)
        try? errors.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(telemetry.count > telemetryBefore, "the restarted service wrote no reading (ledger \(reached)); stderr: \(stderr)")
        let firstAfter = telemetry[telemetryBefore]
        #expect(firstAfter.reading.timestampMS == plantMS)
        #expect(abs(firstAfter.reading.soc - lastBefore.reading.soc) < 0.01)
        let ledger = try await store.ledger(fromMS: 0, toMS: .max, limit: Self.allRows, offset: 0)
        #expect(zip(ledger, ledger.dropFirst()).allSatisfy { $0.timestampMS < $1.timestampMS })
        let (ledgerAfter, telemetryAfter) = (try store.count("ledger"), try store.count("telemetry"))
        #expect(ledgerAfter == telemetryAfter - 1)   // only the database's first reading is unmetered
        let firstLedgerAfter = try #require(ledger.first { $0.timestampMS == plantMS })
        #expect(firstLedgerAfter.durationS == 30)   // the restart's first interval, from the last reading before the kill
        #expect(try await ServerFixture.balanced(store))
    }

    /// SIGTERM and SIGINT end the service with exit 0 after the interval under way: every decision
    /// has its reading; the next start resumes.
    @Test(arguments: [SIGTERM, SIGINT])
    func signalEndsCleanlyWithExitZero(signal: Int32) async throws {
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        let process = try Self.start(database: database, port: RawSocket.freePort())
        _ = try await Self.waitForLedger(database, atLeast: 5)
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let store = try EMSStore(path: database)
        #expect(try store.count("decisions") == store.count("telemetry") && store.count("ledger") == store.count("telemetry") - 1)
    }

    /// A second controller on the same database exits at once with code 2 and says why; a service
    /// whose port is taken exits before any interval: its database holds no decision.
    @Test func secondControllerAndTakenPortExitBeforeAnyInterval() async throws {
        let database = ServerFixture.databasePath(), other = ServerFixture.databasePath()
        defer { ServerFixture.remove(database); ServerFixture.remove(other) }
        let port = RawSocket.freePort()
        let first = try Self.start(database: database, port: port)
        defer { Self.kill(first) }
        _ = try await Self.waitForLedger(database, atLeast: 3)

        let errors = Pipe()
        let second = try Self.start(database: database, port: RawSocket.freePort(), errors: errors)
        second.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 2 && message.contains("another heliogrid serve controls this database (process \(first.processIdentifier))"))

        let portErrors = Pipe()
        let third = try Self.start(database: other, port: port, errors: portErrors)
        third.waitUntilExit()
        let portMessage = String(decoding: portErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(third.terminationStatus == 1 && portMessage.contains("cannot listen on 127.0.0.1:\(port)"), "\(portMessage)")
        let store = try EMSStore(path: other)
        #expect(try store.count("decisions") == 0 && store.count("telemetry") == 0 && store.resume() == nil)
    }
}

/// Connection limits of `heliogrid serve` against thousands of idle, slow-header and slow-body
/// clients: authorised requests are answered and the control loop keeps its pace while they are
/// held, and every misbehaving connection is closed by a timeout or the connection cap.
@Suite struct ConnectionLimitTests {
    @Test func idleAndSlowClientsDoNotStopTheService() async throws {
        let available = FileDescriptorLimit.raiseToHardLimit()
        // 3,000 clients against a cap of a third of them; fewer where the open-file limit is low.
        let clients = min(3_000, available - 200)
        try #require(clients >= 300, "the open-file limit (\(available)) is too low for this test")
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        let token = try EMSStore(path: database).createToken(scope: .read, label: "test", nowMS: 0)
        let port = RawSocket.freePort()
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["serve", "--db", database, "--port", String(port), "--speed", "600", "--interval", "0.05",
                             "--max-connections", String(clients / 3), "--idle-timeout", "3", "--header-timeout", "3", "--body-timeout", "3"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { ServeProcessTests.kill(process) }
        _ = try await ServeProcessTests.waitForLedger(database, atLeast: 3)
        let status = "GET /v1/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nConnection: close\r\n\r\n"
        #expect(RawSocket.request(port: port, status).status == "HTTP/1.1 200 OK")

        // A third silent, a third half a header, a third a head and half its body, held by a helper
        // process (see slow_clients.py for why not here).
        let slowClients = try FixtureScript(script: TestData.fixture("slow_clients.py"), arguments: [String(port), String(clients)])
        defer { slowClients.stop() }
        #expect(try await slowClients.line(timeout: .seconds(120)) == "held \(clients)")
        let ledgerBefore = try EMSStore(path: database).count("ledger")
        let answers = (0..<20).map { _ in RawSocket.request(port: port, status) }
        #expect(answers.allSatisfy { $0.status == "HTTP/1.1 200 OK" }, "\(answers.map(\.status))")
        // The service holds no more than its cap (the metrics request itself included).
        let metrics = RawSocket.request(port: port, "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").answer
        let open = metrics.split(separator: "\n").first { $0.hasPrefix("heliogrid_http_connections ") }.flatMap { Double($0.split(separator: " ")[1]) }
        #expect(open.map { $0 >= 1 && $0 <= Double(clients / 3) } == true, "\(open ?? -1)")
        #expect(try await ServeProcessTests.waitForLedger(database, atLeast: ledgerBefore + 20) >= ledgerBefore + 20)
        // Every misbehaving connection ends: evicted at the cap or closed by its timeout.
        try slowClients.send("watch")
        #expect(try await slowClients.line(timeout: .seconds(120)) == "closed \(clients)")
    }
}

/// `heliogrid token` and `serve` arguments as a user types them.
@Suite struct TokenAndServeArgumentTests {
    /// Tokens are listed by id, scope and label (never the token), revoked by id; an unknown id or
    /// database is exit 2.
    @Test func tokensAreListedAndRevoked() async throws {
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        let created = try CommandLineTests.run(["token", "create", "--scope", "read", "--label", "grafana", "--db", database])
        #expect(created.status == 0 && created.stdout.hasPrefix("hg_"))
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let listed = try CommandLineTests.run(["token", "list", "--db", database])
        #expect(listed.status == 0 && listed.stdout.contains("1\tread\tgrafana\t") && !listed.stdout.contains(token))
        #expect(try CommandLineTests.run(["token", "revoke", "1", "--db", database]).status == 0)
        #expect(try await EMSStore(path: database).scope(ofToken: token) == nil)
        let unknown = try CommandLineTests.run(["token", "revoke", "7", "--db", database])
        #expect(unknown.status == 2 && unknown.stderr.contains("no token with id 7"))
        let missing = try CommandLineTests.run(["token", "list", "--db", database + "-none"])
        #expect(missing.status == 2 && !FileManager.default.fileExists(atPath: database + "-none"))
    }

    /// A host that does not resolve and limits out of range are refused before the database is
    /// opened: exit 2 and no file.
    @Test func badHostAndLimitsExitTwoWritingNothing() throws {
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        for (arguments, message) in [(["--host", "999.1.1.1"], "--host '999.1.1.1'"), (["--header-timeout", "0"], "--header-timeout"),
                                     (["--max-connections", "5"], "--max-connections")] {
            let outcome = try CommandLineTests.run(["serve", "--db", database, "--port", "18080"] + arguments)
            #expect(outcome.status == 2 && outcome.stderr.contains(message), "\(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: database))
        }
    }
}
