import HelioGrid
import HelioTransients

/// The transient study as `transients`, `size --transients` and `report` run it: the campus
/// simulated over its run (its steps kept), then the study's windows on it (``TransientsStudy``),
/// with the steps of both counted on one progress bar.
public enum TransientsRun {
    /// The study of `scenario` on its simulated run, windows of `windowS` at `stepMS` (the
    /// `[transients]` section's when `nil`).
    public static func study(of scenario: Scenario, windowS: Double? = nil, stepMS: Double? = nil) async throws -> TransientsStudy {
        try scenario.requireFixedCampus(for: "transients")
        let steps = scenario.site.runSteps + TransientsStudy.maximumSteps(of: scenario, windowS: windowS, stepMS: stepMS)
        return try await StudyProgress(steps: steps, command: "transients").reporting(finalLine: false) {
            let year = try CampusRun.run(scenario, recordSeries: true)
            guard let series = year.series else { throw HelioError(.io, "the simulated run kept no series") }
            return try TransientsStudy(scenario: scenario, series: series, axis: year.axis, windowS: windowS, stepMS: stepMS)
        }
    }

    /// `scenario` with `[size] min_battery_power_kw` raised to the battery power the transient study's
    /// sizing rule needs at the scenario's own design, and that power, kW.
    public static func requiringBatteryPower(_ scenario: Scenario) async throws -> (scenario: Scenario, requiredKW: Double) {
        guard scenario.size != nil else { throw HelioError(.usage, "--transients needs a [size] section to constrain") }
        let battery = try await study(of: scenario).sizing.battery
        guard battery.achievable else {
            throw HelioError(.scenario, "no battery smoothing keeps the gensets in the [transients.sizing] limits, so no battery power can be required",
                             file: scenario.source, key: "transients.sizing.iso_class")
        }
        let requiredKW = battery.requiredPowerKW.rounded(.up)
        var constrained = scenario
        constrained.size?.minBatteryPowerKW = max(scenario.size?.minBatteryPowerKW ?? 0, requiredKW)
        return (constrained, requiredKW)
    }
}
