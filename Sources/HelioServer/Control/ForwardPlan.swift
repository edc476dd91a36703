import HelioGrid
import HelioOptimize

/// The next hours as the EMS expects them, for `/v1/forecasts`, `/v1/power-budget` and the carbon
/// forecast: the live MPC's own forecasts (``LiveForecasts``: load and PV from the scenario's load
/// model and weather year at the plant clock's hour, a climatological forecast, or from the latest
/// weather forecast received for the hours it covers, PV scaled by the
/// measured-to-modelled ratio now fading to the model over six hours); the rule-based EMS is run
/// forward from the measured state of charge, and the battery carbon pool gives each hour's intensity.
/// The clean power of an hour is its PV plus the battery's energy above its reserve spread over the
/// hours it must bridge until PV next covers the load (at most the window's end), within the battery's
/// power; firm power adds every genset and the grid import limit.
public enum ForwardPlan {
    /// Hourly load and PV forecasts from `nowMS` (the live MPC's ``LiveForecasts``), with each hour's IT share of the load.
    public static func profiles(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?, reading: PlantTelemetry?,
                                nowMS: Int64, hours: Int) -> (loadKW: [Double], pvKW: [Double], itShare: [Double]) {
        var forecasts = LiveForecasts(scenario: scenario, inputs: inputs, weather: weather)
        let hour = Int((Double(nowMS) / 3_600_000).rounded(.down))
        if let reading { forecasts.pv.observe(step: hour, value: reading.pvAvailableKW) }
        let pv = [forecasts.pv.nowcast(at: hour)] + forecasts.pv.forecast(after: hour, count: hours - 1)
        let load = (0..<hours).map { forecasts.load.model(at: hour + $0) }
        let itShare = (0..<hours).map { offset in
            load[offset] > 0 ? forecasts.it.model(at: hour + offset) / load[offset] : 1
        }
        return (load, pv, itShare)
    }

    /// `hours` hourly rows from `nowMS`, starting from `reading` (the scenario's initial state without one).
    public static func hours(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?, reading: PlantTelemetry?,
                             nowMS: Int64, hours: Int) -> [ForecastHour] {
        let (loadForecast, pvForecast, itShares) = profiles(scenario: scenario, inputs: inputs, weather: weather, reading: reading,
                                                            nowMS: nowMS, hours: hours)
        let plant = PlantModel(scenario: scenario)
        var battery = plant.makeBattery(soc: reading?.soc)
        var fleet = plant.makeFleet()
        var strategy = RuleBasedDispatch(config: scenario.dispatch)
        var ledger = LiveLedger(scenario: scenario, intervalHours: 1)
        let grid = plant.grid
        var rows: [ForecastHour] = []
        rows.reserveCapacity(hours)
        for hour in 0..<hours {
            let timestamp = nowMS + Int64(hour) * 3_600_000
            let pv = pvForecast[hour], load = loadForecast[hour], itShare = itShares[hour]
            let bridge = (hour..<hours).first { pvForecast[$0] >= loadForecast[$0] }.map { max(1, $0 - hour) } ?? (hours - hour)
            let clean = pv + (battery.map { $0.maxDischargeKW(floorSOC: $0.config.reserveSOC, hours: Double(bridge)) } ?? 0)
            let firm = clean + (plant.diesel?.fleetKW ?? 0) + (grid?.importKW ?? 0)
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
