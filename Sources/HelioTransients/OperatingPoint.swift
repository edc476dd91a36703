import HelioGrid

/// The hour of the simulated year a transient study starts from (docs/transients.md): the step's
/// IT and facility load, PV, battery power and state of charge, and the gensets running and their
/// output, as the hourly engine dispatched them.
public struct OperatingPoint: Sendable, Equatable {
    /// Step of the run, and its interval-start time in the run's calendar.
    public var step: Int, timestamp: String
    /// IT and facility demand, kW.
    public var itKW: Double, loadKW: Double
    /// PV delivered, kW.
    public var pvKW: Double
    /// Battery at the bus, kW (positive discharging), and the state of charge at the step's start.
    public var batteryKW: Double, soc: Double
    /// Genset output, kW, and the units running.
    public var gensetKW: Double, gensetsRunning: Int
    /// Grid power, kW (positive importing); the transient model covers an islanded bus, so 0.
    public var gridKW: Double

    /// The step `at` names in `series` (a run of `scenario` on `axis`), or without `at` the night
    /// step (no PV) of the first year with gensets running and the largest IT load. The study models
    /// the gensets forming an islanded bus, so the step must run gensets and import nothing.
    public static func pick(_ series: StepSeries, axis: TimeAxis, scenario: Scenario, at: ISOTimestamp?) throws -> OperatingPoint {
        let step = try at.map { try namedStep($0, axis: axis, scenario: scenario) } ?? defaultStep(series, axis: axis, scenario: scenario)
        guard step < series.count else { throw HelioError(.scenario, "the operating point lies beyond the run's \(series.count) steps", file: scenario.source, key: "transients.at") }
        guard series.dieselUnits[step] > 0 else {
            throw HelioError(.scenario, "no genset runs at \(label(step, axis: axis, scenario: scenario)): the battery forms the bus alone there, "
                             + "which the transient study does not model; choose a step with gensets running", file: scenario.source, key: "transients.at")
        }
        guard series.gridKW[step] == 0 else {
            throw HelioError(.scenario, "the grid supplies \(Int(series.gridKW[step].rounded())) kW at \(label(step, axis: axis, scenario: scenario)); "
                             + "the transient study models an islanded bus formed by the gensets", file: scenario.source, key: "transients.at")
        }
        let startSOC = step > 0 ? series.soc[step - 1] : (scenario.battery?.socInitial ?? 0)
        return OperatingPoint(step: step, timestamp: label(step, axis: axis, scenario: scenario), itKW: series.itKW[step],
                              loadKW: series.loadKW[step] - series.unservedKW[step], pvKW: series.pvKW[step],
                              batteryKW: series.batteryKW[step], soc: startSOC, gensetKW: series.dieselKW[step],
                              gensetsRunning: series.dieselUnits[step], gridKW: series.gridKW[step])
    }

    /// The night step of the first year with gensets running and the largest IT load.
    private static func defaultStep(_ series: StepSeries, axis: TimeAxis, scenario: Scenario) throws -> Int {
        let firstYear = 0..<min(series.count, axis.stepsPerYear)
        let candidates = firstYear.filter { series.pvAvailableKW[$0] == 0 && series.dieselUnits[$0] > 0 && series.gridKW[$0] == 0 }
        guard let best = candidates.max(by: { series.itKW[$0] < series.itKW[$1] || (series.itKW[$0] == series.itKW[$1] && $0 > $1) }) else {
            throw HelioError(.scenario, "no night step of the first year runs gensets off the grid; name a step with gensets running",
                             file: scenario.source, key: "transients.at")
        }
        return best
    }

    private static func namedStep(_ stamp: ISOTimestamp, axis: TimeAxis, scenario: Scenario) throws -> Int {
        let clock = RunClock(firstYear: scenario.carbon.firstYear, years: scenario.site.years, utcOffsetMinutes: axis.utcOffsetMinutes)
        switch clock.minute(stamp) {
        case .success(let minute): return Int(minute) / axis.stepMinutes
        case .failure(let error): throw HelioError(.scenario, error.reason, file: scenario.source, key: "transients.at")
        }
    }

    private static func label(_ step: Int, axis: TimeAxis, scenario: Scenario) -> String {
        CivilCalendar.iso8601(year: scenario.carbon.firstYear + step / axis.stepsPerYear,
                              minuteOfYear: (step % axis.stepsPerYear) * axis.stepMinutes, utcOffsetMinutes: axis.utcOffsetMinutes)
    }
}
