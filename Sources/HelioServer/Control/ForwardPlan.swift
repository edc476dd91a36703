import HelioGrid

/// The next hours as the EMS expects them, for `/v1/forecasts`, `/v1/power-budget` and the carbon
/// forecast: load and PV from the scenario's load model and weather year at the plant clock (a
/// climatological forecast), PV scaled by the measured clear-sky-style ratio now (measured over
/// modelled available PV, 0–1.5) fading to the model over six hours; the rule-based EMS is run
/// forward from the measured state of charge, and the battery carbon pool gives each hour's intensity.
/// The clean power of an hour is its PV plus the battery's energy above its reserve spread over the
/// hours it must bridge until PV next covers the load (at most the window's end), within the battery's
/// power; firm power adds every genset and the grid import limit.
public enum ForwardPlan {
    /// Hourly load and PV forecasts from `nowMS` (see the type's notes), with each hour's IT share of the load.
    public static func profiles(scenario: Scenario, inputs: SimulationInputs, reading: PlantTelemetry?, nowMS: Int64, hours: Int)
        -> (loadKW: [Double], pvKW: [Double], itShare: [Double]) {
        let axis = inputs.axis
        let indices = (0..<hours).map { PlantCalendar.stepIndex(unixMS: nowMS + Int64($0) * 3_600_000, axis: axis) }
        let modelNow = inputs.pvAvailableKW[indices[0]]
        let ratio = reading.flatMap { modelNow > 0.01 * (scenario.pv?.dcKW ?? 0) ? min(1.5, max(0, $0.pvAvailableKW / modelNow)) : nil } ?? 1
        let pv = indices.enumerated().map { hour, index in inputs.pvAvailableKW[index] * (1 + (ratio - 1) * max(0, 1 - Double(hour) / 6)) }
        let load = indices.map { inputs.load.facilityKW[$0] }
        let itShare = indices.map { inputs.load.facilityKW[$0] > 0 ? inputs.load.itKW[$0] / inputs.load.facilityKW[$0] : 1 }
        return (load, pv, itShare)
    }

    /// `hours` hourly rows from `nowMS`, starting from `reading` (the scenario's initial state without one).
    public static func hours(scenario: Scenario, inputs: SimulationInputs, reading: PlantTelemetry?, nowMS: Int64, hours: Int) -> [ForecastHour] {
        let (loadForecast, pvForecast, itShares) = profiles(scenario: scenario, inputs: inputs, reading: reading, nowMS: nowMS, hours: hours)
        var battery = scenario.battery.map { config in reading.map { Battery(config: config, soc: $0.soc) } ?? Battery(config: config) }
        var fleet = scenario.diesel.map(GensetFleet.init(config:))
        var strategy = RuleBasedDispatch(config: scenario.dispatch)
        var ledger = LiveLedger(scenario: scenario, intervalHours: 1)
        let grid = scenario.connectedGrid
        var rows: [ForecastHour] = []
        rows.reserveCapacity(hours)
        for hour in 0..<hours {
            let timestamp = nowMS + Int64(hour) * 3_600_000
            let pv = pvForecast[hour], load = loadForecast[hour], itShare = itShares[hour]
            let bridge = (hour..<hours).first { pvForecast[$0] >= loadForecast[$0] }.map { max(1, $0 - hour) } ?? (hours - hour)
            let clean = pv + (battery.map { $0.maxDischargeKW(floorSOC: $0.config.reserveSOC, hours: Double(bridge)) } ?? 0)
            let firm = clean + (scenario.diesel?.fleetKW ?? 0) + (grid?.importKW ?? 0)
            let soc = battery?.soc ?? 0
            let decision = strategy.decide(DispatchContext(step: hour, stepHours: 1, loadKW: load, pvAvailableKW: pv,
                                                           battery: battery, fleet: fleet, grid: grid))
            battery?.apply(powerKW: decision.batteryKW, hours: 1)
            fleet?.commit(units: decision.dieselUnits, step: hour, stepHours: 1)
            let flows = PlantTelemetry(timestampMS: timestamp, loadKW: load, pvAvailableKW: pv, pvKW: decision.pvKW,
                                       batteryKW: decision.batteryKW, soc: soc, dieselKW: decision.dieselKW,
                                       dieselUnits: decision.dieselUnits, gridKW: decision.gridKW, unservedKW: decision.unservedKW)
            let entry = ledger.entry(for: flows, seconds: 3600)
            rows.append(ForecastHour(timestampMS: timestamp, loadKW: load, pvKW: pv, soc: soc, dieselUnits: decision.dieselUnits,
                                     cleanKW: clean, firmKW: firm, cleanITKW: clean * itShare, firmITKW: firm * itShare,
                                     intensityGPerKWh: entry.intensityGPerKWh))
        }
        return rows
    }
}
