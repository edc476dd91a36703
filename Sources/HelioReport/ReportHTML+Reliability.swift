import HelioGrid
import HelioStudy

/// The report's reliability section, from `reliability.json` (and the exceedance chart from
/// `reliability-samples.csv`).
extension ReportHTML {
    mutating func reliability() {
        guard let assessment = report.reliability else { return }
        let result = assessment.result, study = assessment.study, file = "reliability.json:"
        section("Reliability (Monte Carlo)", id: "reliability")
        html += "<p>\(result.samples.count) sample-years (seed \(assessment.seed)) of the campus dispatched by the "
            + escape(study.scenario.dispatch.strategy.rawValue) + " EMS, with gensets, battery strings and PV inverter blocks failing and "
            + "being repaired as independent two-state Markov processes, genset starts failing, and fuel drawn from the tank and refilled "
            + "by deliveries (docs/reliability.md). Intervals are 95 % half-widths, 1.96 s/√N over the sample-years.</p>"
        if let replaced = assessment.replacedDispatch {
            html += "<p>The report's dispatch (" + escape(replaced.rawValue) + ") solves an optimisation per step and is too slow "
                + "for thousands of sample-years; the Monte Carlo runs the rule-based EMS on the same plant.</p>"
        }
        var rows: [[Cell]] = [
            estimateRow("Loss-of-load probability (LOLP)", "lolp", result.lolp, 6, "fraction of hours"),
            estimateRow("Loss-of-load expectation (LOLE)", "lole_h_per_year", result.loleHoursPerYear, 2, "h/year"),
            estimateRow("Expected energy not served (EENS)", "eens_mwh_per_year", result.eensMWhPerYear, 3, "MWh/year"),
            estimateRow("Shortfalls", "shortfalls_per_year", result.shortfallsPerYear, 2, "per year"),
            estimateRow("Mean shortfall duration", "mean_shortfall_hours", result.meanShortfallHours, 2, "hours"),
        ]
        if let autonomy = result.fuelAutonomyDays {
            rows.append(estimateRow("Fuel autonomy (full tank over the mean daily burn)", "fuel_autonomy_days", autonomy, 1, "days"))
        }
        table(["index", "estimate", "95 % half-width", "unit"], rows)
        let cv = result.eensMWhPerYear.coefficientOfVariation
        table(["figure", "value", "unit"], [
            [.label("Failed genset starts"), .number(result.failedStartsPerYear, file + "failed_starts_per_year", 2), .label("per year")],
            [.label("Fuel deliveries"), .number(result.deliveriesPerYear, file + "fuel_deliveries_per_year", 1), .label("per year")],
            [.label("Lowest tank level in any sample-year"), .optional(result.lowestTankL, file + "lowest_tank_l", 0), .label("L")],
            [.label("Fuel autonomy at the worst week's burn"), .optional(result.fuelAutonomyWorstWeekDays, file + "fuel_autonomy_worst_week_days", 1),
             .label("days")],
            [.label("Tank that holds through a delivery interval plus the delay's 95th percentile (no failures)"),
             .optional(result.fuelWindows?.resupplyTankL, file + "fuel_windows.resupply_tank_l", 0), .label("L")],
            [.label("EENS coefficient of variation (convergence)"),
             .optional(cv.isFinite ? cv : nil, file + "convergence.eens_coefficient_of_variation", 1, scale: 100), .label("%")],
        ])
        parameters(assessment)
        html += "<h3>How often a year loses load</h3>"
        html += result.samples.contains { $0.lossOfLoadHours > 0 }
            ? ReliabilityCharts.lossOfLoadExceedance(result.samples) : "<p>No sample-year lost load.</p>"
        guard let survival = assessment.survival else { return }
        html += "<h3>Grid outage survival: the load carried through an outage starting at any hour of the year</h3>"
            + ReliabilityCharts.outageSurvival(survival)
        table(["outage hours", "probability %", "95 % half-width %"], survival.enumerated().map { index, point in
            let path = file + "outage_survival.\(index)."
            return [.integer(point.hours, path + "hours"), .number(point.probability, path + "probability", 2, scale: 100),
                    .number(point.ci95, path + "ci95", 2, scale: 100)]
        })
    }

    private mutating func parameters(_ assessment: ReliabilityAssessment) {
        let c = assessment.study.config, path = "reliability.json:parameters."
        html += "<h3>Failure, repair and fuel parameters</h3>"
        table(["parameter", "value", "unit"], [
            [.label("Genset fail-to-start probability"), .number(c.gensetFailToStart, path + "genset_fail_to_start", 4), .label("per start")],
            [.label("Genset mean time to failure (running)"), .number(c.gensetMTTFHours, path + "genset_mttf_hours", 0), .label("h")],
            [.label("Genset mean time to repair"), .number(c.gensetMTTRHours, path + "genset_mttr_hours", 1), .label("h")],
            [.label("Genset units"), .integer(assessment.study.scenario.diesel?.units ?? 0, path + "genset_units"), .label("units")],
            [.label("Battery strings"), .integer(c.batteryStrings, path + "battery_strings"), .label("strings")],
            [.label("Battery string MTTF"), .number(c.batteryMTTFHours, path + "battery_mttf_hours", 0), .label("h")],
            [.label("… MTTR"), .number(c.batteryMTTRHours, path + "battery_mttr_hours", 0), .label("h")],
            [.label("PV inverter blocks"), .integer(c.pvBlocks, path + "pv_blocks"), .label("blocks")],
            [.label("PV block MTTF"), .number(c.pvMTTFHours, path + "pv_mttf_hours", 0), .label("h")],
            [.label("… MTTR"), .number(c.pvMTTRHours, path + "pv_mttr_hours", 0), .label("h")],
            [.label(c.fuelTankL == nil ? "Fuel tank (none: unlimited fuel)" : "Fuel tank"), .optional(c.fuelTankL, path + "fuel_tank_l", 0),
             .label("L")],
            [.label("Fuel delivery interval"), .number(c.fuelDeliveryIntervalDays, path + "fuel_delivery_interval_days", 1), .label("days")],
            [.label("Mean delivery delay"), .number(c.fuelDeliveryDelayMeanHours, path + "fuel_delivery_delay_mean_hours", 1), .label("h")],
        ])
    }

    private func estimateRow(_ label: String, _ key: String, _ estimate: ReliabilityEstimate, _ decimals: Int, _ unit: String) -> [Cell] {
        [.label(label), .number(estimate.mean, "reliability.json:" + key, decimals), .number(estimate.ci95, "reliability.json:ci95." + key, decimals),
         .label(unit)]
    }
}
