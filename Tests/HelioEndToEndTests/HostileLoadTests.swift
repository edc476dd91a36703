import Foundation
import GRDB
import HelioServerTestSupport
import HelioTestSupport
import Synchronization
import Testing
@testable import HelioServer

/// The control loop measured from outside, as an operator would (a read-only connection polling the
/// decisions table), while 16 clients send the worst reads the API answers and 16 send malformed
/// 60 KB bodies, without pause: no interval is late by more than a second and none is skipped.
@Suite struct HostileLoadTests {
    /// Readings put in the database before the run, so the reads have rows to scan (stamped over
    /// the ten minutes before the plant clock starts; pushed readings, scanned but not averaged).
    static let seededRows = 400_000

    @Test func worstReadsAndMalformedBodiesDoNotDelayAnInterval() async throws {
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        let startMS = Int64(Date().timeIntervalSince1970 * 1000) / 1000 * 1000
        let (read, control) = try Self.seed(database, beforeMS: startMS)
        let port = RawSocket.freePort()
        let process = Process()
        process.executableURL = CommandLineTests.executable
        // --realtime: the suite runs in parallel on two cores; the loop runs ahead of every normal
        // thread where the process may (root in CI), as an operator runs a controller.
        process.arguments = ["serve", "--db", database, "--port", String(port), "--interval", "1", "--raw-retention-hours", "9600", "--realtime"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { ServeProcessTests.kill(process) }
        _ = try await ServeProcessTests.waitForLedger(database, atLeast: 2)

        let stop = Atomic(false)
        let answers = Mutex<[String: Int]>([:])
        let worstRead = "GET /v1/telemetry?bucket_s=1&from=0&to=\(startMS + 86_400_000)&limit=1000 HTTP/1.1\r\nHost: x\r\n"
            + "Authorization: Bearer \(read)\r\nConnection: close\r\n\r\n"
        let deepRead = "GET /v1/telemetry?from=0&offset=100000&limit=1000 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(read)\r\nConnection: close\r\n\r\n"
        let padding = Array(repeating: "0.5", count: 15_400).joined(separator: ",")
        let bodies = [#"{"id": "x", "gpus": 1.5, "hours": 1, "deadline": "2026-07-16T06:00:00-07:00", "pad": [\#(padding)]}"#,
                      #"{"id": "x", "gpus": "many", "hours": 1, "deadline": "2026-07-16T06:00:00-07:00", "pad": [\#(padding)]}"#]
        let malformed = bodies.map { body in
            "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(control)\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        }
        #expect(malformed.allSatisfy { $0.utf8.count > 60_000 && $0.utf8.count < 64 * 1024 })
        // The clients also stop on their own once the 12 s watch is over, so a test task held up on a
        // busy suite does not leave them loading the machine.
        let deadline = ContinuousClock.now + .seconds(14)
        let clients = (0..<32).map { index in
            Thread {
                let request = index < 16 ? (index % 2 == 0 ? worstRead : deepRead) : malformed[index % 2]
                while !stop.load(ordering: .relaxed) && ContinuousClock.now < deadline {
                    let status = RawSocket.request(port: port, request, timeout: .seconds(60)).status ?? "no answer"
                    answers.withLock { $0["\(index < 16 ? "read" : "body") \(status)", default: 0] += 1 }
                }
            }
        }
        clients.forEach { $0.start() }
        let commits = try await Self.watchCommits(database, for: 12)
        stop.store(true, ordering: .relaxed)

        let stamps = commits.map(\.ms)
        #expect(commits.count >= 10, "\(commits.count) intervals committed in 12 s")
        #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $1 - $0 == 1_000 }, "an interval was skipped: \(stamps)")
        let first = try #require(commits.first?.seen)
        let lateness = commits.enumerated().map { index, commit in (commit.seen - first) - .seconds(index) }
        #expect(lateness.allSatisfy { $0 <= .seconds(1) }, "lateness: \(lateness)")
        let counted = answers.withLock { $0 }
        #expect(counted.filter { $0.key.hasPrefix("body HTTP/1.1 400") }.values.reduce(0, +) >= 16, "\(counted)")
        #expect(counted.filter { $0.key.hasPrefix("read HTTP/1.1 ") }.values.reduce(0, +) >= 16, "\(counted)")
    }

    /// A database with ``seededRows`` pushed readings in the ten minutes before `beforeMS`, and a read and a control token.
    static func seed(_ path: String, beforeMS: Int64) throws -> (read: String, control: String) {
        let store = try EMSStore(path: path)
        let tokens = (try store.createToken(scope: .read, label: "hostile", nowMS: 0), try store.createToken(scope: .control, label: "hostile", nowMS: 0))
        try ServerFixture.seedReadings(path, count: seededRows, firstMS: beforeMS - 600_000, spanMS: 600_000)
        return tokens
    }

    /// Each new decision the service commits during `seconds`: its plant stamp and when a read-only
    /// connection, polling every 20 ms on a thread of its own (real-time where the process may, so a
    /// suite busy on every core does not delay the watching), first saw it.
    static func watchCommits(_ path: String, for seconds: Double) async throws -> [(ms: Int64, seen: ContinuousClock.Instant)] {
        var readOnly = Configuration()
        readOnly.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        let result = Mutex<Result<[(ms: Int64, seen: ContinuousClock.Instant)], any Error>>(.success([]))
        let done = DispatchSemaphore(value: 0)
        let watcher = Thread {
            var parameters = sched_param()
            parameters.sched_priority = 5
            _ = pthread_setschedparam(pthread_self(), Int32(SCHED_RR), &parameters)
            do {
                var seen: [(ms: Int64, seen: ContinuousClock.Instant)] = []
                var last = try queue.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(ts_ms) FROM decisions") } ?? 0
                let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
                while ContinuousClock.now < end {
                    let new = try queue.read { db in
                        try Int64.fetchAll(db, sql: "SELECT ts_ms FROM decisions WHERE ts_ms > ? ORDER BY ts_ms", arguments: [last])
                    }
                    let now = ContinuousClock.now
                    seen += new.map { ($0, now) }
                    last = new.last ?? last
                    usleep(20_000)
                }
                result.withLock { $0 = .success(seen) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        watcher.start()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                done.wait()
                continuation.resume()
            }
        }
        return try result.withLock { $0 }.get()
    }
}
