import Foundation
import HelioGrid
import ServiceLifecycle
import Synchronization

/// The live EMS: every control interval it reads the plant's telemetry, checks it, decides the
/// setpoints — with the strategy (``LiveStrategy``), an operator's override, or safe mode
/// (``SafeModePolicy``) — writes them, and stores the reading, the decision with its reason, the
/// ledger row, the alarm changes (``AlarmMonitor``) and the point to resume from (``ResumeRecord``)
/// in one transaction; then it publishes the status (``StatusBroadcaster``). This type only
/// sequences the interval; each concern lives in its own type.
///
/// Nothing a client does can hold up an interval: the loop runs on a thread of its own
/// (``ControlExecutor``), writes through a database connection of its own with a short lock wait
/// (``EMSStore/commit(_:closing:resume:)``), keeps the records a failed commit could not store and stores
/// them with the next interval that can (setpoints are written either way), publishes its status
/// as a snapshot the API reads without waiting on the loop, and leaves retention to a task of its own.
public actor ControlLoop: Service {
    /// Records kept while the database cannot store them (an hour at a 1 s interval); past this the
    /// oldest are folded into the next (ledger rows merged, readings and decisions dropped).
    static let maxPending = 3_600
    let scenario: Scenario
    let adapter: any PlantAdapter
    let store: EMSStore
    let metrics: ServiceMetrics
    let validator: TelemetryValidator
    /// The thread the loop runs on.
    public nonisolated let executor: ControlExecutor
    /// Wall seconds between intervals.
    public let intervalSeconds: Double
    /// Plant seconds per interval (interval × speed for an accelerated simulated plant).
    public let plantSecondsPerTick: Double
    let utcOffsetMinutes: Int
    /// How long raw telemetry, minute means and telemetry rows are kept (``TelemetryRetention``).
    public private(set) var retention = TelemetryRetention()
    private var lastRetention: PlantTime?
    private var strategy: LiveStrategy
    private var safeMode: SafeModePolicy
    private var alarmMonitor: AlarmMonitor
    private let broadcaster = StatusBroadcaster()
    private var ledger: LiveLedger
    private var override: OperatorOverride?
    private var lastReading: PlantTelemetry?
    /// The reading the status shows: set with the setpoints decided on it once they are written, so
    /// a status asked for while an interval awaits the plant never pairs a new reading with the
    /// previous interval's setpoints.
    private var shownReading: PlantTelemetry?
    /// Plant time of the last valid reading, this run's or the previous run's (from the resume record).
    private var lastReadingMS: Int64?
    /// The open alarms as decided (the database catches up when it commits).
    private var alarms: OpenAlarms
    /// Alarm changes decided between intervals (an operator's mode, a failed retention pass), stored with the next interval.
    private var queuedAlarms: [AlarmChange] = []
    /// Intervals not yet stored, oldest first.
    private var pending: [IntervalRecord] = []
    /// The status as of the last interval or operator change, read without entering the loop.
    private let published: Mutex<ControlStatus>
    private let serverStarted = AsyncStream<Void>.makeStream()
    private var lastSetpoints: PlantSetpoints?
    private var lastReason = "starting"
    private var lastIntensity = 0.0
    private var day = (index: Int64.min, servedKWh: 0.0, loadKg: 0.0)
    private var commandedUnits = 0
    private var ticks = 0

    /// A loop for `scenario` driving `adapter` with `strategy` (from ``StrategyFactory/live(_:inputs:)``),
    /// recording into `store`; `resume` is where a previous run stopped. It runs on `executor`
    /// (share it with the adapter, so reading and writing the plant never leaves the loop's thread).
    public init(scenario: Scenario, inputs: SimulationInputs, strategy: any DispatchStrategy, adapter: any PlantAdapter, store: EMSStore,
                metrics: ServiceMetrics, intervalSeconds: Double, plantSecondsPerTick: Double, resume: ResumeRecord?,
                executor: ControlExecutor = ControlExecutor()) {
        self.scenario = scenario
        self.adapter = adapter
        self.store = store
        self.metrics = metrics
        self.executor = executor
        self.intervalSeconds = intervalSeconds
        self.plantSecondsPerTick = plantSecondsPerTick
        utcOffsetMinutes = inputs.axis.utcOffsetMinutes
        validator = TelemetryValidator(scenario: scenario, maxAgeMS: Int64(max(3 * plantSecondsPerTick, 5) * 1000))
        self.strategy = LiveStrategy(scenario: scenario, inputs: inputs, strategy: strategy)
        alarmMonitor = AlarmMonitor(hasBattery: scenario.battery != nil)
        let hours = plantSecondsPerTick / 3600
        let pool = resume.map {
            BatteryCarbonPool(battery: scenario.battery, stepHours: hours, energyKWh: $0.poolEnergyKWh, carbonKg: $0.poolCarbonKg,
                              fossilKWh: $0.poolFossilKWh)
        }
        ledger = LiveLedger(scenario: scenario, intervalHours: hours, pool: pool)
        safeMode = SafeModePolicy(forcedSafe: resume?.forcedSafe ?? false)
        lastReadingMS = resume?.lastReadingMS
        // A database alarm is shown (and cleared by the first interval that commits) if none can be read.
        let open = (try? store.openAlarms()) ?? [AlarmRecord(kind: AlarmKind.database.rawValue, message: "open alarms unreadable", raisedMS: 0)]
        alarms = OpenAlarms(open)
        published = Mutex(ControlStatus(
            timestampMS: 0, mode: safeMode.mode, plant: adapter.name, strategy: self.strategy.kind, telemetry: nil, setpoints: nil,
            reason: "starting", gensetUnits: scenario.diesel?.units ?? 0, override: nil, intensityNowGPerKWh: 0, intensityTodayGPerKWh: 0,
            alarms: alarms.list, ticks: 0, utcOffsetMinutes: utcOffsetMinutes))
    }

    /// The loop's thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    // MARK: Service

    /// Runs intervals once the HTTP server listens (``serverListening()``) until the service shuts
    /// down: a shutdown (SIGTERM, SIGINT) lets the interval under way finish and then returns
    /// normally; a server that fails to start ends the service before any interval runs, so nothing
    /// is written and no setpoint is sent.
    public func run() async throws {
        defer { broadcaster.finish() }
        let stream = serverStarted.stream
        let listening = await cancelWhenGracefulShutdown {
            for await _ in stream { return true }
            return false
        }
        guard listening else { return }
        let clock = ContinuousClock()
        var next = clock.now
        while !Task.isCancelled {
            await tick()
            next = next.advanced(by: .milliseconds(Int64(intervalSeconds * 1000)))
            let deadline = next
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(until: deadline, clock: clock) }
            } catch {
                return
            }
        }
    }

    /// Tells the loop the HTTP server is listening, so intervals may start.
    public nonisolated func serverListening() {
        serverStarted.continuation.yield()
        serverStarted.continuation.finish()
    }

    // MARK: One interval

    /// Reads, decides, writes and records one control interval.
    public func tick() async {
        let started = ContinuousClock.now
        ticks += 1
        let now = await adapter.plantTimeMS()
        if let expires = override?.expiresMS, expires <= now { override = nil }
        let (reading, failure) = await read(now: now)
        var alarms: [AlarmChange] = []
        let entry = reading.flatMap(ledgerEntry(for:))
        if let reading { observe(reading, alarms: &alarms) }
        var (setpoints, source, reason) = decide(reading: reading, failure: failure, now: now, alarms: &alarms)
        do {
            try await adapter.apply(setpoints, seconds: plantSecondsPerTick)
            alarms.append(.clear(.adapter))
        } catch {
            metrics.countApplyFailure()
            alarms.append(.raise(.adapter, message: "setpoints not accepted: \(error)"))
            enterSafe()
            (setpoints, source, reason) = (safeSetpoints(), .safeMode, "safe mode: setpoints not accepted (\(error))")
        }
        lastSetpoints = setpoints
        lastReason = reason
        shownReading = lastReading
        commandedUnits = setpoints.dieselUnits
        let decision = DecisionEntry(
            timestampMS: now, mode: safeMode.mode.rawValue, source: source.label, reason: reason, pvLimitKW: setpoints.pvLimitKW,
            batteryKW: setpoints.batteryKW, dieselUnits: setpoints.dieselUnits, dieselKW: setpoints.dieselKW, gridKW: setpoints.gridKW)
        persist(IntervalRecord(telemetry: reading.map { TelemetryEntry(source: adapter.name, resolutionS: plantSecondsPerTick, reading: $0) },
                               decision: decision, ledger: entry, alarms: queuedAlarms + alarms), now: now)
        queuedAlarms.removeAll()
        applyRetention(now: now)
        metrics.setSafeMode(safeMode.mode == .safe)
        metrics.countTick(duration: ContinuousClock.now - started)
        publish()
    }

    private func read(now: Int64) async -> (PlantTelemetry?, String?) {
        do {
            let reading = try await adapter.readTelemetry()
            try validator.check(reading, nowMS: now)
            return (reading, nil)
        } catch {
            metrics.countReadFailure()
            return (nil, "\(error)")
        }
    }

    /// The ledger row of the interval that ended at `reading`, which began at the last valid
    /// reading — this run's or, after a restart, the one in the resume record (none for the first
    /// reading of a new database or a repeated one: nothing was metered in between). An interval
    /// is booked for at most three control intervals of plant time.
    private func ledgerEntry(for reading: PlantTelemetry) -> LedgerEntry? {
        guard let previousMS = lastReadingMS, reading.timestampMS > previousMS else { return nil }
        let seconds = min(Double(reading.timestampMS - previousMS) / 1000, 3 * plantSecondsPerTick)
        let entry = ledger.entry(for: reading, seconds: seconds)
        lastIntensity = entry.intensityGPerKWh
        metrics.setIntensity(entry.intensityGPerKWh)
        let dayIndex = PlantTime(unixMS: reading.timestampMS).localDayIndex(utcOffsetMinutes: utcOffsetMinutes)
        if dayIndex != day.index { day = (dayIndex, 0, 0) }
        day.servedKWh += entry.servedKWh
        day.loadKg += entry.loadKg
        return entry
    }

    /// A valid reading: plant alarms, and the way back from safe mode.
    private func observe(_ reading: PlantTelemetry, alarms: inout [AlarmChange]) {
        lastReading = reading
        lastReadingMS = reading.timestampMS
        metrics.record(reading)
        safeMode.validReading()
        alarms.append(.clear(.telemetry))
        alarms += alarmMonitor.observe(reading, commandedUnits: commandedUnits)
    }

    private func decide(reading: PlantTelemetry?, failure: String?, now: Int64, alarms: inout [AlarmChange])
        -> (PlantSetpoints, DecisionSource, String) {
        guard let reading else {
            alarms.append(.raise(.telemetry, message: "telemetry lost or invalid: \(failure ?? "")"))
            enterSafe()
            return (safeSetpoints(), .safeMode, "safe mode: telemetry lost or invalid (\(failure ?? ""))")
        }
        if safeMode.mode == .safe {
            return (safeSetpoints(), .safeMode, "safe mode: \(safeMode.holdReason)")
        }
        let (setpoints, decision, context) = strategy.decide(reading, tick: ticks, hours: plantSecondsPerTick / 3600,
                                                             at: PlantTime(unixMS: now))
        let reason = DecisionReason.explain(decision, context)
        safeMode.run(manual: override != nil)
        guard let override else { return (setpoints, .strategy(strategy.kind), reason) }
        return (override.applied(to: setpoints), .operator, "operator override until \(override.expiresMS)")
    }

    /// Safe-mode setpoints for the last known load; the fleet records the units commanded.
    private func safeSetpoints() -> PlantSetpoints {
        let setpoints = SafeModePolicy.setpoints(scenario, lastLoadKW: lastReading?.loadKW ?? 0)
        strategy.commit(units: setpoints.dieselUnits, tick: ticks, hours: plantSecondsPerTick / 3600)
        return setpoints
    }

    /// Enters safe mode after a failure, counting the entry.
    private func enterSafe() {
        if safeMode.fail() { metrics.countSafeModeEntry() }
    }

    // MARK: Records

    /// Stores the interval with any kept from intervals that could not be stored, in one
    /// transaction; if the database refuses, keeps them all (folding the oldest past
    /// ``maxPending``) and raises a `database` alarm, which the commit that stores them clears.
    private func persist(_ record: IntervalRecord, now: Int64) {
        for change in record.alarms { alarms.apply(change, atMS: now) }
        pending.append(record)
        if pending.count > Self.maxPending {
            let oldest = pending.removeFirst()
            pending[0] = oldest.folded(into: pending[0])
        }
        let resume = ResumeRecord(
            plantMS: now + Int64((plantSecondsPerTick * 1000).rounded()), soc: lastReading?.soc, forcedSafe: safeMode.forcedSafe,
            poolEnergyKWh: ledger.pool.energyKWh, poolCarbonKg: ledger.pool.carbonKg, poolFossilKWh: ledger.pool.fossilKWh,
            lastReadingMS: lastReadingMS)
        let closing: [AlarmChange] = alarms.isOpen(.database) ? [.clear(.database)] : []
        do {
            try store.commit(pending, closing: closing, resume: resume)
            pending.removeAll(keepingCapacity: true)
            for change in closing { alarms.apply(change, atMS: now) }
        } catch {
            metrics.countDatabaseFailure()
            guard !alarms.isOpen(.database) else { return }
            let raise = AlarmChange.raise(.database, message: "intervals wait to be stored: \(error)")
            pending[pending.count - 1].alarms.append(raise)
            alarms.apply(raise, atMS: now)
        }
        metrics.setPendingIntervals(pending.count)
    }

    /// Once per plant hour, outside the loop: raw telemetry past its retention becomes minute
    /// means, old means go, and the oldest rows past the row cap go (``EMSStore/applyRetention(_:nowMS:)``).
    private func applyRetention(now: Int64) {
        let time = PlantTime(unixMS: now)
        let settings = retention
        guard lastRetention.map({ time - $0 >= settings.every }) ?? true else { return }
        lastRetention = time
        let store = self.store
        Task.detached { [weak self] in
            do {
                try await store.applyRetention(settings, nowMS: now)
            } catch {
                await self?.retentionFailed(error, now: now)
            }
        }
    }

    /// Records a failed retention pass as a `database` alarm, stored (and cleared) with the next interval that commits.
    private func retentionFailed(_ error: any Error, now: Int64) {
        metrics.countDatabaseFailure()
        queuedAlarms.append(.raise(.database, message: "retention failed: \(error)"))
    }

    /// Sets how long raw readings, minute means and telemetry rows are kept.
    public func setRetention(_ retention: TelemetryRetention) {
        self.retention = retention
    }

    /// MPC plans solved so far (0 under the rule-based EMS).
    var mpcReplans: Int { strategy.replans }

    /// Where the forward plan starts now: a copy of the strategy, the intervals so far, the latest
    /// reading and the ledger (``ForwardPlanStart``). A copy, so the plan is stepped
    /// outside this actor and no query holds up an interval.
    func forwardStart() -> ForwardPlanStart {
        ForwardPlanStart(strategy: strategy, tick: ticks, tickLength: .seconds(plantSecondsPerTick), reading: lastReading, ledger: ledger)
    }

    // MARK: Operator

    /// Sets the mode an operator asks for: `safe` (held until `auto` is asked, with an
    /// `operator-safe` alarm open meanwhile, stored with the next interval) or `auto` (which clears it).
    public func setMode(_ requested: OperatingMode) async throws(ValidationError) {
        if try safeMode.request(requested) { metrics.countSafeModeEntry() }
        let change: AlarmChange = requested == .safe ? .raise(.operatorSafe, message: "an operator holds safe mode until auto is asked")
            : .clear(.operatorSafe)
        alarms.apply(change, atMS: await adapter.plantTimeMS())
        queuedAlarms.append(change)
        publish()
    }

    /// Puts an override in force after checking it against the plant's limits.
    public func setOverride(_ requested: OperatorOverride) async throws(ValidationError) {
        try requested.validate(against: scenario, nowMS: await adapter.plantTimeMS())
        override = requested
        publish()
    }

    /// Removes the override.
    public func clearOverride() {
        override = nil
        publish()
    }

    // MARK: Status

    /// The status as of the last interval or operator change; answered from a snapshot, without
    /// waiting for the loop.
    public nonisolated func status() -> ControlStatus { published.withLock { $0 } }

    /// Takes the status snapshot and sends it to the live stream's subscribers.
    private func publish() {
        let status = ControlStatus(
            timestampMS: shownReading?.timestampMS ?? 0, mode: safeMode.mode, plant: adapter.name, strategy: strategy.kind,
            telemetry: shownReading, setpoints: lastSetpoints, reason: lastReason, gensetUnits: scenario.diesel?.units ?? 0,
            override: override, intensityNowGPerKWh: lastIntensity,
            intensityTodayGPerKWh: day.servedKWh > 0 ? day.loadKg / day.servedKWh * 1000 : 0, alarms: alarms.list, ticks: ticks,
            utcOffsetMinutes: utcOffsetMinutes)
        published.withLock { $0 = status }
        if broadcaster.hasSubscribers { broadcaster.publish(status) }
    }

    /// A stream of statuses, one per interval, until the subscriber goes away or calls `end`.
    public nonisolated func subscribe() -> (updates: AsyncStream<ControlStatus>, end: @Sendable () -> Void) {
        broadcaster.subscribe()
    }
}
