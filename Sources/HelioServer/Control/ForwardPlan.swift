import HelioGrid
import HelioOptimize

/// The next hours as the EMS expects them, for `/v1/forecasts`, `/v1/power-budget` and the carbon
/// forecast: the live MPC's own forecasts (``LiveForecasts``: load and PV from the scenario's load
/// model and weather year at the plant clock's hour, a climatological forecast, or from the latest
/// weather forecast received for the hours it covers, PV scaled by the
/// measured-to-modelled ratio now fading to the model over six hours); the rule-based EMS is run
/// forward from the measured state of charge — or, when the EMS runs MPC, the MPC's own latest plan
/// (``MPCPlanView``) — and the battery carbon pool gives each hour's intensity.
/// Under the rule-based EMS the clean power of an hour is its PV plus the battery's energy above its reserve spread over the
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

    /// `hours` hourly rows from `nowMS`, starting from `reading` (the scenario's initial state without
    /// one): the live MPC's plan (`mpcPlan`) where it covers them, else the rule-based EMS run forward.
    public static func hours(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?, reading: PlantTelemetry?,
                             nowMS: Int64, hours: Int, mpcPlan: MPCPlanView? = nil) -> [ForecastHour] {
        let hour = Int((Double(nowMS) / 3_600_000).rounded(.down))
        if let mpcPlan, mpcPlan.stepHours == 1, hour >= mpcPlan.firstStep, hour - mpcPlan.firstStep + hours <= mpcPlan.count {
            return planned(mpcPlan, scenario: scenario, inputs: inputs, weather: weather, reading: reading, nowMS: nowMS, hours: hours)
        }
        return ruleRun(scenario: scenario, inputs: inputs, weather: weather, reading: reading, nowMS: nowMS, hours: hours)
    }

    /// Rows from the MPC's plan: its load and PV, battery, gensets and grid for each hour; the clean
    /// power of an hour is what the plan carries without gensets or the grid plus the PV it curtails
    /// (``MPCPlanView/cleanKW(at:)``), so flexible headroom is the plan's spare clean energy, not the
    /// energy it keeps in the battery for later hours.
    private static func planned(_ plan: MPCPlanView, scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?,
                                reading: PlantTelemetry?, nowMS: Int64, hours: Int) -> [ForecastHour] {
        let itShares = profiles(scenario: scenario, inputs: inputs, weather: weather, reading: reading, nowMS: nowMS, hours: hours).itShare
        let first = Int((Double(nowMS) / 3_600_000).rounded(.down)) - plan.firstStep
        let firmExtraKW = (scenario.diesel?.fleetKW ?? 0) + (scenario.connectedGrid?.importKW ?? 0)
        var ledger = LiveLedger(scenario: scenario, intervalHours: 1)
        return (0..<hours).map { offset in
            let step = first + offset, timestamp = nowMS + Int64(offset) * 3_600_000
            let soc = plan.capacityKWh > 0 ? plan.startEnergyKWh[step] / plan.capacityKWh : 0
            let flows = PlantTelemetry(timestampMS: timestamp, loadKW: plan.loadKW[step], pvAvailableKW: plan.pvAvailableKW[step],
                                       pvKW: plan.pvKW[step], batteryKW: plan.dischargeKW[step] - plan.chargeKW[step], soc: soc,
                                       dieselKW: plan.dieselKW[step], dieselUnits: plan.dieselUnits[step], gridKW: plan.importKW[step],
                                       unservedKW: plan.unservedKW[step])
            return row(flows, itShare: itShares[offset], cleanKW: plan.cleanKW(at: step), firmKW: plan.cleanKW(at: step) + firmExtraKW,
                       ledger: &ledger)
        }
    }

    /// Rows from the rule-based EMS run forward from `reading` on the forecasts.
    private static func ruleRun(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?, reading: PlantTelemetry?,
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
            let pv = pvForecast[hour], load = loadForecast[hour]
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
            rows.append(row(flows, itShare: itShares[hour], cleanKW: clean, firmKW: firm, ledger: &ledger))
        }
        return rows
    }

    /// One hour's row from its flows and the power the campus can count on; the ledger books the
    /// hour for its intensity.
    private static func row(_ flows: PlantTelemetry, itShare: Double, cleanKW: Double, firmKW: Double, ledger: inout LiveLedger) -> ForecastHour {
        let entry = ledger.entry(for: flows, seconds: 3600)
        return ForecastHour(timestampMS: flows.timestampMS, loadKW: flows.loadKW, pvKW: flows.pvAvailableKW, soc: flows.soc,
                            dieselUnits: flows.dieselUnits, cleanKW: cleanKW, firmKW: firmKW, cleanITKW: cleanKW * itShare,
                            firmITKW: firmKW * itShare, intensityGPerKWh: entry.intensityGPerKWh)
    }
}
