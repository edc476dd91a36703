import Foundation
import HelioGrid
import HelioOptimize
import HelioStudy

/// The files of a staged sizing study (docs/output-contract.md): `stages.csv` (every staged design
/// simulated), `size.json` (the best design by stage, the LP bound and gap, the scenario's own plant,
/// the best's last stage built on day one and its first stage never expanded, each with its years),
/// `size.html` and `best.toml` (``StagedSizingHTML``, ``StagedSizingRun``).
public enum StagedSizingFiles {
    /// Every file name a staged sizing run writes (`inputs/` beside `best.toml` as ``SizingFiles`` names it).
    public static let fileNames = ["stages.csv", "size.json", "size.html", "best.toml"]

    /// `stages.csv`'s columns for `stages`: the plant installed by each stage, then the figures.
    public static func columns(stages: [Int]) -> [String] {
        stages.flatMap { ["pv_kw_y\($0)", "battery_kwh_y\($0)", "battery_kw_y\($0)", "diesel_units_y\($0)"] }
            + ["diesel_unit_kw", "augmentation", "npc", "lcoe", "capex_total", "intensity_g_per_kwh", "worst_year_intensity_g_per_kwh",
               "worst_year_unserved_fraction", "days_over_prime_limit", "feasible", "violation", "failing_years"]
    }

    /// `stages.csv` text for `outcomes`.
    public static func stagesCSV(_ outcomes: [StagedOutcome], stages: [Int]) -> String {
        var text = columns(stages: stages).joined(separator: ",") + "\n"
        for staged in outcomes {
            let d = staged.design, o = staged.outcome
            var fields: [String] = []
            for index in d.stageYears.indices { fields += ["\(d.pvKW[index])", "\(d.batteryKWh[index])", "\(d.batteryKW[index])", "\(d.dieselUnits[index])"] }
            fields += ["\(d.dieselUnitKW)", d.augmentation.rawValue]
            fields += [o.npc, o.lcoePerKWh, capexTotal(staged), o.intensityGPerKWh, o.worstYearIntensityGPerKWh, o.worstYearUnservedFraction].map { "\($0)" }
            fields += ["\(o.daysOverPrimeLimit)", o.feasible ? "true" : "false", "\"\(o.violation.replacingOccurrences(of: "\"", with: "'"))\"",
                       "\"" + staged.failingYears.map(String.init).joined(separator: " ") + "\""]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Capital of every stage, undiscounted, at each stage's prices: the day-one plant plus every expansion.
    static func capexTotal(_ staged: StagedOutcome) -> Double {
        staged.outcome.capex + staged.expansionCapex
    }

    /// `size.json`.
    public static func summaryJSON(study: StagedSizingStudy, result: StagedSizingResult) throws -> String {
        let config = study.config
        var limits: [String: Any] = ["max_unserved_fraction": config.maxUnservedFraction, "n_plus_one": config.nPlusOne, "genset_duty": config.gensetDuty,
                                     "basis": "every year"]
        if let limit = config.maxIntensityGPerKWh { limits["max_intensity_g_per_kwh"] = limit }
        if let floor = config.minRenewableFraction { limits["min_renewable_fraction"] = floor }
        var document: [String: Any] = [
            "kind": "staged", "scenario": study.scenario.site.name, "stages": config.stages, "objective": config.objective.rawValue,
            "dispatch": study.scenario.dispatch.strategy.rawValue, "years": study.scenario.site.years, "limits": limits,
            "designs_evaluated": result.outcomes.count, "designs_feasible": result.outcomes.filter(\.feasible).count, "seconds": result.seconds,
            "reference": entry(result.reference),
        ]
        if let best = result.best { document["best"] = entry(best) }
        if let dayOne = result.dayOne { document["day_one"] = entry(dayOne) }
        if let first = result.firstStageOnly { document["first_stage_only"] = entry(first) }
        if let bound = result.bound {
            var lp: [String: Any] = ["stage_years": bound.stageYears, "pv_kw": bound.pvKW, "battery_kwh": bound.batteryKWh, "battery_kw": bound.batteryKW,
                                     "diesel_units": bound.dieselUnits, "npc": bound.objective, "span_first_years": bound.spanFirstYears,
                                     "span_intensity_g_per_kwh": bound.spanIntensityGPerKWh, "solve_seconds": bound.solveSeconds]
            if let best = result.best { lp["gap"] = (best.outcome.npc - bound.objective) / best.outcome.npc }
            document["bound"] = lp
        }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One design in `size.json`: its stages, figures and years.
    static func entry(_ staged: StagedOutcome) -> [String: Any] {
        let d = staged.design, o = staged.outcome
        return ["stage_years": d.stageYears, "pv_kw": d.pvKW, "battery_kwh": d.batteryKWh, "battery_kw": d.batteryKW, "diesel_units": d.dieselUnits,
                "diesel_unit_kw": d.dieselUnitKW, "augmentation": d.augmentation.rawValue, "npc": o.npc, "lcoe_per_kwh": o.lcoePerKWh,
                "capex_day_one": o.capex, "capex_total": capexTotal(staged), "intensity_g_per_kwh": o.intensityGPerKWh,
                "worst_year_intensity_g_per_kwh": o.worstYearIntensityGPerKWh, "worst_year_unserved_fraction": o.worstYearUnservedFraction,
                "feasible": o.feasible, "violation": o.violation, "failing_years": staged.failingYears,
                "year_intensity_g_per_kwh": staged.yearIntensityGPerKWh]
    }
}
