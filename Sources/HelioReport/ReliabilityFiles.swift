import Foundation
import HelioGrid
import HelioStudy

/// The files `heliogrid reliability` writes: `reliability.json` (the estimates with their 95 %
/// intervals, convergence, the parameters used) and `samples.csv` (one row per sample-year, from
/// which every estimate can be recomputed), and the lines it prints.
public enum ReliabilityFiles {
    /// The files `reliability --out` writes.
    public static let fileNames = ["reliability.json", "samples.csv"]
    /// `samples.csv` columns.
    public static let sampleColumns = ["sample", "loss_of_load_hours", "shortfalls", "unserved_kwh", "load_kwh", "fuel_l",
                                       "failed_starts", "lowest_tank_l", "deliveries"]

    /// One row per sample-year (shortest round-trip numbers; `lowest_tank_l` empty without a tank).
    public static func samplesCSV(_ result: ReliabilityResult) -> String {
        var text = sampleColumns.joined(separator: ",") + "\n"
        for (index, s) in result.samples.enumerated() {
            let tank = s.lowestTankL.isFinite ? "\(s.lowestTankL)" : ""
            text += "\(index),\(s.lossOfLoadHours),\(s.shortfalls),\(s.unservedKWh),\(s.loadKWh),\(s.fuelL),\(s.failedStarts),\(tank),\(s.deliveries)\n"
        }
        return text
    }

    /// `reliability.json`.
    public static func summaryJSON(_ assessment: ReliabilityAssessment) throws -> String {
        let study = assessment.study, result = assessment.result, c = study.config
        var estimates: [(String, ReliabilityEstimate)] = [
            ("lolp", result.lolp), ("lole_h_per_year", result.loleHoursPerYear), ("eens_mwh_per_year", result.eensMWhPerYear),
            ("shortfalls_per_year", result.shortfallsPerYear), ("mean_shortfall_hours", result.meanShortfallHours),
        ]
        if let autonomy = result.fuelAutonomyDays { estimates.append(("fuel_autonomy_days", autonomy)) }
        var object: [String: Any] = ["samples": result.samples.count, "seed": assessment.seed, "dispatch": study.scenario.dispatch.strategy.rawValue,
                                     "weather_years": study.weatherYears.count]
        for (key, estimate) in estimates { object[key] = estimate.mean }
        object["ci95"] = Dictionary(uniqueKeysWithValues: estimates.map { ($0.0, $0.1.ci95) })
        if result.fuelAutonomyDays == nil { object["fuel_autonomy_days"] = NSNull() }
        object["convergence"] = ["eens_coefficient_of_variation": finiteOrNull(result.eensMWhPerYear.coefficientOfVariation),
                                 "lole_coefficient_of_variation": finiteOrNull(result.loleHoursPerYear.coefficientOfVariation)]
        object["failed_starts_per_year"] = result.failedStartsPerYear
        object["fuel_deliveries_per_year"] = result.deliveriesPerYear
        object["lowest_tank_l"] = result.lowestTankL.map { $0 as Any } ?? NSNull()
        object["fuel_autonomy_worst_week_days"] = result.fuelAutonomyWorstWeekDays.map { $0 as Any } ?? NSNull()
        object["fuel_windows"] = result.fuelWindows.map { windows -> [String: Any] in
            ["worst_week_l": windows.worstWeekL, "resupply_hours": windows.resupplyHours, "resupply_tank_l": windows.resupplyTankL]
        } ?? NSNull()
        object["parameters"] = [
            "genset_fail_to_start": c.gensetFailToStart, "genset_mttf_hours": c.gensetMTTFHours, "genset_mttr_hours": c.gensetMTTRHours,
            "genset_units": study.scenario.diesel?.units ?? 0, "battery_strings": c.batteryStrings, "battery_mttf_hours": c.batteryMTTFHours,
            "battery_mttr_hours": c.batteryMTTRHours, "pv_blocks": c.pvBlocks, "pv_mttf_hours": c.pvMTTFHours, "pv_mttr_hours": c.pvMTTRHours,
            "fuel_tank_l": c.fuelTankL.map { $0 as Any } ?? NSNull(), "fuel_delivery_interval_days": c.fuelDeliveryIntervalDays,
            "fuel_delivery_delay_mean_hours": c.fuelDeliveryDelayMeanHours, "outage_durations_hours": c.outageDurationsHours,
            "outage_samples_per_hour": c.outageSamplesPerHour,
        ] as [String: Any]
        object["outage_survival"] = assessment.survival.map { points in
            points.map { ["hours": $0.hours, "probability": $0.probability, "ci95": $0.ci95] as [String: Any] }
        } ?? NSNull()
        object["timing"] = ["seconds": assessment.seconds, "sample_years_per_second": assessment.sampleYearsPerSecond]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The lines `heliogrid reliability` prints.
    public static func terminal(_ assessment: ReliabilityAssessment) -> String {
        let result = assessment.result
        func line(_ label: String, _ e: ReliabilityEstimate, _ unit: String, decimals: Int) -> String {
            "  \(label.padding(toLength: 22, withPad: " ", startingAt: 0))\(NumberFormat.fixed(e.mean, decimals: decimals)) ± "
                + "\(NumberFormat.fixed(e.ci95, decimals: decimals))\(unit)\n"
        }
        let weather = assessment.study.weatherYears.count > 1 ? " over \(assessment.study.weatherYears.count) weather years" : ""
        var text = "Reliability: \(assessment.study.scenario.site.name), \(result.samples.count) sample-years\(weather) "
            + String(format: "in %.1f s (%.0f sample-years/s)", assessment.seconds, assessment.sampleYearsPerSecond) + "\n"
        text += line("LOLP", result.lolp, "", decimals: 6)
        text += line("LOLE", result.loleHoursPerYear, " h/yr", decimals: 2)
        text += line("EENS", result.eensMWhPerYear, " MWh/yr", decimals: 3)
        text += line("shortfalls", result.shortfallsPerYear, " per yr", decimals: 2)
        text += line("mean shortfall", result.meanShortfallHours, " h", decimals: 2)
        if let autonomy = result.fuelAutonomyDays { text += line("fuel autonomy", autonomy, " days at the mean burn", decimals: 1) }
        if let days = result.fuelAutonomyWorstWeekDays {
            text += "  \("".padding(toLength: 22, withPad: " ", startingAt: 0))\(NumberFormat.fixed(days, decimals: 1)) days at the worst week's burn\n"
        }
        if let windows = result.fuelWindows, windows.resupplyTankL > 0 {
            text += "  tank for resupply     \(NumberFormat.grouped(windows.resupplyTankL)) L holds the gensets through "
                + "\(NumberFormat.fixed(windows.resupplyHours, decimals: 0)) h (delivery interval + the delay's 95th percentile)"
                + (assessment.study.config.fuelTankL.map { " against the \(NumberFormat.grouped($0)) L tank" } ?? "") + "\n"
        }
        let cv = result.eensMWhPerYear.coefficientOfVariation
        text += "  (95 % intervals; EENS coefficient of variation " + (cv.isFinite ? NumberFormat.fixed(cv * 100, decimals: 1) + " %" : "— (no shortfall drawn)")
            + ")\n"
        if let survival = assessment.survival {
            text += "  grid outage survival: " + survival.map {
                "\($0.hours) h \(NumberFormat.fixed($0.probability * 100, decimals: 1)) %"
            }.joined(separator: ", ") + "\n"
        }
        return text
    }

    private static func finiteOrNull(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
}
