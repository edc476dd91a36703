import HelioGrid
import HelioTransients

extension ReportHTML {
    /// The transient study's section (docs/transients.md), when the scenario asks for it: the power
    /// over the first training periods, the bus frequency, and the figures, every cell the value in
    /// `transients.json`.
    mutating func transients() {
        guard let study = report.transients else { return }
        let model = study.model, point = model.point, file = "transients.json:"
        section("Transients below one second", id: "transients")
        html += "<p>The operating point " + escape(point.timestamp) + " of the simulated year taken down to "
            + NumberFormat.fixed(model.stepSeconds * 1000, decimals: 2) + " ms over " + NumberFormat.fixed(Double(model.count) * model.stepSeconds, decimals: 0)
            + " s: the training job swinging every " + NumberFormat.fixed(model.config.periodS, decimals: 2) + " s with its checkpoint and failure, "
            + "\(point.gensetsRunning) gensets forming the bus, without mitigation and with the battery's " + escape(model.config.policy.rawValue)
            + " smoothing (docs/transients.md).</p>"
        let charts = TransientsHTML(study: study)
        html += charts.power(0, min(Double(model.count) * model.stepSeconds, model.config.periodS * 4)) + charts.frequency()
        let rows: [(String, String, KeyPath<TransientOutcome, Double>, Int)] = [
            ("Largest genset ramp, step to step (kW/s)", "max_genset_ramp_kw_per_s", \.maxGensetRampKWPerS, 0),
            ("Largest genset ramp over 1 s (kW/s)", "max_genset_ramp_1s_kw_per_s", \.maxGensetRamp1sKWPerS, 0),
            ("Frequency nadir (Hz)", "frequency.nadir_hz", \.frequency.nadirHz, 3),
            ("Frequency peak (Hz)", "frequency.peak_hz", \.frequency.peakHz, 3),
            ("Steady-state band (% of nominal)", "frequency.steady_band_percent", \.frequency.steadyBandPercent, 2),
            ("Recovery into ±1 % (s)", "frequency.recovery_s", \.frequency.recoveryS, 3),
            ("In-band fraction, IT", "in_band_fraction.it", \.itInBandFraction, 3),
            ("In-band fraction, gensets", "in_band_fraction.gensets", \.gensetInBandFraction, 3),
            ("Battery smoothing peak (kW)", "battery.smoothing_peak_kw", \.smoothingPeakKW, 0),
        ]
        let runs = [("unsmoothed", study.unsmoothedOutcome), ("smoothed", study.smoothedOutcome)]
        table(["figure", "unsmoothed", "smoothed"], rows.map { label, path, value, decimals in
            [.label(label)] + runs.map { run, outcome in .number(outcome[keyPath: value], file + run + "." + path, decimals) }
        } + [[.label("ISO 8528-5 class met")] + runs.map { .label($0.1.frequency.classMet?.rawValue ?? "none") }])
        let battery = study.sizing.battery, floor = study.sizing.gpuFloor
        table(["sizing for \(model.config.targetClass.rawValue)", "value"], [
            [.label("Battery smoothing power (kW)"), .number(battery.smoothingPowerKW, file + "sizing.battery.smoothing_power_kw", 0)],
            [.label("Battery smoothing capacity (kWh)"), .number(battery.smoothingEnergyKWh, file + "sizing.battery.smoothing_energy_kwh", 1)],
            [.label("Battery power needed at the bus (kW)"), .number(battery.requiredPowerKW, file + "sizing.battery.required_power_kw", 0)],
            [.label("Battery capital cost (" + report.economics.currency + ")"), .number(battery.capex, file + "sizing.battery.capex", 0)],
            [.label("GPU power floor (share of TDP)"), .optional(floor.floorShare, file + "sizing.gpu_floor.floor_share", 3)],
            [.label("GPU floor energy cost over the project (" + report.economics.currency + ")"),
             .number(floor.lifetimeCost, file + "sizing.gpu_floor.lifetime_cost", 0)],
        ])
    }
}
