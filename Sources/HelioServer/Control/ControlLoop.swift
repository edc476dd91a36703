import Foundation
import HelioGrid
import HelioOptimize
import ServiceLifecycle

/// The live EMS: every control interval it reads the plant's telemetry, checks it, decides the
/// setpoints with the simulator's dispatch strategy (the rule-based EMS), or an operator's override,
/// or safe mode, writes them, and stores the reading, the decision with its reason and the ledger
/// row in one transaction with the state to resume from.
///
/// Safe mode (telemetry lost or invalid, setpoints not accepted, or asked for by an operator): the
/// gensets are committed to carry the last known load at their target loading, the battery is only
/// asked to balance (so its reserve is kept), PV is not limited, and an alarm is raised. After three
/// valid readings in a row the EMS returns to auto by itself and clears the alarm.
public actor ControlLoop: Service {
    let scenario: Scenario
    let adapter: any PlantAdapter
    let store: EMSStore
    let metrics: ServiceMetrics
    let validator: TelemetryValidator
    /// Wall seconds between intervals.
    public let intervalSeconds: Double
    /// Plant seconds per interval (interval × speed for an accelerated simulated plant).
    public let plantSecondsPerTick: Double
    let utcOffsetMinutes: Int
    /// Raw telemetry older than this (plant time) is rolled into minute means, ms.
    public var rawRetentionMS: Int64 = 24 * 3_600_000
    /// Minute means older than this are deleted, ms.
    public var minuteRetentionMS: Int64 = 400 * 86_400_000
    private var lastRetentionMS: Int64?
    private var strategy: any DispatchStrategy
    private var fleet: GensetFleet?
    private var ledger: LiveLedger
    private var mode: OperatingMode = .auto
    private var forcedSafe: Bool
    private var validStreak = 0
    private var override: OperatorOverride?
    private var lastReading: PlantTelemetry?
    private var lastSetpoints: PlantSetpoints?
    private var lastReason = "starting"
    private var lastIntensity = 0.0
    private var day = (index: Int64.min, servedKWh: 0.0, loadKg: 0.0)
    private var startFailureTicks = 0
    private var commandedUnits = 0
    private var ticks = 0
    private var subscribers: [UUID: AsyncStream<ControlStatus>.Continuation] = [:]

    /// A loop for `scenario` driving `adapter` with `strategy` (from ``StrategyFactory/live(_:inputs:)``),
    /// recording into `store`; `resume` is the stored state.
    public init(scenario: Scenario, inputs: SimulationInputs, strategy: any DispatchStrategy, adapter: any PlantAdapter, store: EMSStore,
                metrics: ServiceMetrics, intervalSeconds: Double, plantSecondsPerTick: Double, resume: [String: String]) {
        self.scenario = scenario
        self.adapter = adapter
        self.store = store
        self.metrics = metrics
        self.intervalSeconds = intervalSeconds
        self.plantSecondsPerTick = plantSecondsPerTick
        utcOffsetMinutes = inputs.axis.utcOffsetMinutes
        validator = TelemetryValidator(scenario: scenario, maxAgeMS: Int64(max(3 * plantSecondsPerTick, 5) * 1000))
        self.strategy = strategy
        fleet = PlantModel(scenario: scenario).makeFleet()
        let hours = plantSecondsPerTick / 3600
        let pool = Self.double(resume["pool_energy_kwh"]).flatMap { energy in
            Self.double(resume["pool_carbon_kg"]).flatMap { carbon in
                Self.double(resume["pool_fossil_kwh"]).map { fossil in
                    BatteryCarbonPool(battery: scenario.battery, stepHours: hours, energyKWh: energy, carbonKg: carbon, fossilKWh: fossil)
                }
            }
        }
        ledger = LiveLedger(scenario: scenario, intervalHours: hours, pool: pool)
        forcedSafe = resume["forced_safe"] == "1"
        if forcedSafe { mode = .safe }
    }

    private static func double(_ text: String?) -> Double? { text.flatMap(Double.init) }

    // MARK: Service

    /// Runs intervals until cancelled or the service shuts down.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            let clock = ContinuousClock()
            var next = clock.now
            while !Task.isCancelled {
                await self.tick()
                next = next.advanced(by: .milliseconds(Int64(self.intervalSeconds * 1000)))
                try await Task.sleep(until: next, clock: clock)
            }
        }
        for continuation in subscribers.values { continuation.finish() }
    }

    // MARK: One interval

    /// Reads, decides, writes and records one control interval.
    public func tick() async {
        let started = ContinuousClock.now
        ticks += 1
        let now = await adapter.plantTimeMS()
        if let expires = override?.expiresMS, expires <= now { override = nil }
        let (reading, failure) = await read(now: now)
        let entry = reading.flatMap(ledgerEntry(for:))
        if let reading { observe(reading, now: now) }
        var (setpoints, source, reason) = decide(reading: reading, failure: failure, now: now)
        do {
            try await adapter.apply(setpoints, seconds: plantSecondsPerTick)
        } catch {
            metrics.countApplyFailure()
            raise("adapter", "setpoints not accepted: \(error)", now: now)
            validStreak = 0
            enterSafe()
            (setpoints, source, reason) = (safeSetpoints(), "safe-mode", "safe mode: setpoints not accepted (\(error))")
        }
        lastSetpoints = setpoints
        lastReason = reason
        commandedUnits = setpoints.dieselUnits
        persist(reading: reading, setpoints: setpoints, source: source, reason: reason, ledger: entry, now: now)
        applyRetention(now: now)
        metrics.setSafeMode(mode == .safe)
        metrics.countTick(duration: ContinuousClock.now - started)
        publish(now: now)
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

    /// The ledger row of the interval that ended at `reading` (none for the first reading of a run
    /// or a repeated one: nothing was metered in between).
    private func ledgerEntry(for reading: PlantTelemetry) -> LedgerEntry? {
        guard let previous = lastReading, reading.timestampMS > previous.timestampMS else { return nil }
        let seconds = min(Double(reading.timestampMS - previous.timestampMS) / 1000, 3 * plantSecondsPerTick)
        let entry = ledger.entry(for: reading, seconds: seconds)
        lastIntensity = entry.intensityGPerKWh
        metrics.setIntensity(entry.intensityGPerKWh)
        let dayIndex = (reading.timestampMS / 60_000 + Int64(utcOffsetMinutes)) / 1440
        if dayIndex != day.index { day = (dayIndex, 0, 0) }
        day.servedKWh += entry.servedKWh
        day.loadKg += entry.loadKg
        return entry
    }

    /// Alarms from a valid reading, and the way back from safe mode.
    private func observe(_ reading: PlantTelemetry, now: Int64) {
        lastReading = reading
        metrics.record(reading)
        validStreak += 1
        if mode == .safe, !forcedSafe, validStreak >= 3 {
            mode = .auto
            clear("telemetry", now: now)
            clear("adapter", now: now)
        }
        startFailureTicks = reading.dieselUnits < commandedUnits ? startFailureTicks + 1 : 0
        if startFailureTicks >= 2 {
            raise("genset-start-failure", "\(commandedUnits - reading.dieselUnits) of \(commandedUnits) commanded gensets are not running", now: now)
        } else if startFailureTicks == 0 {
            clear("genset-start-failure", now: now)
        }
        if scenario.battery != nil, !reading.batteryOnline {
            raise("battery-offline", "battery strings offline: gensets carry the load", now: now)
        } else {
            clear("battery-offline", now: now)
        }
        if reading.unservedKW > 0 {
            raise("unserved-load", "\(Int(reading.unservedKW.rounded())) kW of demand not served", now: now)
        } else {
            clear("unserved-load", now: now)
        }
    }

    private func decide(reading: PlantTelemetry?, failure: String?, now: Int64) -> (PlantSetpoints, String, String) {
        guard let reading else {
            validStreak = 0
            raise("telemetry", "telemetry lost or invalid: \(failure ?? "")", now: now)
            enterSafe()
            return (safeSetpoints(), "safe-mode", "safe mode: telemetry lost or invalid (\(failure ?? ""))")
        }
        if mode == .safe {
            let why = forcedSafe ? "operator request" : "waiting for 3 valid readings (\(validStreak) so far)"
            return (safeSetpoints(), "safe-mode", "safe mode: \(why)")
        }
        let hours = plantSecondsPerTick / 3600
        let battery = scenario.battery.flatMap { reading.batteryOnline ? Battery(config: $0, soc: reading.soc) : nil }
        let context = DispatchContext(step: ticks, stepHours: hours, timeHours: Double(now) / 3_600_000, loadKW: reading.loadKW,
                                      pvAvailableKW: reading.pvAvailableKW, battery: battery, fleet: fleet, grid: scenario.connectedGrid)
        let decision = strategy.decide(context)
        fleet?.commit(units: decision.dieselUnits, step: ticks, stepHours: hours)
        let setpoints = PlantSetpoints(decision: decision, pvRatingKW: scenario.pv?.dcKW ?? 0)
        guard let override else {
            mode = .auto
            return (setpoints, strategyName, DecisionReason.explain(decision, context))
        }
        mode = .manual
        return (override.applied(to: setpoints), "operator", "operator override until \(override.expiresMS)")
    }

    /// Gensets for the last known load at their target loading, the battery balancing only.
    private func safeSetpoints() -> PlantSetpoints {
        let load = lastReading?.loadKW ?? 0
        var units = 0
        if let diesel = scenario.diesel {
            units = min(diesel.units, Int((load / (diesel.unitKW * scenario.dispatch.dieselTargetLoading)).rounded(.up)))
        }
        fleet?.commit(units: units, step: ticks, stepHours: plantSecondsPerTick / 3600)
        let grid = scenario.diesel == nil ? min(scenario.connectedGrid?.importKW ?? 0, load) : 0
        return PlantSetpoints(pvLimitKW: scenario.pv?.dcKW ?? 0, batteryKW: 0, dieselUnits: units, dieselKW: load, gridKW: grid)
    }

    private func enterSafe() {
        if mode != .safe { metrics.countSafeModeEntry() }
        mode = .safe
    }

    // MARK: Records

    private func persist(reading: PlantTelemetry?, setpoints: PlantSetpoints, source: String, reason: String, ledger entry: LedgerEntry?, now: Int64) {
        let decision = DecisionEntry(
            timestampMS: now, mode: mode.rawValue, source: source, reason: reason, pvLimitKW: setpoints.pvLimitKW,
            batteryKW: setpoints.batteryKW, dieselUnits: setpoints.dieselUnits, dieselKW: setpoints.dieselKW, gridKW: setpoints.gridKW)
        var state = [
            "plant_ms": String(now + Int64((plantSecondsPerTick * 1000).rounded())), "forced_safe": forcedSafe ? "1" : "0",
            "pool_energy_kwh": String(ledger.pool.energyKWh), "pool_carbon_kg": String(ledger.pool.carbonKg),
            "pool_fossil_kwh": String(ledger.pool.fossilKWh),
        ]
        if let reading { state["soc"] = String(reading.soc) }
        do {
            try store.record(telemetry: reading.map { TelemetryEntry(source: adapter.name, resolutionS: plantSecondsPerTick, reading: $0) },
                             decision: decision, ledger: entry, state: state)
        } catch {
            raise("database", "\(error)", now: now)
        }
    }

    /// Once per plant hour: raw telemetry past its retention becomes minute means; old means go.
    private func applyRetention(now: Int64) {
        guard lastRetentionMS.map({ now - $0 >= 3_600_000 }) ?? true else { return }
        lastRetentionMS = now
        do {
            try store.downsample(beforeMS: now - rawRetentionMS, keepMinutesAfterMS: now - minuteRetentionMS)
        } catch {
            raise("database", "\(error)", now: now)
        }
    }

    /// Sets how long raw readings and minute means are kept, plant hours and days.
    public func setRetention(rawHours: Double, minuteDays: Double) {
        rawRetentionMS = Int64(rawHours * 3_600_000)
        minuteRetentionMS = Int64(minuteDays * 86_400_000)
    }

    private func raise(_ kind: String, _ message: String, now: Int64) {
        try? store.raiseAlarm(kind: kind, message: message, atMS: now)
    }

    private func clear(_ kind: String, now: Int64) {
        try? store.clearAlarm(kind: kind, atMS: now)
    }

    private var strategyName: String { strategy.name }

    /// MPC plans solved so far (0 under the rule-based EMS).
    var mpcReplans: Int { (strategy as? MPCDispatch)?.replans ?? 0 }

    // MARK: Operator

    /// Sets the mode an operator asks for: `safe` (held until `auto` is asked) or `auto`.
    public func setMode(_ requested: OperatingMode) throws(ValidationError) {
        switch requested {
        case .manual:
            throw ValidationError("mode: manual is entered by posting an override to /v1/overrides")
        case .safe:
            forcedSafe = true
            enterSafe()
        case .auto:
            forcedSafe = false
            if mode == .safe && validStreak >= 3 { mode = .auto }
        }
    }

    /// Puts an override in force after checking it against the plant's limits.
    public func setOverride(_ requested: OperatorOverride) async throws(ValidationError) {
        try requested.validate(against: scenario, nowMS: await adapter.plantTimeMS())
        override = requested
    }

    /// Removes the override.
    public func clearOverride() { override = nil }

    // MARK: Status

    /// The present status.
    public func status() -> ControlStatus {
        let alarms = ((try? store.openAlarms()) ?? []).map { ControlStatus.Alarm(kind: $0.kind, message: $0.message, raisedMS: $0.raisedMS) }
        return ControlStatus(
            timestampMS: lastReading?.timestampMS ?? 0, mode: mode, plant: adapter.name, strategy: strategyName, telemetry: lastReading,
            setpoints: lastSetpoints, reason: lastReason, gensetUnits: scenario.diesel?.units ?? 0, override: override,
            intensityNowGPerKWh: lastIntensity, intensityTodayGPerKWh: day.servedKWh > 0 ? day.loadKg / day.servedKWh * 1000 : 0,
            alarms: alarms, ticks: ticks)
    }

    /// A stream of statuses, one per interval, until the subscriber goes away.
    public func subscribe() -> AsyncStream<ControlStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: ControlStatus.self, bufferingPolicy: .bufferingNewest(4))
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) { subscribers[id] = nil }

    private func publish(now: Int64) {
        guard !subscribers.isEmpty else { return }
        let status = status()
        for continuation in subscribers.values { continuation.yield(status) }
    }
}
