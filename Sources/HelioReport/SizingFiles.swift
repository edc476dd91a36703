import Foundation
import HelioGrid
import HelioOptimize
import HelioStudy

/// The files of a sizing study (docs/output-contract.md): `designs.csv` (every design), `pareto.csv`
/// (the cost–carbon front), `best.toml` (the best design as a scenario `simulate` runs as-is),
/// `size.json` (best, reference design, LP bound and gap, counts, cases, timing) and `size.html`. A
/// shard writes `designs.csv` for its slice, `shard.json` and `scenario.toml`; `size merge` reads
/// them back. Numbers in the CSVs are written in Swift's shortest round-trip form, so a merge
/// rebuilds the single-process run's outcomes exactly.
public enum SizingFiles {
    /// Every file name a sizing run or shard writes.
    public static let fileNames = ["designs.csv", "pareto.csv", "best.toml", "size.json", "size.html", "shard.json", "scenario.toml",
                                   ScenarioDesignText.inputsFolder]

    static let designColumns = ["pv_kw", "battery_kwh", "battery_kw", "diesel_units", "diesel_unit_kw", "npc", "lcoe", "capex",
                                "intensity_g_per_kwh", "renewable_fraction", "unserved_kwh", "unserved_fraction", "fuel_l",
                                "lifetime_emissions_t", "feasible", "violation", "lole_h_per_year", "eens_mwh_per_year",
                                "worst_year_intensity_g_per_kwh", "worst_year_renewable_fraction", "worst_year_unserved_fraction", "dispatch",
                                "augmentation", "days_over_prime_limit", "run_hours_per_unit_year", "ensemble_years",
                                "ensemble_share_met", "ensemble_intensity_p50_g_per_kwh", "ensemble_intensity_p90_g_per_kwh",
                                "ensemble_fuel_p50_l", "ensemble_fuel_p90_l", "ensemble_unserved_p90_fraction"]

    /// `designs.csv` (or `pareto.csv`) text for `outcomes`, with the objective under each of `caseCount` cases.
    public static func designsCSV(_ outcomes: [SizingOutcome], caseCount: Int) -> String {
        var text = (designColumns + (0..<caseCount).map { "objective_case_\($0)" }).joined(separator: ",") + "\n"
        for o in outcomes {
            let d = o.design
            let numbers: [Double] = [d.pvKW, d.batteryKWh, d.batteryKW]
            var fields = numbers.map { "\($0)" } + ["\(d.dieselUnits)", "\(d.dieselUnitKW)"]
            fields += [o.npc, o.lcoePerKWh, o.capex, o.intensityGPerKWh, o.renewableFraction, o.unservedKWh, o.unservedFraction, o.fuelL,
                       o.lifetimeEmissionsT].map { "\($0)" }
            fields += [o.feasible ? "true" : "false", "\"\(o.violation.replacingOccurrences(of: "\"", with: "'"))\""]
            fields += [o.loleHoursPerYear, o.eensMWhPerYear].map { $0.map { "\($0)" } ?? "" }
            fields += [o.worstYearIntensityGPerKWh, o.worstYearRenewableFraction, o.worstYearUnservedFraction].map { "\($0)" }
            fields += [o.dispatch.rawValue, d.augmentation.rawValue, "\(o.daysOverPrimeLimit)", "\(o.runHoursPerUnitYear)"]
            fields += [o.ensemble.map { "\($0.years)" } ?? ""]
            fields += [\.shareMet, \.intensityP50GPerKWh, \.intensityP90GPerKWh, \.fuelP50L, \.fuelP90L, \.unservedP90Fraction]
                .map { (path: KeyPath<SizingEnsembleFigures, Double>) in o.ensemble.map { "\($0[keyPath: path])" } ?? "" }
            fields += o.caseObjectives.map { "\($0)" }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Reads `designs.csv` written by ``designsCSV(_:caseCount:)`` back.
    public static func readDesigns(_ text: String, file: String) throws -> [SizingOutcome] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { throw HelioError(.usage, "empty designs file", file: file) }
        let names = header.split(separator: ",").map(String.init)
        guard Array(names.prefix(designColumns.count)) == designColumns else {
            throw HelioError(.usage, "not a HelioGrid designs.csv (header)", file: file, line: 1)
        }
        let caseCount = names.count - designColumns.count
        lines.removeFirst()
        return try lines.enumerated().map { index, line in
            let fields = try splitRow(line, expected: names.count, file: file, line: index + 2)
            func number(_ i: Int) throws -> Double {
                guard let value = Double(fields[i]) else { throw HelioError(.usage, "\(names[i]): '\(fields[i])' is not a number", file: file, line: index + 2) }
                return value
            }
            func optionalNumber(_ i: Int) throws -> Double? { fields[i].isEmpty ? nil : try number(i) }
            guard let units = Int(fields[3]) else { throw HelioError(.usage, "diesel_units: '\(fields[3])' is not an integer", file: file, line: index + 2) }
            guard let dispatch = DispatchConfig.Strategy(rawValue: fields[21]) else {
                throw HelioError(.usage, "dispatch: '\(fields[21])' is not a strategy", file: file, line: index + 2)
            }
            guard let augmentation = BatteryAugmentation(rawValue: fields[22]) else {
                throw HelioError(.usage, "augmentation: '\(fields[22])' is not a policy", file: file, line: index + 2)
            }
            guard let days = Int(fields[23]) else { throw HelioError(.usage, "days_over_prime_limit: '\(fields[23])' is not an integer", file: file, line: index + 2) }
            let design = SizingDesign(pvKW: try number(0), batteryKWh: try number(1), batteryKW: try number(2), dieselUnits: units,
                                      dieselUnitKW: try number(4), augmentation: augmentation)
            var outcome = SizingOutcome(design: design, npc: try number(5), lcoePerKWh: try number(6), capex: try number(7),
                                 intensityGPerKWh: try number(8), renewableFraction: try number(9), unservedKWh: try number(10),
                                 unservedFraction: try number(11), fuelL: try number(12), lifetimeEmissionsT: try number(13),
                                 loleHoursPerYear: try optionalNumber(16), eensMWhPerYear: try optionalNumber(17),
                                 worstYear: (try number(18), try number(19), try number(20)), dispatch: dispatch,
                                 feasible: fields[14] == "true", violation: fields[15],
                                 caseObjectives: try (0..<caseCount).map { try number(designColumns.count + $0) })
            (outcome.daysOverPrimeLimit, outcome.runHoursPerUnitYear) = (days, try number(24))
            if !fields[25].isEmpty {
                guard let years = Int(fields[25]) else { throw HelioError(.usage, "ensemble_years: '\(fields[25])' is not an integer", file: file, line: index + 2) }
                outcome.ensemble = SizingEnsembleFigures(years: years, shareMet: try number(26), intensityP50GPerKWh: try number(27),
                                                         intensityP90GPerKWh: try number(28), fuelP50L: try number(29), fuelP90L: try number(30),
                                                         unservedP90Fraction: try number(31))
            }
            return outcome
        }
    }

    /// The fields of a row: commas separate, except inside the one quoted field (`violation`).
    private static func splitRow(_ line: Substring, expected: Int, file: String, line number: Int) throws -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(current); current = "" } else { current.append(character) }
        }
        fields.append(current)
        guard fields.count == expected else {
            throw HelioError(.usage, "expected \(expected) fields, found \(fields.count)", file: file, line: number)
        }
        return fields
    }

    /// `size.json`: what was searched and found.
    public static func summaryJSON(study: SizingStudy, result: SizingResult, reference: SizingOutcome, seconds: Double, shards: Int) throws -> String {
        func design(_ outcome: SizingOutcome) -> [String: Any] {
            let d = outcome.design
            return ["pv_kw": d.pvKW, "battery_kwh": d.batteryKWh, "battery_kw": d.batteryKW, "diesel_units": d.dieselUnits,
                    "diesel_unit_kw": d.dieselUnitKW, "augmentation": d.augmentation.rawValue, "npc": outcome.npc, "lcoe": outcome.lcoePerKWh, "capex": outcome.capex,
                    "intensity_g_per_kwh": outcome.intensityGPerKWh, "renewable_fraction": outcome.renewableFraction,
                    "unserved_kwh": outcome.unservedKWh, "feasible": outcome.feasible, "violation": outcome.violation,
                    "objective": outcome.objective, "lole_h_per_year": outcome.loleHoursPerYear as Any,
                    "eens_mwh_per_year": outcome.eensMWhPerYear as Any,
                    "worst_year_intensity_g_per_kwh": outcome.worstYearIntensityGPerKWh,
                    "worst_year_renewable_fraction": outcome.worstYearRenewableFraction,
                    "worst_year_unserved_fraction": outcome.worstYearUnservedFraction, "dispatch": outcome.dispatch.rawValue,
                    "ensemble": outcome.ensemble.map { e -> Any in
                        ["years": e.years, "share_met": e.shareMet, "intensity_p50_g_per_kwh": e.intensityP50GPerKWh,
                         "intensity_p90_g_per_kwh": e.intensityP90GPerKWh, "fuel_p50_l": e.fuelP50L, "fuel_p90_l": e.fuelP90L,
                         "unserved_p90_fraction": e.unservedP90Fraction] as [String: Any]
                    } ?? NSNull()]
        }
        let config = study.config
        var object: [String: Any] = [
            "objective": config.objective.rawValue, "dispatch": config.dispatch.rawValue, "designs": result.outcomes.count,
            "years": config.years, "limit_basis": config.limitBasis.rawValue, "screen": study.screening.rawValue,
            "verified": study.config.screensDesigns ? result.outcomes.filter { $0.dispatch == config.dispatch }.count : 0,
            "feasible_designs": result.outcomes.filter(\.feasible).count, "pareto_points": result.pareto.count,
            "reference": design(reference),
            "limits": ["max_intensity_g_per_kwh": config.maxIntensityGPerKWh as Any, "max_unserved_fraction": config.maxUnservedFraction,
                       "min_renewable_fraction": config.minRenewableFraction as Any, "n_plus_one": config.nPlusOne,
                       "peak_load_kw": study.peakLoadKW, "max_lole_hours_per_year": config.maxLOLEHoursPerYear as Any,
                       "max_eens_mwh_per_year": config.maxEENSMWhPerYear as Any,
                       "min_battery_power_kw": config.minBatteryPowerKW.map { $0 as Any } ?? NSNull(),
                       "reliability_samples": config.limitsReliability ? config.reliabilitySamples as Any : NSNull(),
                       "limit_probability": config.limitProbability.map { $0 as Any } ?? NSNull(),
                       "ensemble_years": config.limitProbability == nil ? NSNull() : study.ensembleYears as Any],
            "timing": ["seconds": seconds, "designs_per_second": seconds > 0 ? Double(result.outcomes.count) / seconds : 0, "shards": shards,
                       "lp_solve_seconds": result.lowerBound?.solveSeconds ?? 0],
        ]
        object["best"] = result.best.map { design(result.outcomes[$0]) } ?? NSNull()
        if let bound = result.lowerBound {
            object["lp_bound"] = ["pv_kw": bound.pvKW, "battery_kwh": bound.batteryKWh, "battery_kw": bound.batteryKW,
                                  "diesel_units": bound.dieselUnits, "npc": bound.objective,
                                  "intensity_g_per_kwh": bound.intensityGPerKWh]
        } else {
            object["lp_bound"] = NSNull()
        }
        object["gap_to_lp_bound"] = result.gapToBound ?? NSNull()
        object["gap_by_cause"] = result.gap.map { gap -> [String: Any] in
            ["lp_bound": gap.lpBound, "lp_at_best": gap.lpAtBest.map { $0 as Any } ?? NSNull(),
             "optimal_at_best": gap.optimalAtBest.map { $0 as Any } ?? NSNull(), "best": gap.best,
             "causes": gap.causes.map { ["cause": $0.name, "npc": $0.amount] }]
        } ?? NSNull()
        object["cases"] = zip(study.cases, result.caseBest).map { factors, best -> [String: Any] in
            ["fuel_price_factor": factors.fuelPrice, "carbon_price_factor": factors.carbonPrice, "battery_capex_factor": factors.batteryCapex,
             "best": best.map { index -> [String: Any] in
                 var entry = design(result.outcomes[index])
                 entry["objective"] = result.outcomes[index].caseObjectives[study.cases.firstIndex(of: factors)!]
                 return entry
             } ?? NSNull()]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
