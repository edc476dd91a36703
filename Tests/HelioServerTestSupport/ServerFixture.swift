import Foundation
import GRDB
import HelioGrid
import HelioServer
import HelioTestSupport

/// Shared set-up for the live-EMS tests (the one test-support target that builds the server): a temporary database and a simulated plant at a chosen time.
public enum ServerFixture {
    public static func databasePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("heliogrid-\(UUID().uuidString).sqlite").path
    }

    public static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Unix ms of a local standard time at the Phoenix site (UTC−7) (``TestData/phoenix(_:_:_:hour:)``).
    public static func phoenix(_ year: Int, _ month: Int, _ day: Int, hour: Int) -> Int64 {
        TestData.phoenix(year, month, day, hour: hour)
    }

    /// The limits of the test servers: the defaults with connection timeouts of an hour, so a test
    /// client on a machine busy with the whole suite is never cut off between its requests.
    public static let limits: ServerLimits = {
        var limits = ServerLimits()
        (limits.idleTimeoutS, limits.headerTimeoutS, limits.bodyTimeoutS) = (3_600, 3_600, 3_600)
        return limits
    }()

    /// A server on the simulated plant, one plant minute per interval.
    public static func server(_ scenario: Scenario = TestData.defaultScenario, path: String, at wallMS: Int64, interval: Double = 0.05) throws -> EMSServer {
        try EMSServer.simulated(scenario: scenario, databasePath: path, speed: 60 / interval, intervalSeconds: interval, wallClockMS: wallMS)
    }

    /// Writes `count` pushed readings (source `api`, load carried by the battery) straight into the
    /// database at `path`, stamped evenly over `spanMS` from `firstMS`: rows for reads to scan.
    public static func seedReadings(_ path: String, count: Int, firstMS: Int64, spanMS: Int64) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                INSERT INTO telemetry(source, resolution_s, ts_ms, load_kw, pv_available_kw, pv_kw, battery_kw, soc, diesel_kw, diesel_units,
                  grid_kw, unserved_kw, battery_online)
                SELECT 'api', 1, ? + i * ? / ?, 1, 0, 0, 1, 0.5, 0, 0, 0, 0, 1 FROM n
                """, arguments: [count, firstMS, spanMS, count])
        }
    }

    /// Every stored reading balances: PV + battery + gensets + grid + unserved = load.
    public static func balanced(_ store: EMSStore) async throws -> Bool {
        try await store.telemetry(fromMS: 0, toMS: .max, limit: 1000, offset: 0).allSatisfy { entry in
            let r = entry.reading
            return abs(r.pvKW + r.batteryKW + r.dieselKW + r.gridKW + r.unservedKW - r.loadKW) <= 1e-6 * max(1, r.loadKW)
        }
    }

    /// Waits until `condition` holds, checking every 10 ms, for at most `timeout`; whether it held.
    /// Tests wait on the state they need, never for a fixed time.
    public static func waitUntil(timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return try await condition()
    }
}
