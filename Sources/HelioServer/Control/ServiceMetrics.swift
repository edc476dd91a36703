import Prometheus

/// The Prometheus series the service exposes at `/metrics`: plant flows (kW), state of charge,
/// intensity, mode, control-loop counters and the loop's duration.
public struct ServiceMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    let loadKW, pvKW, batteryKW, dieselKW, gridKW, soc, dieselUnits, intensity, safeMode, connections, pendingIntervals: Gauge
    let ticks, safeModeEntries, readFailures, applyFailures, databaseFailures: Counter
    let tickDuration: DurationHistogram

    /// Creates the series in a new registry.
    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        func gauge(_ name: String, _ unit: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: Self.descriptor(name, unit, help))
        }
        func counter(_ name: String, _ help: String) -> Counter {
            registry.makeCounter(descriptor: Self.descriptor(name, "total", help))
        }
        loadKW = gauge("load", "kw", "Facility demand, kW")
        pvKW = gauge("pv", "kw", "PV delivered, kW")
        batteryKW = gauge("battery", "kw", "Battery power at the bus, kW, positive discharging")
        dieselKW = gauge("diesel", "kw", "Genset output, kW")
        gridKW = gauge("grid", "kw", "Grid power, kW, positive importing")
        soc = gauge("battery_soc", "", "Battery state of charge, fraction")
        dieselUnits = gauge("diesel_units_running", "", "Gensets running")
        intensity = gauge("intensity", "g_per_kwh", "Carbon intensity of the power used, gCO2e/kWh")
        safeMode = gauge("safe_mode", "", "1 while in safe mode")
        connections = gauge("http_connections", "", "HTTP connections open")
        pendingIntervals = gauge("pending_intervals", "", "Control intervals decided but not yet stored (the database refused them)")
        ticks = counter("control_ticks", "Control intervals run")
        safeModeEntries = counter("safe_mode_entries", "Times the EMS entered safe mode")
        readFailures = counter("telemetry_failures", "Telemetry reads that failed or were invalid")
        applyFailures = counter("setpoint_failures", "Setpoint writes that failed")
        databaseFailures = counter("database_failures", "Control intervals or retention passes that could not be written")
        tickDuration = registry.makeDurationHistogram(
            descriptor: Self.descriptor("control_tick", "seconds", "Duration of one control interval's work"),
            buckets: [.microseconds(100), .milliseconds(1), .milliseconds(5), .milliseconds(20), .milliseconds(100), .seconds(1)])
    }

    /// `heliogrid_<name>_<unit>` (the unit left out when empty), with its help text.
    private static func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "heliogrid", metricName: name, unitName: unit, helpText: help)
    }

    func countTick(duration: Duration) {
        ticks.increment()
        tickDuration.record(duration)
    }

    func countReadFailure() { readFailures.increment() }
    func countApplyFailure() { applyFailures.increment() }
    func countDatabaseFailure() { databaseFailures.increment() }
    func setConnections(_ count: Int) { connections.set(Double(count)) }
    func setPendingIntervals(_ count: Int) { pendingIntervals.set(Double(count)) }
    func countSafeModeEntry() { safeModeEntries.increment() }
    func setSafeMode(_ on: Bool) { safeMode.set(on ? 1.0 : 0.0) }
    func setIntensity(_ gramsPerKWh: Double) { intensity.set(gramsPerKWh) }

    func record(_ reading: PlantTelemetry) {
        loadKW.set(reading.loadKW)
        pvKW.set(reading.pvKW)
        batteryKW.set(reading.batteryKW)
        dieselKW.set(reading.dieselKW)
        gridKW.set(reading.gridKW)
        soc.set(reading.soc)
        dieselUnits.set(Double(reading.dieselUnits))
    }

    /// The registry in the Prometheus text format.
    public func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
