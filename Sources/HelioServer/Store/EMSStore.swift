import Crypto
import Foundation
import GRDB
import HelioForecast
import HelioGrid
import HelioOptimize
import Synchronization

/// The service's SQLite database through GRDB, in WAL mode: telemetry (raw, then per-minute means),
/// decisions with their reasons, the live carbon ledger, alarms, API tokens (SHA-256 hashes only)
/// and the single-row resume record (``ResumeRecord``). Each control interval — its reading, decision,
/// ledger row, alarm changes and resume point — is one transaction, so a killed process loses no
/// committed interval. Schema changes are versioned migrations.
///
/// Kinds of access never wait on each other: the control loop writes through a connection of its
/// own (``commit(_:closing:resume:)``, a short lock wait), token lookups read through one of their
/// own, and the API reads through the pool's read-only connections with a time limit
/// (``readTimeLimit``) and writes through the pool's writer, all asynchronously, off Swift's
/// cooperative threads.
public final class EMSStore: Sendable {
    /// How long an API read may run before it is interrupted (answered 503).
    public static let readTimeLimit = Duration.seconds(2)
    /// How long the loop's commit waits for another writer's lock before it keeps its records for
    /// the next interval.
    static let controlLockWaitS = 0.25
    let pool: DatabasePool
    /// The control loop's own connection.
    let control: DatabaseQueue
    /// A read-only connection for token lookups alone, so authenticating a request never waits
    /// behind the pool's connections busy with long reads.
    let tokenReader: DatabaseQueue
    /// The database file.
    public let path: String

    /// Opens (creating and migrating) the database at `path`. A new database file is created
    /// readable and writable by its owner only (0600; SQLite gives its `-wal` and `-shm` files the
    /// same mode): it holds token hashes and the plant's record. Only a file that does not exist yet
    /// is opened outside SQLite (`O_EXCL`): closing a descriptor of a file that a connection of this
    /// process holds would drop that connection's POSIX locks ("How To Corrupt An SQLite Database
    /// File", sqlite.org/howtocorrupt.html, §2.2).
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 || errno == EEXIST else { throw StoreError("cannot open database \(path): \(String(cString: strerror(errno)))") }
        if fd >= 0 { close(fd) }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            var controlConfiguration = Configuration()
            controlConfiguration.busyMode = .timeout(Self.controlLockWaitS)
            control = try DatabaseQueue(path: path, configuration: controlConfiguration)
            var readOnly = Configuration()
            readOnly.readonly = true
            tokenReader = try DatabaseQueue(path: path, configuration: readOnly)
        } catch {
            throw StoreError("cannot open database \(path): \(error)")
        }
    }

    /// v1: the tables; v2: per-minute telemetry means for downsampling; v3: the typed single-row
    /// `resume` table replaces the key-value `state` table (its values carried over); v4: the resume
    /// record keeps the last reading's stamp, so the first interval after a restart is metered; v5: the
    /// latest weather forecast on clock hours, so a restart plans with it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-tables") { db in
            try db.execute(sql: """
                CREATE TABLE telemetry (id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, resolution_s REAL NOT NULL,
                  ts_ms INTEGER NOT NULL, load_kw REAL NOT NULL, pv_available_kw REAL NOT NULL, pv_kw REAL NOT NULL,
                  battery_kw REAL NOT NULL, soc REAL NOT NULL, diesel_kw REAL NOT NULL, diesel_units INTEGER NOT NULL,
                  grid_kw REAL NOT NULL, unserved_kw REAL NOT NULL, battery_online INTEGER NOT NULL);
                CREATE INDEX telemetry_ts ON telemetry(ts_ms);
                CREATE TABLE decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, mode TEXT NOT NULL,
                  source TEXT NOT NULL, reason TEXT NOT NULL, pv_limit_kw REAL NOT NULL, battery_kw REAL NOT NULL,
                  diesel_units INTEGER NOT NULL, diesel_kw REAL NOT NULL, grid_kw REAL NOT NULL);
                CREATE INDEX decisions_ts ON decisions(ts_ms);
                CREATE TABLE ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL UNIQUE, duration_s REAL NOT NULL,
                  served_kwh REAL NOT NULL, pv_kwh REAL NOT NULL, battery_discharge_kwh REAL NOT NULL, battery_charge_kwh REAL NOT NULL,
                  diesel_kwh REAL NOT NULL, grid_import_kwh REAL NOT NULL, grid_export_kwh REAL NOT NULL, curtailed_kwh REAL NOT NULL,
                  unserved_kwh REAL NOT NULL, fuel_l REAL NOT NULL, emitted_kg REAL NOT NULL, load_kg REAL NOT NULL,
                  pool_kg REAL NOT NULL, intensity_g_per_kwh REAL NOT NULL, carbon_free_kwh REAL NOT NULL);
                CREATE TABLE alarms (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, kind TEXT NOT NULL,
                  message TEXT NOT NULL, cleared_ms INTEGER);
                CREATE TABLE tokens (id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL UNIQUE, scope TEXT NOT NULL,
                  label TEXT NOT NULL, created_ms INTEGER NOT NULL);
                CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v2-telemetry-minute") { db in
            try db.execute(sql: "CREATE INDEX telemetry_source_ts ON telemetry(resolution_s, ts_ms)")
        }
        migrator.registerMigration("v3-resume-record") { db in
            try db.execute(sql: """
                CREATE TABLE resume (id INTEGER PRIMARY KEY CHECK (id = 1), plant_ms INTEGER NOT NULL, soc REAL,
                  forced_safe INTEGER NOT NULL, pool_energy_kwh REAL NOT NULL, pool_carbon_kg REAL NOT NULL,
                  pool_fossil_kwh REAL NOT NULL);
                INSERT INTO resume(id, plant_ms, soc, forced_safe, pool_energy_kwh, pool_carbon_kg, pool_fossil_kwh)
                  SELECT 1, CAST(p.value AS INTEGER), CAST(s.value AS REAL), COALESCE(CAST(f.value AS INTEGER), 0),
                    CAST(e.value AS REAL), CAST(c.value AS REAL), CAST(x.value AS REAL)
                  FROM state p LEFT JOIN state s ON s.key = 'soc' LEFT JOIN state f ON f.key = 'forced_safe'
                    JOIN state e ON e.key = 'pool_energy_kwh' JOIN state c ON c.key = 'pool_carbon_kg'
                    JOIN state x ON x.key = 'pool_fossil_kwh'
                  WHERE p.key = 'plant_ms';
                DROP TABLE state;
                """)
        }
        migrator.registerMigration("v4-resume-last-reading") { db in
            try db.execute(sql: "ALTER TABLE resume ADD COLUMN last_reading_ms INTEGER")
        }
        migrator.registerMigration("v5-weather-forecast") { db in
            try db.execute(sql: """
                CREATE TABLE weather_forecast (start_ms INTEGER PRIMARY KEY, ghi_wm2 REAL NOT NULL, dni_wm2 REAL NOT NULL,
                  dhi_wm2 REAL NOT NULL, temp_c REAL NOT NULL, wind_ms REAL NOT NULL, pv_kw REAL NOT NULL, received_ms INTEGER NOT NULL)
                """)
        }
        migrator.registerMigration("v6-flexible-jobs") { db in
            try db.execute(sql: """
                CREATE TABLE jobs (id TEXT PRIMARY KEY, gpus INTEGER NOT NULL, hours REAL NOT NULL, class TEXT NOT NULL,
                  submitted_ms INTEGER NOT NULL, deadline_ms INTEGER NOT NULL, min_power_cap REAL NOT NULL,
                  planned_start_ms INTEGER NOT NULL, cap REAL NOT NULL, it_kw REAL NOT NULL, reason TEXT NOT NULL);
                CREATE TABLE curtailments (id INTEGER PRIMARY KEY AUTOINCREMENT, start_ms INTEGER NOT NULL, hours REAL NOT NULL,
                  shed_fraction REAL NOT NULL, received_ms INTEGER NOT NULL);
                """)
        }
        migrator.registerMigration("v7-job-deadlines") { db in
            try db.execute(sql: "CREATE INDEX jobs_deadline ON jobs(deadline_ms)")
        }
        return migrator
    }

    // MARK: Flexible GPU work

    /// Stores a newly planned job unless its id is taken or `maxActive` jobs are still due at
    /// `nowMS` (``JobInsertion``).
    public func insert(job: FlexibleJob, nowMS: Int64, maxActive: Int) async throws -> JobInsertion {
        try await update { db in
            guard try FlexibleJob.fetchOne(db, key: job.id) == nil else { return .idTaken }
            let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE deadline_ms >= ?", arguments: [nowMS]) ?? 0
            guard active < maxActive else { return .full(active: active) }
            try job.insert(db)
            return .inserted
        }
    }

    /// The job with `id`.
    public func job(id: String) async throws -> FlexibleJob? {
        try await query { db in try FlexibleJob.fetchOne(db, key: id) }
    }

    /// Jobs due at or after `fromMS`, oldest plan first.
    public func jobs(endingAfterMS fromMS: Int64) async throws -> [FlexibleJob] {
        try await query { db in
            try FlexibleJob.fetchAll(db, sql: "SELECT * FROM jobs WHERE deadline_ms >= ? ORDER BY planned_start_ms, id", arguments: [fromMS])
        }
    }

    /// Stores a curtailment request.
    public func insert(curtailment: CurtailmentRecord) async throws -> CurtailmentRecord {
        try await update { db in
            var record = curtailment
            try record.insert(db)
            return record
        }
    }

    /// Curtailments that end after `fromMS`, earliest first.
    public func curtailments(endingAfterMS fromMS: Int64) async throws -> [CurtailmentRecord] {
        try await query { db in
            try CurtailmentRecord.fetchAll(db, sql: "SELECT * FROM curtailments WHERE start_ms + hours * 3600000 > ? ORDER BY start_ms",
                                           arguments: [fromMS])
        }
    }

    /// The applied migrations, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// The journal mode in use (`wal`).
    public func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    // MARK: Control intervals

    /// Stores control intervals atomically through the loop's own connection: each record's
    /// telemetry (when read), decision, ledger row (when metered) and alarm changes (at its
    /// decision's time), then `closing` alarm changes at the last one's time, and the point to
    /// resume from. Waits at most ``controlLockWaitS`` for another writer's lock.
    public func commit(_ records: [IntervalRecord], closing: [AlarmChange] = [], resume: ResumeRecord) throws {
        do {
            try control.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for record in records {
                        try record.telemetry?.insert(db)
                        try record.decision.insert(db)
                        try record.ledger?.insert(db)
                        for change in record.alarms { try Self.apply(change, atMS: record.decision.timestampMS, db) }
                    }
                    for change in closing { try Self.apply(change, atMS: records.last?.decision.timestampMS ?? resume.plantMS, db) }
                    try resume.save(db)
                    return .commit
                }
            }
        } catch {
            throw StoreError("database write failed: \(error)")
        }
    }

    /// Stores pushed telemetry readings of one source, oldest first, in one transaction, skipping
    /// those whose stamp that source has stored already (a batch sent again is stored once); the
    /// readings stored and skipped.
    public func ingest(_ entries: [TelemetryEntry]) async throws -> (stored: Int, duplicates: Int) {
        guard let first = entries.first, let last = entries.last?.reading.timestampMS else { return (0, 0) }
        return try await update { db in
            let held = Set(try Int64.fetchAll(db, sql: "SELECT ts_ms FROM telemetry WHERE ts_ms >= ? AND ts_ms <= ? AND source = ?",
                                              arguments: [first.reading.timestampMS, last, first.source]))
            var stored = 0
            for entry in entries where !held.contains(entry.reading.timestampMS) {
                try entry.insert(db)
                stored += 1
            }
            return (stored, entries.count - stored)
        }
    }

    /// The point to resume from, if the service has run.
    public func resume() throws -> ResumeRecord? {
        try read { db in try ResumeRecord.fetchOne(db) }
    }

    // MARK: Queries

    /// Telemetry rows with `fromMS ≤ ts < toMS`, oldest first, paged.
    public func telemetry(fromMS: Int64, toMS: Int64, limit: Int, offset: Int) async throws -> [TelemetryEntry] {
        try await query { db in
            try TelemetryEntry.fetchAll(db, sql: "SELECT * FROM telemetry WHERE ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id LIMIT ? OFFSET ?",
                                        arguments: [fromMS, toMS, limit, offset])
        }
    }

    /// Readings one `bucket_s` query may aggregate, and buckets it may span (from the first to the
    /// last reading in its range): past either it is refused (``StoreError/Kind-swift.enum/tooLarge``).
    public static let maxScannedRows = 500_000
    public static let maxBuckets = 100_000

    /// Telemetry means per `bucketS` seconds with `fromMS ≤ ts < toMS` (source `mean`, pushed
    /// readings left out), oldest first, paged; refused past ``maxScannedRows`` or ``maxBuckets``.
    public func telemetryMeans(fromMS: Int64, toMS: Int64, bucketS: Int, limit: Int, offset: Int) async throws -> [TelemetryEntry] {
        try await query { db in
            let over = try Int64.fetchOne(db, sql: "SELECT ts_ms FROM telemetry WHERE ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms LIMIT 1 OFFSET ?",
                                          arguments: [fromMS, toMS, Self.maxScannedRows])
            guard over == nil else {
                throw StoreError(.tooLarge, "from–to holds over \(Self.maxScannedRows) readings; ask for a shorter range")
            }
            let span = try Row.fetchOne(db, sql: "SELECT MIN(ts_ms) AS first, MAX(ts_ms) AS last FROM telemetry WHERE ts_ms >= ? AND ts_ms < ?",
                                        arguments: [fromMS, toMS])
            if let first: Int64 = span?["first"], let last: Int64 = span?["last"] {
                let buckets = (last - first) / Int64(bucketS * 1000) + 1
                guard buckets <= Self.maxBuckets else {
                    throw StoreError(.tooLarge, "bucket_s: the readings from–to span \(buckets) buckets of \(bucketS) s; at most "
                                     + "\(Self.maxBuckets) (ask for a shorter range or larger buckets)")
                }
            }
            return try TelemetryEntry.fetchAll(db, sql: """
                SELECT 'mean' AS source, ? AS resolution_s, (ts_ms / ?) * ? AS ts_ms, AVG(load_kw) AS load_kw,
                  AVG(pv_available_kw) AS pv_available_kw, AVG(pv_kw) AS pv_kw, AVG(battery_kw) AS battery_kw, AVG(soc) AS soc,
                  AVG(diesel_kw) AS diesel_kw, CAST(ROUND(AVG(diesel_units)) AS INTEGER) AS diesel_units, AVG(grid_kw) AS grid_kw,
                  AVG(unserved_kw) AS unserved_kw, MIN(battery_online) AS battery_online
                FROM telemetry WHERE ts_ms >= ? AND ts_ms < ? AND source != 'api' GROUP BY ts_ms / ? ORDER BY ts_ms LIMIT ? OFFSET ?
                """, arguments: [Double(bucketS), bucketS * 1000, bucketS * 1000, fromMS, toMS, bucketS * 1000, limit, offset])
        }
    }

    /// Ledger rows with `fromMS ≤ ts < toMS`, oldest first, paged.
    public func ledger(fromMS: Int64, toMS: Int64, limit: Int, offset: Int) async throws -> [LedgerEntry] {
        try await query { db in
            try LedgerEntry.fetchAll(db, sql: "SELECT * FROM ledger WHERE ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms LIMIT ? OFFSET ?",
                                     arguments: [fromMS, toMS, limit, offset])
        }
    }

    /// Decision rows with `fromMS ≤ ts < toMS`, oldest first, paged.
    public func decisions(fromMS: Int64, toMS: Int64, limit: Int, offset: Int) async throws -> [DecisionEntry] {
        try await query { db in
            try DecisionEntry.fetchAll(db, sql: "SELECT * FROM decisions WHERE ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id LIMIT ? OFFSET ?",
                                       arguments: [fromMS, toMS, limit, offset])
        }
    }

    /// Rows in a table (`telemetry`, `decisions`, `ledger`, `alarms`).
    public func count(_ table: String) throws -> Int {
        precondition(["telemetry", "decisions", "ledger", "alarms", "tokens"].contains(table))
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// The last ledger row, if any.
    public func lastLedger() throws -> LedgerEntry? {
        try read { db in try LedgerEntry.fetchOne(db, sql: "SELECT * FROM ledger ORDER BY ts_ms DESC LIMIT 1") }
    }

    // MARK: Weather forecast

    /// Stores a received forecast's clock hours in one transaction, replacing the hours they cover and
    /// dropping those more than ``WeatherForecastOverlay/keptHours`` before the plant clock `receivedMS`
    /// (as the overlay does): a forecast's own stamps never delete held hours.
    public func save(weatherForecast hours: [LiveWeatherHour], receivedMS: Int64) async throws {
        guard !hours.isEmpty else { return }
        try await update { db in
            try db.execute(sql: "DELETE FROM weather_forecast WHERE start_ms < ?",
                           arguments: [(PlantTime(unixMS: receivedMS) - .hours(Double(WeatherForecastOverlay.keptHours))).unixMS])
            for hour in hours {
                let w = hour.weather
                try db.execute(sql: """
                    INSERT OR REPLACE INTO weather_forecast(start_ms, ghi_wm2, dni_wm2, dhi_wm2, temp_c, wind_ms, pv_kw, received_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [w.startMS, w.ghiWM2, w.dniWM2, w.dhiWM2, w.tempC, w.windSpeedMS, hour.pvKW, receivedMS])
            }
        }
    }

    /// The stored forecast hours, oldest first.
    public func weatherForecast() throws -> [LiveWeatherHour] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM weather_forecast ORDER BY start_ms").map { row in
                LiveWeatherHour(weather: WeatherForecastHour(startMS: row["start_ms"], ghiWM2: row["ghi_wm2"], dniWM2: row["dni_wm2"],
                                                             dhiWM2: row["dhi_wm2"], tempC: row["temp_c"], windSpeedMS: row["wind_ms"]),
                                pvKW: row["pv_kw"])
            }
        }
    }

    // MARK: Alarms

    /// Open alarms, oldest first.
    public func openAlarms() throws -> [AlarmRecord] {
        try read { db in
            try AlarmRecord.filter(sql: "cleared_ms IS NULL").order(sql: "ts_ms").fetchAll(db)
        }
    }

    /// Raises (unless one of the kind is open) or clears (the open one of the kind) an alarm.
    private static func apply(_ change: AlarmChange, atMS: Int64, _ db: Database) throws {
        switch change {
        case let .raise(kind, message):
            guard try AlarmRecord.filter(sql: "kind = ? AND cleared_ms IS NULL", arguments: [kind.rawValue]).isEmpty(db) else { return }
            var alarm = AlarmRecord(kind: kind.rawValue, message: message, raisedMS: atMS)
            try alarm.insert(db)
        case let .clear(kind):
            try db.execute(sql: "UPDATE alarms SET cleared_ms = ? WHERE kind = ? AND cleared_ms IS NULL", arguments: [atMS, kind.rawValue])
        }
    }

    // MARK: Retention

    /// Days of plant time a job past its deadline, or a curtailment past its end, is kept.
    public static let finishedWorkDays = 7.0

    /// One retention pass at plant time `nowMS`, through the pool's writer in short transactions:
    /// telemetry by age (``downsample(beforeMS:keepMinutesAfterMS:)``) and by rows (the oldest stored
    /// past `retention.maxRows`), and jobs and curtailments finished ``finishedWorkDays`` ago.
    public func applyRetention(_ retention: TelemetryRetention, nowMS: Int64) async throws {
        let now = PlantTime(unixMS: nowMS)
        let (beforeMS, keepMS) = ((now - retention.raw).unixMS, (now - retention.minutes).unixMS)
        _ = try await update { db in try self.downsample(beforeMS: beforeMS, keepMinutesAfterMS: keepMS, db) }
        try await update { db in
            try db.execute(sql: "DELETE FROM telemetry WHERE id <= (SELECT MAX(id) FROM telemetry) - ?", arguments: [retention.maxRows])
        }
        let finishedMS = (now - .days(Self.finishedWorkDays)).unixMS
        try await update { db in
            try db.execute(sql: "DELETE FROM jobs WHERE deadline_ms < ?", arguments: [finishedMS])
            try db.execute(sql: "DELETE FROM curtailments WHERE start_ms + hours * 3600000 < ?", arguments: [finishedMS])
        }
    }

    /// Rolls raw telemetry older than `beforeMS` into per-minute means (source kept) and deletes the
    /// raw rows; drops minute means older than `keepMinutesAfterMS`. Returns the raw rows removed.
    @discardableResult
    public func downsample(beforeMS: Int64, keepMinutesAfterMS: Int64) throws -> Int {
        try write { db in try downsample(beforeMS: beforeMS, keepMinutesAfterMS: keepMinutesAfterMS, db) }
    }

    private func downsample(beforeMS: Int64, keepMinutesAfterMS: Int64, _ db: Database) throws -> Int {
        try db.execute(sql: """
            INSERT INTO telemetry(source, resolution_s, ts_ms, load_kw, pv_available_kw, pv_kw, battery_kw, soc, diesel_kw,
              diesel_units, grid_kw, unserved_kw, battery_online)
            SELECT source, 60, (ts_ms / 60000) * 60000, AVG(load_kw), AVG(pv_available_kw), AVG(pv_kw), AVG(battery_kw), AVG(soc),
              AVG(diesel_kw), CAST(ROUND(AVG(diesel_units)) AS INTEGER), AVG(grid_kw), AVG(unserved_kw), MIN(battery_online)
            FROM telemetry WHERE resolution_s < 60 AND ts_ms < ? GROUP BY source, ts_ms / 60000
            """, arguments: [beforeMS])
        try db.execute(sql: "DELETE FROM telemetry WHERE resolution_s < 60 AND ts_ms < ?", arguments: [beforeMS])
        let removed = db.changesCount
        try db.execute(sql: "DELETE FROM telemetry WHERE resolution_s >= 60 AND ts_ms < ?", arguments: [keepMinutesAfterMS])
        return removed
    }

    // MARK: Tokens

    /// Creates a random bearer token of `scope`; stores only its SHA-256 and returns the token (shown once).
    public func createToken(scope: TokenScope, label: String, nowMS: Int64) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = "hg_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        var record = TokenRecord(hash: Self.hash(token), scope: scope, label: label, createdMS: nowMS)
        try write { db in try record.insert(db) }
        return token
    }

    /// Every token's record (hashes, never tokens), oldest first.
    public func tokens() throws -> [TokenRecord] {
        try read { db in try TokenRecord.order(sql: "id").fetchAll(db) }
    }

    /// Deletes the token with row id `id`; whether there was one. Requests with it fail from then on.
    public func revokeToken(id: Int64) throws -> Bool {
        try write { db in try TokenRecord.deleteOne(db, key: id) }
    }

    /// The scope of `token`, or `nil` when unknown.
    public func scope(ofToken token: String) async throws -> TokenScope? {
        let hash = Self.hash(token)
        do {
            return try await tokenReader.read { db in try TokenRecord.filter(sql: "hash = ?", arguments: [hash]).fetchOne(db)?.scope }
        } catch {
            throw StoreError("database read failed: \(error)")
        }
    }

    /// Hex SHA-256 of a token (tokens are 256-bit random, so a plain hash suffices; no password stretching).
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Plumbing

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError("database read failed: \(error)") }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StoreError("database write failed: \(error)") }
    }

    /// An API read on one of the pool's read-only connections, interrupted once it has run for
    /// ``readTimeLimit`` (the time waiting for a free connection is not counted: the pool's few
    /// connections, each held at most that long, bound it).
    func query<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let watch = ReadWatch()
        let limitNS = UInt64(Self.readTimeLimit.components.seconds) * 1_000_000_000
        let reading = Task { [pool] in
            try await pool.read { db in
                watch.begunNS.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
                return try body(db)
            }
        }
        let timer = Task {
            var waitNS = limitNS
            while true {
                try await Task.sleep(for: .nanoseconds(Int64(waitNS)))
                let begun = watch.begunNS.load(ordering: .relaxed), now = DispatchTime.now().uptimeNanoseconds
                guard begun > 0 else { continue }
                guard begun + limitNS > now else { break }
                waitNS = begun + limitNS - now
            }
            watch.timedOut.store(true, ordering: .relaxed)
            reading.cancel()
        }
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler { try await reading.value } onCancel: { reading.cancel() }
        } catch let error as StoreError {
            throw error
        } catch where watch.timedOut.load(ordering: .relaxed) {
            throw StoreError(.timeLimit, "the query ran past its \(Self.readTimeLimit.components.seconds) s limit; ask for a shorter range "
                             + "or larger buckets")
        } catch {
            throw StoreError("database read failed: \(error)")
        }
    }

    /// When an API read began on its connection (monotonic ns, 0 before) and whether its time limit interrupted it.
    private final class ReadWatch: Sendable {
        let begunNS = Atomic<UInt64>(0)
        let timedOut = Atomic(false)
    }

    /// An API write through the pool's writer.
    func update<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.write(body) } catch { throw StoreError("database write failed: \(error)") }
    }
}

extension EMSStore {
    /// Intensity of the power used per clock hour in `fromMS ..< toMS`: Σ carbon to load / Σ served
    /// of the ledger rows ending in the hour, gCO₂e/kWh.
    public func hourlyIntensity(fromMS: Int64, toMS: Int64) async throws -> [(hourMS: Int64, gPerKWh: Double)] {
        try await query { db in
            try Row.fetchAll(db, sql: """
                SELECT (ts_ms / 3600000) * 3600000 AS hour, SUM(load_kg) * 1000 / SUM(served_kwh) AS rating
                FROM ledger WHERE ts_ms >= ? AND ts_ms < ? AND served_kwh > 0 GROUP BY ts_ms / 3600000 ORDER BY hour
                """, arguments: [fromMS, toMS]).map { (hourMS: $0["hour"], gPerKWh: $0["rating"]) }
        }
    }
}
