import HelioForecast
import HelioGrid

/// The next hours as the EMS expects them, for `/v1/forecasts`, `/v1/power-budget`, the carbon
/// forecast and job placement: the live strategy itself — a copy of the very ``LiveStrategy`` the
/// control loop runs, any of its strategies, with the same tariff signal, genset derating and
/// state — stepped forward interval by interval at the control interval on the live forecasts
/// (``LiveForecasts``: load and PV from the scenario's load model and weather year at the plant
/// clock's hour, or from the latest weather forecast received for the hours it covers, PV scaled by
/// the measured-to-modelled ratio now fading to the model over six hours), the battery carried
/// from the measured state of charge. Each interval's ``StepFlows`` go to a copy of the live
/// ``LiveLedger``, which gives each hour's intensity. The plan is what the EMS will do if the
/// forecasts come true: the same decisions as that many live intervals on those readings.
///
/// An hour's clean power is what PV and the battery carry without gensets or the grid, counting
/// the PV curtailed — PV available less battery charging plus discharging, averaged over the hour —
/// so flexible headroom is the plan's spare clean energy, not energy the battery stores for later
/// hours; firm power adds every genset and the grid import limit.
enum ForwardPlan {
    /// Hourly load and PV forecasts from `time` (the live MPC's ``LiveForecasts``, PV blended from
    /// `reading` at the hour it was taken), with each hour's IT share of the load.
    static func profiles(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?, reading: PlantTelemetry?,
                         at time: PlantTime, hours: Int) -> (loadKW: [Double], pvKW: [Double], itShare: [Double]) {
        var forecasts = LiveForecasts(scenario: scenario, inputs: inputs, weather: weather)
        let hour = time.hourIndex
        if let reading { forecasts.pv.observe(step: PlantTime(unixMS: reading.timestampMS).hourIndex, value: reading.pvAvailableKW) }
        let pv = [forecasts.pv.nowcast(at: hour)] + forecasts.pv.forecast(after: hour, count: hours - 1)
        let load = (0..<hours).map { forecasts.load.model(at: hour + $0) }
        let itShare = (0..<hours).map { offset in
            load[offset] > 0 ? forecasts.it.model(at: hour + offset) / load[offset] : 1
        }
        return (load, pv, itShare)
    }

    /// Each hour's band of `pvKW` and `loadKW` (hourly forecasts from the clock hour `hour`): the
    /// lowest and highest of `ensemble`'s members, the forecast itself for the present hour or
    /// without an ensemble.
    static func bands(_ ensemble: AnalogEnsemble?, hour: Int, pvKW: [Double], loadKW: [Double])
        -> [(pvLow: Double, pvHigh: Double, loadLow: Double, loadHigh: Double)] {
        var bands = zip(pvKW, loadKW).map { (pvLow: $0, pvHigh: $0, loadLow: $1, loadHigh: $1) }
        guard let ensemble, pvKW.count > 1 else { return bands }
        for member in ensemble.members(at: hour, pvKW: Array(pvKW.dropFirst()), loadKW: Array(loadKW.dropFirst())) {
            for (index, (pv, load)) in zip(member.pvKW, member.loadKW).enumerated() {
                bands[index + 1].pvLow = min(bands[index + 1].pvLow, pv)
                bands[index + 1].pvHigh = max(bands[index + 1].pvHigh, pv)
                bands[index + 1].loadLow = min(bands[index + 1].loadLow, load)
                bands[index + 1].loadHigh = max(bands[index + 1].loadHigh, load)
            }
        }
        return bands
    }

    /// `hours` hourly rows from `time`: `start`'s strategy stepped on the forecasts at its control
    /// interval (the hour's forecast held over its intervals; ``intervalsPerHour(_:)`` of them), each
    /// hour with its band from `ensemble` (``bands(_:hour:pvKW:loadKW:)``).
    static func hours(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?, ensemble: AnalogEnsemble? = nil,
                      start: ForwardPlanStart, at time: PlantTime, hours: Int) -> [ForecastHour] {
        let (loadForecast, pvForecast, itShares) = profiles(scenario: scenario, inputs: inputs, weather: weather, reading: start.reading,
                                                            at: time, hours: hours)
        let bands = Self.bands(ensemble, hour: time.hourIndex, pvKW: pvForecast, loadKW: loadForecast)
        let plant = PlantModel(scenario: scenario)
        var battery = (start.reading?.batteryOnline ?? true) ? plant.makeBattery(soc: start.reading?.soc) : nil
        var strategy = start.strategy
        let firmExtraKW = (plant.diesel?.fleetKW ?? 0) + (plant.grid?.importKW ?? 0)
        let perHour = intervalsPerHour(start.tickLength), step = Duration.hours(1) / perHour, tickHours = step.hours
        var ledger = start.ledger
        var tick = start.tick
        var rows: [ForecastHour] = []
        rows.reserveCapacity(hours)
        for hour in 0..<hours {
            let load = loadForecast[hour], pv = pvForecast[hour], soc = battery?.soc ?? 0
            var (cleanKWh, servedKWh, loadKg, units) = (0.0, 0.0, 0.0, 0)
            for interval in 0..<perHour {
                tick += 1
                let now = time + step * (hour * perHour + interval)
                let reading = PlantTelemetry(timestampMS: now.unixMS, loadKW: load, pvAvailableKW: pv, pvKW: 0, batteryKW: 0,
                                             soc: battery?.soc ?? 0, dieselKW: 0, dieselUnits: 0, gridKW: 0, unservedKW: 0,
                                             batteryOnline: battery != nil)
                let decision = strategy.decide(reading, tick: tick, hours: tickHours, at: now).decision
                battery?.apply(powerKW: decision.batteryKW, hours: tickHours)
                let flows = StepFlows(decision, loadKW: load, hours: tickHours)
                let entry = ledger.entry(flows, dieselUnits: decision.dieselUnits, dieselKW: decision.dieselKW, at: now,
                                         seconds: tickHours * 3600)
                cleanKWh += (pv + decision.batteryKW) * tickHours   // PV available less charging plus discharging
                servedKWh += entry.servedKWh
                loadKg += entry.loadKg
                units = max(units, decision.dieselUnits)
            }
            let cleanKW = cleanKWh / (Double(perHour) * tickHours), firmKW = cleanKW + firmExtraKW
            rows.append(ForecastHour(timestampMS: (time + .hours(Double(hour))).unixMS, loadKW: load, pvKW: pv, soc: soc,
                                     dieselUnits: units, cleanKW: cleanKW, firmKW: firmKW, cleanITKW: cleanKW * itShares[hour],
                                     firmITKW: firmKW * itShares[hour], intensityGPerKWh: servedKWh > 0 ? loadKg / servedKWh * 1000 : 0,
                                     pvLowKW: bands[hour].pvLow, pvHighKW: bands[hour].pvHigh, loadLowKW: bands[hour].loadLow,
                                     loadHighKW: bands[hour].loadHigh))
        }
        return rows
    }

    /// Control intervals a forecast hour is stepped in: the hour over the interval, rounded, from one
    /// to 3,600 (an interval under a plant second — an accelerated test setting, not a plant's —
    /// is planned in plant seconds, which bounds a 48-hour plan to 172,800 decisions).
    static func intervalsPerHour(_ tickLength: Duration) -> Int {
        max(1, min(3600, Int((1 / tickLength.hours).rounded())))
    }
}
