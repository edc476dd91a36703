import Prometheus

/// The Prometheus series the service exposes at `/metrics`: plant flows (kW), state of charge,
/// intensity, mode, control-loop counters and the loop's duration.
public struct ServiceMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    let loadKW, pvKW, batteryKW, dieselKW, gridKW, soc, dieselUnits, intensity, safeMode: Gauge
    let ticks, safeModeEntries, readFailures, applyFailures: Counter
    let tickDuration: DurationHistogram

    /// Creates the series in a new registry.
    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        loadKW = registry.makeGauge(name: "heliogrid_load_kw", help: "Facility demand, kW")
        pvKW = registry.makeGauge(name: "heliogrid_pv_kw", help: "PV delivered, kW")
        batteryKW = registry.makeGauge(name: "heliogrid_battery_kw", help: "Battery power at the bus, kW, positive discharging")
        dieselKW = registry.makeGauge(name: "heliogrid_diesel_kw", help: "Genset output, kW")
        gridKW = registry.makeGauge(name: "heliogrid_grid_kw", help: "Grid power, kW, positive importing")
        soc = registry.makeGauge(name: "heliogrid_battery_soc", help: "Battery state of charge, fraction")
        dieselUnits = registry.makeGauge(name: "heliogrid_diesel_units_running", help: "Gensets running")
        intensity = registry.makeGauge(name: "heliogrid_intensity_g_per_kwh", help: "Carbon intensity of the power used, gCO2e/kWh")
        safeMode = registry.makeGauge(name: "heliogrid_safe_mode", help: "1 while in safe mode")
        ticks = registry.makeCounter(name: "heliogrid_control_ticks_total", help: "Control intervals run")
        safeModeEntries = registry.makeCounter(name: "heliogrid_safe_mode_entries_total", help: "Times the EMS entered safe mode")
        readFailures = registry.makeCounter(name: "heliogrid_telemetry_failures_total", help: "Telemetry reads that failed or were invalid")
        applyFailures = registry.makeCounter(name: "heliogrid_setpoint_failures_total", help: "Setpoint writes that failed")
        tickDuration = registry.makeDurationHistogram(
            name: "heliogrid_control_tick_seconds", buckets: [.microseconds(100), .milliseconds(1), .milliseconds(5), .milliseconds(20), .milliseconds(100), .seconds(1)],
            help: "Duration of one control interval's work")
    }

    func countTick(duration: Duration) {
        ticks.increment()
        tickDuration.record(duration)
    }

    func countReadFailure() { readFailures.increment() }
    func countApplyFailure() { applyFailures.increment() }
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
